import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { EsCaseDetail } from '../src/components/case-detail/case-detail.js';
import type { EsStoryParameters } from './support/fake-provider.js';
import type { Comment, SupportCase } from '../src/core/models.js';
import { makeThread } from './support/comment-pages.js';
import {
  attachments, closedCase, comments, escalatedCase, hostile, hostileCase, longCase, manyComments, people, supportCase,
} from './support/fixtures.js';

// Registered here, not through a bare `import './define.js'`: the package's `sideEffects` list names only dist/
// files, so a bundler may drop a side-effect-only import of src/**/define.ts (the story would render nothing).
EsCaseDetail.define();

/**
 * es-case-detail in every state. The fake API keeps changes (comments, close, reopen, escalation) for the life of the
 * story, so the whole follow-up flow can be tried.
 */
const meta: Meta = {
  title: 'Elements/Case detail',
  component: 'es-case-detail',
  render: (args) => html`<es-case-detail case-id=${args['case-id']} poll-interval=${args['poll-interval']}></es-case-detail>`,
  args: { 'case-id': supportCase.id, 'poll-interval': 20000 },
  parameters: { es: { session: 'signed-in' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;
const es = (p: EsStoryParameters) => ({ es: p });

export const Default: Story = { name: 'In progress, with comments and attachments' };

export const Escalated: Story = { name: 'Escalated (level 2 → asks for level 3)', args: { 'case-id': escalatedCase.id } };

export const HighestEscalation: Story = {
  name: 'Escalation level 3 (escalation disabled)',
  args: { 'case-id': escalatedCase.id },
  parameters: es({ session: 'signed-in', api: { data: { caseDetails: { [escalatedCase.id]: { ...escalatedCase, escalationLevel: 3 } } } } }),
};

export const Closed: Story = { name: 'Closed (reopen with a reason)', args: { 'case-id': closedCase.id } };

/** A support engineer answers 4 s after the story opens: the reply appears with a "New reply" marker. */
export const NewReplyArrives: Story = {
  name: 'New reply arrives (polling every 2 s)',
  args: { 'poll-interval': 2000 },
  parameters: es({
    session: 'signed-in',
    api: {
      overrides: (() => {
        const opened = Date.now();
        const reply = (): Comment => ({
          id: 'c-live', caseId: supportCase.id, author: people.engineer2, createdAt: new Date(opened + 4000).toISOString(),
          body: 'Hotfix 7.2.2 is now available: https://support.example.com/downloads/bastion-7.2.2', attachments: [],
        });
        return {
          async listComments(_id: string, o?: { since?: string }) {
            const items = o?.since ? (Date.now() - opened > 4000 ? [reply()] : []) : comments;
            return { items: items.filter((c) => !o?.since || c.createdAt > o.since), nextCursor: null, total: items.length };
          },
        };
      })(),
    },
  }),
};

export const CommentFails: Story = {
  name: 'Sending a comment fails (rolled back, text kept)',
  parameters: es({ session: 'signed-in', api: { methods: { addComment: 'error' }, error: { status: 0 } } }),
};

export const ActionFails: Story = {
  name: 'Close / escalate fail (rolled back)',
  parameters: es({ session: 'signed-in', api: { methods: { closeCase: 'error', escalateCase: 'error', reopenCase: 'error' }, error: { status: 503 } } }),
};

export const UploadFails: Story = {
  name: 'Attachment upload fails (retry per file)',
  parameters: es({ session: 'signed-in', api: { methods: { uploadAttachment: 'error' }, error: { status: 500 } } }),
};

export const NoComments: Story = {
  name: 'No comments yet',
  parameters: es({ session: 'signed-in', api: { methods: { listComments: 'empty' } } }),
};

export const Loading: Story = { parameters: es({ session: 'signed-in', api: { methods: { getCase: 'loading' } } }) };

export const ErrorState: Story = {
  name: 'Error (retry)',
  parameters: es({ session: 'signed-in', api: { methods: { getCase: 'fail-once' }, error: { status: 503 } } }),
};

export const NotFound: Story = { name: 'Not found / another organisation', args: { 'case-id': 'case-does-not-exist' } };

export const SignedOut: Story = { parameters: es({ session: 'signed-out' }) };

export const HostileText: Story = {
  name: 'Hostile text (shown as plain text)',
  args: { 'case-id': hostileCase.id },
  parameters: es({
    session: 'signed-in',
    api: {
      data: {
        comments: {
          [hostileCase.id]: [
            { id: 'hc-1', caseId: hostileCase.id, author: { id: 'x', name: hostile.imgOnerror, role: 'support' }, createdAt: hostileCase.createdAt,
              body: `${hostile.script}\n${hostile.jsUrl}\nhttps://ok.example/"><svg onload=alert(1)>\n${hostile.attributeBreak}\n${hostile.template}`,
              attachments: [{ ...attachments[0]!, fileName: hostile.imgOnerror }] },
          ],
        },
      },
    },
  }),
};

/** The fake API pages like the server: the thread opens at the newest 30 of 60, "Show earlier comments (30 more)" above. */
export const LongContent: Story = {
  name: 'Very long text, many attachments, 60 comments (opens at the newest 30)',
  args: { 'case-id': longCase.id },
  parameters: es({
    session: 'signed-in',
    api: { data: { caseDetails: { [longCase.id]: { ...longCase, commentCount: manyComments.length } }, comments: { [longCase.id]: manyComments.map((c) => ({ ...c, caseId: longCase.id })) } } },
  }),
};

const longThreadCase: SupportCase = {
  ...supportCase, id: 'case-long-thread', number: 'CS-0100250', commentCount: 250,
  subject: 'Intermittent IPsec tunnel drops between the Helsinki and Tampere branches',
};
const longThreadData = () => ({
  caseDetails: { [longThreadCase.id]: longThreadCase },
  comments: { [longThreadCase.id]: makeThread(longThreadCase.id, 250) },
});

/** Polls `check` every 50 ms until it returns something truthy (or throws after `ms`): for play functions. */
async function until<T>(check: () => T | null | undefined | false, what: string, ms = 5000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const v = check();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits for the thread of the story's es-case-detail, then presses "Show earlier comments" `times` times from the keyboard focus. */
async function showEarlier(canvas: HTMLElement, times: number, settled: (root: ShadowRoot) => boolean): Promise<void> {
  await customElements.whenDefined('es-case-detail');
  const el = canvas.querySelector<EsCaseDetail>('es-case-detail')!;
  const root = el.shadowRoot!;
  const count = () => root.querySelectorAll('[part~=comment]').length;
  for (let i = 0; i < times; i++) {
    const button = await until(() => root.querySelector<HTMLButtonElement>('[part~=earlier-button][aria-disabled=false]'), 'the earlier-comments button');
    const before = count();
    button.focus();
    button.click();
    await until(() => count() > before || settled(root), 'earlier comments or an error');
  }
  await el.updateComplete;
}

/**
 * 250 comments: the thread opens at the newest 30 and the play function pages back twice ("Show earlier comments",
 * 30 at a time, focus on the first comment added), so 90 are shown with 160 more to load.
 */
export const LongThreadPaging: Story = {
  name: 'Long thread (250 comments, paging back)',
  args: { 'case-id': longThreadCase.id },
  parameters: es({ session: 'signed-in', api: { data: longThreadData() } }),
  play: ({ canvasElement }) => showEarlier(canvasElement, 2, () => false),
};

/**
 * The thread opens, but the first page of earlier comments fails (503): the message is shown above the button, which
 * becomes "Try again"; the retry succeeds (the fake fails only the first paged call).
 */
export const LongThreadPagingFails: Story = {
  name: 'Loading earlier comments fails (retry)',
  args: { 'case-id': longThreadCase.id },
  parameters: es({
    session: 'signed-in',
    api: { data: longThreadData(), methods: { listComments: 'fail-once' }, pagedOnly: ['listComments'], error: { status: 503 } },
  }),
  play: ({ canvasElement }) => showEarlier(canvasElement, 1, (root) => !!root.querySelector('[part~=earlier-error]')),
};

const rtlCase: SupportCase = {
  ...supportCase, id: 'case-rtl', subject: hostile.rtlArabic,
  description: `${hostile.rtlHebrew}\n\nhttps://support.example.com/kb/1001\n\n${hostile.rtlArabic}`,
};
export const RightToLeft: Story = {
  name: 'Right-to-left',
  args: { 'case-id': 'case-rtl' },
  parameters: {
    es: {
      session: 'signed-in', dir: 'rtl',
      api: { data: { caseDetails: { 'case-rtl': rtlCase }, comments: { 'case-rtl': [{ ...comments[0]!, caseId: 'case-rtl', body: hostile.rtlArabic }] } } },
    },
  },
};
