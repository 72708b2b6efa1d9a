import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Registration happens here, not through the define module: the bundler treats a bare `import './define.js'` of
// this package as side-effect free (package.json `sideEffects` lists only dist/ files) and drops it.
import { EsAccountRequest } from '../src/components/account-request/account-request.js';
import { DRAFT_KEY } from '../src/components/account-request/draft.js';
import type { EsStoryParameters } from './support/fake-provider.js';

EsAccountRequest.define();

/**
 * es-account-request in every state. States after a submit are reached by a play function that types into the
 * form and sends it against the fake API (`parameters.es`). Each story starts without a stored draft.
 */
const meta: Meta = {
  title: 'Elements/Account request',
  component: 'es-account-request',
  render: () => {
    try { sessionStorage.removeItem(DRAFT_KEY); } catch { /* storage disabled */ }
    return html`<es-account-request></es-account-request>`;
  },
  parameters: { es: { session: 'signed-out' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;

type Values = Partial<Record<'firstName' | 'lastName' | 'email' | 'accountId' | 'message', string>>;
const valid: Values = { firstName: 'Maria', lastName: 'Korhonen', email: 'maria.korhonen@fabrikam.example', accountId: 'ACC-220871' };

async function element(canvas: HTMLElement): Promise<EsAccountRequest> {
  await customElements.whenDefined('es-account-request');
  const el = canvas.querySelector('es-account-request')!;
  await el.updateComplete;
  return el;
}

/** Types the values into the form (as input events, then leaving each field) and optionally sends it. */
async function fillAndSend(canvas: HTMLElement, values: Values, send = true): Promise<void> {
  const el = await element(canvas);
  for (const [name, value] of Object.entries(values)) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#f-${name}`)!;
    input.value = value ?? '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
  }
  if (send) el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit-button]')!.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 400)); // the fake API answers after 120 ms
}

const es = (p: EsStoryParameters) => ({ es: p });

export const Empty: Story = {};

export const WithErrors: Story = {
  name: 'With errors (failed submit)',
  play: ({ canvasElement }) => fillAndSend(canvasElement, { firstName: 'Maria', email: 'maria.korhonen@', accountId: 'ACC-2208' }),
};

export const InlineErrorOnBlur: Story = {
  name: 'Inline error after leaving a field',
  play: ({ canvasElement }) => fillAndSend(canvasElement, { email: 'not-an-email' }, false),
};

export const LongMessage: Story = {
  name: 'Message over the limit',
  play: ({ canvasElement }) => fillAndSend(canvasElement, { ...valid, message: 'We run 40 firewalls. '.repeat(100) }, false),
};

export const Submitting: Story = {
  parameters: es({ api: { methods: { requestAccount: 'loading' } } }),
  play: ({ canvasElement }) => fillAndSend(canvasElement, valid),
};

export const Success: Story = {
  name: 'Success (new Business Account)',
  play: ({ canvasElement }) => fillAndSend(canvasElement, valid),
};

export const SuccessExistingAccount: Story = {
  name: 'Success (already has a Business Account)',
  play: ({ canvasElement }) => fillAndSend(canvasElement, { ...valid, email: 'pekka.pending@nordicbank.example', accountId: 'ACC-104233' }),
};

export const Duplicate: Story = {
  play: ({ canvasElement }) => fillAndSend(canvasElement, { ...valid, email: 'dup.maria@fabrikam.example' }),
};

export const ServerFieldErrors: Story = {
  name: 'Server field errors',
  parameters: es({
    api: {
      methods: { requestAccount: 'error' },
      error: { status: 422, title: 'Invalid request', fieldErrors: [{ field: 'accountId', message: 'No customer account has this Account ID. Check it on your support contract.' }] },
    },
  }),
  play: ({ canvasElement }) => fillAndSend(canvasElement, { ...valid, accountId: 'ACC-999999' }),
};

export const RateLimited: Story = {
  name: 'Rate limited (429)',
  parameters: es({ api: { methods: { requestAccount: 'error' }, error: { status: 429, retryAfter: 900 } } }),
  play: ({ canvasElement }) => fillAndSend(canvasElement, valid),
};

export const NetworkError: Story = {
  name: 'Network error (nothing typed lost)',
  parameters: es({ api: { methods: { requestAccount: 'error' }, error: { status: 0, kind: 'network' } } }),
  play: ({ canvasElement }) => fillAndSend(canvasElement, { ...valid, message: 'I look after our VPN gateways.' }),
};

export const FailsOnceThenWorks: Story = {
  name: 'Server error once, send again works',
  parameters: es({ api: { methods: { requestAccount: 'fail-once' }, error: { status: 503 } } }),
  play: ({ canvasElement }) => fillAndSend(canvasElement, valid),
};

export const SignedInPrefilled: Story = {
  name: 'Signed in (pending user), prefilled',
  parameters: es({ session: 'signed-in', user: 'none' }),
};

export const Finnish: Story = { globals: { locale: 'fi' } };
export const FinnishWithErrors: Story = {
  name: 'Finnish, with errors', globals: { locale: 'fi' },
  play: ({ canvasElement }) => fillAndSend(canvasElement, { email: 'x' }),
};
export const RightToLeft: Story = {
  name: 'Right to left', globals: { dir: 'rtl' },
  play: ({ canvasElement }) => fillAndSend(canvasElement, { firstName: 'Maria' }),
};
export const Dark: Story = {
  name: 'Dark theme, with errors', globals: { theme: 'dark' },
  play: ({ canvasElement }) => fillAndSend(canvasElement, { firstName: 'Maria' }),
};
export const DarkSuccess: Story = {
  name: 'Dark theme, success', globals: { theme: 'dark' },
  play: ({ canvasElement }) => fillAndSend(canvasElement, valid),
};
