import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EsStoryParameters } from './support/fake-provider.js';

// Registration happens here, not through the define modules: the bundler treats a bare `import './define.js'` of
// this package as side-effect free (package.json `sideEffects` lists only dist/ files) and drops it. Every element
// class the portal composes is found with import.meta.glob (a missing one never breaks the build) and defined.
const elementModules = import.meta.glob('../src/components/*/define.ts', { eager: true }) as Record<string, Record<string, unknown>>;
for (const mod of Object.values(elementModules)) {
  for (const value of Object.values(mod)) {
    const cls = value as { tagName?: unknown; define?: () => void };
    if (typeof cls === 'function' && typeof cls.tagName === 'string' && cls.tagName.startsWith('es-')) cls.define?.();
  }
}

/**
 * es-portal: the whole portal behind one tag. Each story starts on the route in `parameters.route` (written into the
 * hash before the element connects); the navigation, back and forward then work inside the story. In the real page
 * es-portal sits inside es-provider; here the story decorator provides the fake session and API.
 */
const meta: Meta = {
  title: 'Elements/Portal',
  component: 'es-portal',
  render: (_args, context) => {
    const route = (context.parameters['route'] as string | undefined) ?? '';
    history.replaceState(history.state, '', `${location.pathname}${location.search}${route ? `#${route}` : ''}`);
    return html`<es-portal><span slot="title">Sentinel Support</span></es-portal>`;
  },
  parameters: { layout: 'fullscreen', es: { session: 'signed-out' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;

const signedIn = { session: 'signed-in', user: 'anna' } satisfies EsStoryParameters;

export const SignedOutStart: Story = { name: 'Signed out: start (knowledge base)' };
export const SignedOutKbSearch: Story = { name: 'Signed out: KB search', parameters: { route: '/kb?q=vpn rekey' } };
export const SignedOutCases: Story = { name: 'Signed out: cases route asks to sign in', parameters: { route: '/cases/case-2' } };
export const SignedOutNewCase: Story = { name: 'Signed out: new case asks to sign in', parameters: { route: '/new' } };
export const SignedOutContact: Story = { name: 'Signed out: contact', parameters: { route: '/contact' } };
export const SignedOutDocuments: Story = { name: 'Signed out: documents', parameters: { route: '/documents' } };
export const SignedOutRequestAccount: Story = { name: 'Signed out: request an account', parameters: { route: '/request-account' } };
export const SigningIn: Story = {
  name: 'Signing in on a cases route',
  parameters: { route: '/cases', es: { session: { status: 'signing-in', signInOutcome: 'never' } } },
};

export const SignedInStart: Story = { name: 'Signed in: start (cases)', parameters: { es: signedIn } };
export const SignedInCase: Story = { name: 'Signed in: a case', parameters: { route: '/cases/case-2', es: signedIn } };
export const SignedInNewCase: Story = { name: 'Signed in: new case from a search', parameters: { route: '/new?subject=VPN tunnel drops after rekey', es: signedIn } };
export const SignedInArticle: Story = { name: 'Signed in: KB article', parameters: { route: '/kb/1001', es: signedIn } };
export const SignedInPending: Story = { name: 'Signed in, portal access pending', parameters: { es: { session: 'signed-in', user: 'pending' } } };
export const NotFound: Story = { name: 'Unknown route', parameters: { route: '/nowhere' } };

export const Finnish: Story = { name: 'Finnish, signed in', globals: { locale: 'fi' }, parameters: { es: signedIn } };
export const RightToLeft: Story = { name: 'Right to left', globals: { dir: 'rtl' }, parameters: { route: '/contact' } };
export const Dark: Story = { name: 'Dark theme, signed in', globals: { theme: 'dark' }, parameters: { es: signedIn } };
