import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { EsCaseForm, type CaseDraft } from '../src/components/case-form/case-form.js';
import type { EsStoryParameters } from './support/fake-provider.js';
import { draftStorageKey, saveDraft } from '../src/core/drafts.js';
import { attachments, hostile, meAnna } from './support/fixtures.js';

// Registered here, not through a bare `import './define.js'`: the package's `sideEffects` list names only dist/
// files, so a bundler may drop a side-effect-only import of src/**/define.ts (the story would render nothing).
EsCaseForm.define();

/**
 * es-case-form in every state. Drafts are kept in sessionStorage per user and `draft-key`: the stories that show a
 * filled form seed a draft for the story's own key (the same path a reload or the sign-in redirect takes).
 */
const meta: Meta = {
  title: 'Elements/Case form',
  component: 'es-case-form',
  render: (args) => html`<es-case-form draft-key=${args['draft-key']} initial-subject=${args['initial-subject'] ?? ''}
    case-href-template=${args['case-href-template']}></es-case-form>`,
  args: { 'draft-key': 'story-empty', 'initial-subject': '', 'case-href-template': '#/cases/{id}' },
  parameters: { es: { session: 'signed-in' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;
const es = (p: EsStoryParameters) => ({ es: p });

const filled: Omit<CaseDraft, 'idempotencyKey'> = {
  subject: 'VPN tunnels drop every 60 minutes on rekey',
  description: 'Since the upgrade to 7.2.1 on Monday, every site-to-site tunnel drops exactly at the IKE rekey.\n\n' +
    'Tried: restarting the gateway, re-creating one tunnel.\nImpact: 3 branch offices lose connectivity for ~40 s every hour.',
  productId: 'p-vpn', severity: 'high', contactPhone: '+358 40 123 4567', attachments: [],
};

/** Renders the form over a seeded draft (fresh each time the story renders). */
function withDraft(key: string, draft: Partial<CaseDraft>) {
  return () => {
    saveDraft(draftStorageKey('case-form', meAnna.id, key), { ...filled, idempotencyKey: crypto.randomUUID(), ...draft });
    return html`<es-case-form draft-key=${key}></es-case-form>`;
  };
}

const form = (canvas: HTMLElement) => canvas.querySelector('es-case-form') as EsCaseForm;
const until = async (fn: () => unknown, ms = 4000) => {
  for (const end = Date.now() + ms; Date.now() < end && !fn();) await new Promise((r) => setTimeout(r, 50));
};

export const Empty: Story = { name: 'Empty form' };

export const FromKnowledgeBase: Story = {
  name: 'Opened from the KB (initial-subject, suggestions)',
  args: { 'draft-key': 'story-kb', 'initial-subject': 'vpn rekey' },
};

export const RestoredDraft: Story = { name: 'Draft restored (after a reload or sign-in)', render: withDraft('story-restored', {}) };

export const Suggestions: Story = {
  name: 'KB suggestions while typing',
  render: withDraft('story-suggestions', { subject: 'Sentinel agent does not report after upgrade', description: '' }),
};

export const ValidationErrors: Story = {
  name: 'Validation errors (error summary)',
  render: withDraft('story-invalid', { subject: 'VPN', description: 'Too short', productId: '', severity: '' }),
  play: async ({ canvasElement }) => {
    await until(() => form(canvasElement)?.shadowRoot?.querySelector('#subject'));
    await form(canvasElement).submit();
  },
};

export const ServerFieldErrors: Story = {
  name: 'Server field errors',
  render: withDraft('story-server-errors', {}),
  parameters: es({
    session: 'signed-in',
    api: { methods: { createCase: 'error' }, error: { status: 422, title: 'Validation failed', fieldErrors: [{ field: 'subject', message: 'A case with this subject was opened 2 minutes ago.' }, { field: 'contactPhone', message: 'Not a valid phone number.' }] } },
  }),
  play: async ({ canvasElement }) => {
    await until(() => form(canvasElement)?.shadowRoot?.querySelector('#productId option[value=p-vpn]'));
    await form(canvasElement).submit();
  },
};

export const SubmitFails: Story = {
  name: 'Submit fails: nothing lost, try again (same Idempotency-Key)',
  render: withDraft('story-network', {}),
  parameters: es({ session: 'signed-in', api: { methods: { createCase: 'fail-once' }, error: { status: 0 } } }),
  play: async ({ canvasElement }) => {
    await until(() => form(canvasElement)?.shadowRoot?.querySelector('#productId option[value=p-vpn]'));
    await form(canvasElement).submit();
  },
};

export const Submitting: Story = {
  name: 'Submitting (no double submit)',
  render: withDraft('story-submitting', {}),
  parameters: es({ session: 'signed-in', api: { methods: { createCase: 'loading' } } }),
  play: async ({ canvasElement }) => {
    await until(() => form(canvasElement)?.shadowRoot?.querySelector('#productId option[value=p-vpn]'));
    void form(canvasElement).submit();
  },
};

export const Success: Story = {
  name: 'Created (case number and link)',
  render: withDraft('story-success', {}),
  play: async ({ canvasElement }) => {
    await until(() => form(canvasElement)?.shadowRoot?.querySelector('#productId option[value=p-vpn]'));
    await form(canvasElement).submit();
  },
};

export const Deflected: Story = {
  name: '"This solved my problem" (no case)',
  render: withDraft('story-deflected', { subject: 'VPN tunnel drops at IKE rekey', description: '' }),
  play: async ({ canvasElement }) => {
    const solved = () => form(canvasElement)?.shadowRoot?.querySelector<HTMLButtonElement>('[part~=solved-button]');
    await until(solved, 6000);
    solved()?.click();
  },
};

export const ManyAttachments: Story = {
  name: 'Many attachments (10, the limit)',
  render: withDraft('story-attachments', {
    attachments: Array.from({ length: 10 }, (_, i) => ({ ...attachments[i % 4]!, id: `att-s${i}`, fileName: `diagnostics-${i + 1}-${attachments[i % 4]!.fileName}` })),
  }),
};

export const AttachmentProblems: Story = {
  name: 'Attachments: progress, rejected files, failed upload',
  render: withDraft('story-attachment-problems', {}),
  parameters: es({ session: 'signed-in', api: { delay: 400 } }),
  play: async ({ canvasElement }) => {
    await until(() => form(canvasElement)?.shadowRoot?.querySelector('#case-files-input'));
    const input = form(canvasElement).shadowRoot!.querySelector<HTMLInputElement>('#case-files-input')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['x'.repeat(200_000)], 'gateway-diagnostics.log', { type: 'text/plain' }));
    dt.items.add(new File(['MZ'], 'installer.exe', { type: 'application/x-msdownload' }));
    dt.items.add(new File([], 'empty.txt', { type: 'text/plain' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  },
};

export const UploadFails: Story = {
  name: 'Upload fails (retry per file)',
  render: withDraft('story-upload-fails', {}),
  parameters: es({ session: 'signed-in', api: { methods: { uploadAttachment: 'fail-once' }, error: { status: 503 } } }),
  play: async ({ canvasElement }) => {
    await until(() => form(canvasElement)?.shadowRoot?.querySelector('#case-files-input'));
    const input = form(canvasElement).shadowRoot!.querySelector<HTMLInputElement>('#case-files-input')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['log'], 'agent.log', { type: 'text/plain' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  },
};

export const ProductsLoading: Story = { name: 'Products loading', parameters: es({ session: 'signed-in', api: { methods: { listProducts: 'loading' } } }) };

export const ProductsFail: Story = { name: 'Products fail to load', parameters: es({ session: 'signed-in', api: { methods: { listProducts: 'error' } } }) };

export const SignedOut: Story = { name: 'Signed out (draft kept for after sign-in)', parameters: es({ session: 'signed-out' }) };

export const HostileText: Story = {
  name: 'Hostile text (shown as plain text)',
  render: withDraft('story-hostile', {
    subject: hostile.imgOnerror, description: `${hostile.script}\n${hostile.jsUrl}\n${hostile.mutation}\n${hostile.template}`,
    contactPhone: hostile.attributeBreak.slice(0, 40),
    attachments: [{ ...attachments[0]!, fileName: hostile.svgOnload }, { ...attachments[1]!, fileName: hostile.rtlOverride }],
  }),
  parameters: es({ session: 'signed-in', api: { overrides: { searchKb: async () => ({ items: [{ id: '1999', title: hostile.script, titleMatches: [], snippet: hostile.imgOnerror, snippetMatches: [], productId: null, productName: null, updatedAt: new Date().toISOString() }], nextCursor: null, total: 1 }) } } }),
};

export const LongText: Story = {
  name: 'Very long text',
  render: withDraft('story-long', {
    subject: `SIEM collectors stop forwarding — ${'queue full, dropping batch '.repeat(6)}`.slice(0, 200),
    description: Array.from({ length: 40 }, (_, i) => `Line ${i + 1}: collector-${i % 7} reports "queue full, dropping batch" while ingestion shows zero backlog.`).join('\n'),
  }),
};

export const RightToLeft: Story = {
  name: 'Right-to-left',
  render: withDraft('story-rtl', { subject: hostile.rtlArabic, description: `${hostile.rtlHebrew}\n${hostile.rtlArabic}` }),
  parameters: { es: { session: 'signed-in', dir: 'rtl' } },
};
