import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/provider/define.js';

/**
 * es-provider is invisible when its configuration is valid: it provides config, session and api to the widgets
 * inside it and sets the design tokens (light or dark) on itself. These stories show what it passes down (the
 * tokens, on plain content, so no server is needed) and the in-place message for a configuration that cannot work.
 */
const meta: Meta = {
  title: 'Elements/Provider',
  component: 'es-provider',
  argTypes: {
    apiUrl: { control: 'text', name: 'api-url' },
    authority: { control: 'text' },
    clientId: { control: 'text', name: 'client-id' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'inline-radio', options: ['en', 'fi'] },
  },
  args: {
    apiUrl: 'http://localhost:4200/api/v1', authority: 'http://localhost:4100', clientId: 'portal-a', theme: 'light', locale: 'en',
  },
  render: (args) => html`
    <es-provider api-url=${args['apiUrl'] ?? ''} authority=${args['authority'] ?? ''} client-id=${args['clientId'] ?? ''}
      theme=${args['theme'] ?? 'light'} locale=${args['locale'] ?? 'en'} token-storage="memory">
      ${tokenSample}
    </es-provider>`,
};
export default meta;
type Story = StoryObj;

const swatch = (name: string) => html`<li><span class="sw sw-${name}"></span><code>--es-color-${name}</code></li>`;
const tokenSample = html`
  <style>
    .demo { background: var(--es-color-surface); color: var(--es-color-text); border: 1px solid var(--es-color-border);
      border-radius: var(--es-radius, 6px); padding: 1rem; font-family: var(--es-font-family, system-ui); }
    .demo ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.25rem; }
    .demo li { display: flex; align-items: center; gap: 0.5rem; }
    .sw { inline-size: 1.25rem; block-size: 1.25rem; border-radius: 4px; border: 1px solid var(--es-color-border); }
    .sw-primary { background: var(--es-color-primary); } .sw-text { background: var(--es-color-text); }
    .sw-surface { background: var(--es-color-surface); } .sw-danger { background: var(--es-color-danger); }
    .sw-success { background: var(--es-color-success); } .sw-muted { background: var(--es-color-muted); }
  </style>
  <div class="demo">
    <p>Widgets placed here receive the configuration, the session and the API, and inherit these tokens:</p>
    <ul>${['primary', 'text', 'surface', 'danger', 'success', 'muted'].map(swatch)}</ul>
  </div>`;

/** A valid configuration: nothing of its own is shown. */
export const Configured: Story = {};

/** `theme="dark"`: dark tokens on the provider, inherited by everything inside. */
export const Dark: Story = { args: { theme: 'dark' } };

/** Public-only page: no authority or client id, so sign-in is off and oidc-client-ts is never loaded. */
export const PublicOnly: Story = { args: { authority: '', clientId: '' } };

/** `api-url` missing: the error names the field. */
export const MissingApiUrl: Story = {
  args: { apiUrl: '' },
  // The provider logs an invalid configuration on purpose (shown in place and logged).
  parameters: { storyTest: { expectedErrors: ['apiUrl (attribute api-url) is required'] } },
};

/** `authority` without `client-id`. */
export const AuthorityWithoutClientId: Story = {
  args: { clientId: '' },
  parameters: { storyTest: { expectedErrors: ['clientId (attribute client-id)'] } },
};

/** The configuration error in Finnish. */
export const ErrorInFinnish: Story = {
  args: { apiUrl: 'not-a-url', locale: 'fi' },
  parameters: { storyTest: { expectedErrors: ['apiUrl (attribute api-url)'] } },
};
