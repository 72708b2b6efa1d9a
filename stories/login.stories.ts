import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Registration happens here, not through the define module: the bundler treats a bare `import './define.js'` of
// this package as side-effect free (package.json `sideEffects` lists only dist/ files) and drops it.
import { EsLogin } from '../src/components/login/login.js';
import { StorySession, type EsStoryParameters } from './support/fake-provider.js';

EsLogin.define();

/**
 * es-login in every state. The fake session and API come from `parameters.es` (stories/support/fake-provider.ts):
 * the signed-out stories sign in for real against the fake (signing-in → signed-in after 600 ms).
 */
const meta: Meta = {
  title: 'Elements/Login',
  component: 'es-login',
  render: (args) => html`<es-login ?popup=${Boolean(args['popup'])} account-request-href=${ifDefined((args["account-request-href"] as string | undefined) || undefined)}></es-login>`,
  args: { popup: false },
  parameters: { es: { session: 'signed-out' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;

const es = (p: EsStoryParameters) => ({ es: p });

export const SignedOut: Story = {};

export const SignedOutPopup: Story = { name: 'Signed out (popup sign-in)', args: { popup: true } };

/**
 * After a page load, while the session restores a stored sign-in: no sign-in button, a quiet space of one button
 * row, and "Checking your sign-in…" after about 300 ms. Here the restore never finishes, so after 10 seconds the
 * element falls back to the signed-out view, as it does on a page (the user can always sign in).
 */
export const CheckingSignIn: Story = {
  name: 'Checking sign-in',
  decorators: [(story, context) => {
    // A nested provider whose session's `ready` never settles (parameters.es has no such option).
    const session = Object.assign(new StorySession(), { ready: new Promise<void>(() => undefined) });
    const theme = (context.globals as { theme?: 'light' | 'dark' }).theme ?? 'light';
    return html`<es-story-provider .session=${session} .theme=${theme}>${story()}</es-story-provider>`;
  }],
};

export const SigningIn: Story = { parameters: es({ session: { status: 'signing-in', signInOutcome: 'never' } }) };

export const SigningInPopup: Story = {
  name: 'Signing in (popup)', args: { popup: true },
  parameters: es({ session: { status: 'signing-in', signInOutcome: 'never' } }),
};

export const SignedIn: Story = { parameters: es({ session: 'signed-in', user: 'anna' }) };

export const LoadingAccount: Story = {
  name: 'Signed in, loading account details',
  parameters: es({ session: 'signed-in', api: { methods: { me: 'loading' } } }),
};

export const SignInFailed: Story = {
  name: 'Trouble a: sign-in failed',
  parameters: es({ session: { status: 'error', error: { code: 'failed', message: 'invalid_grant: grant request is invalid' } } }),
};

export const SignInCancelled: Story = {
  name: 'Trouble a: sign-in cancelled',
  parameters: es({ session: { status: 'error', error: { code: 'cancelled' } } }),
};

export const StateMismatch: Story = {
  name: 'Trouble a: no matching state (back button)',
  parameters: es({ session: { status: 'error', error: { code: 'state-mismatch' } } }),
};

export const PopupCancelledLive: Story = {
  name: 'Trouble a: popup closed (try it)', args: { popup: true },
  parameters: es({ session: { status: 'signed-out', signInOutcome: 'cancelled' } }),
};

export const AccessPending: Story = {
  name: 'Trouble b: portal access pending',
  parameters: es({ session: 'signed-in', user: 'pending' }),
};

export const NoPortalAccess: Story = {
  name: 'Trouble b: no portal access',
  parameters: es({ session: 'signed-in', user: 'none' }),
};

export const AccessPendingCustomSupport: Story = {
  name: 'Trouble b: with a host support-contact slot',
  render: () => html`<es-login><a slot="support-contact" href="tel:+35892520070">+358 9 2520 0700 (Mon–Fri 8–17)</a></es-login>`,
  parameters: es({ session: 'signed-in', user: 'pending' }),
};

export const UsernameMismatch: Story = {
  name: 'Trouble c: username is not the email',
  parameters: es({ session: 'signed-in', user: 'mismatch' }),
};

export const ProviderUnreachable: Story = {
  name: 'Trouble d: sign-in service unreachable',
  parameters: es({ session: { status: 'error', error: { code: 'unreachable' } } }),
};

export const ApiUnreachable: Story = {
  name: 'Trouble d: support API unreachable',
  parameters: es({ session: 'signed-in', api: { methods: { me: 'error' }, error: { status: 0, kind: 'network' } } }),
};

export const ApiUnreachableThenRecovers: Story = {
  name: 'Trouble d: API fails once, retry works',
  parameters: es({ session: 'signed-in', api: { methods: { me: 'fail-once' }, error: { status: 0, kind: 'timeout' } } }),
};

export const SessionExpired: Story = {
  parameters: es({ session: { status: 'error', error: { code: 'expired' } } }),
};

export const CustomRequestAccountLink: Story = {
  name: 'Signed out, host request-account slot',
  render: () => html`<es-login><a slot="request-account" href="https://example.com/join">Join the partner programme</a></es-login>`,
};

export const Finnish: Story = { globals: { locale: 'fi' } };
export const FinnishMismatch: Story = {
  name: 'Finnish, trouble c', globals: { locale: 'fi' },
  parameters: es({ session: 'signed-in', user: 'mismatch' }),
};
export const RightToLeft: Story = {
  name: 'Right to left', globals: { dir: 'rtl' },
  parameters: es({ session: 'signed-in', user: 'pending' }),
};
export const Dark: Story = { name: 'Dark theme', globals: { theme: 'dark' } };
export const DarkTrouble: Story = {
  name: 'Dark theme, sign-in failed', globals: { theme: 'dark' },
  parameters: es({ session: { status: 'error', error: { code: 'failed' } } }),
};

export const Themed: Story = {
  name: 'Themed with tokens and parts',
  render: () => html`
    <style>
      /* A brand with its own light palette (it stays light under the dark toolbar theme too). */
      .brand { --es-color-primary: #6b1d8f; --es-color-primary-hover: #561773; --es-color-on-primary: #ffffff;
        --es-color-text: #221a26; --es-color-muted: #5a4d61; --es-color-surface: #ffffff; --es-color-surface-alt: #f6eefa;
        --es-color-border: #c9b8d1; --es-radius: 0; --es-login-trouble-background: #f6eefa; --es-login-trouble-border: #6b1d8f;
        background: #ffffff; color: #221a26; padding: 1rem; }
      .brand es-login::part(sign-in-button) { text-transform: uppercase; letter-spacing: 0.04em; }
    </style>
    <div class="brand"><es-login></es-login></div>`,
};
