import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { EsCaseDetail } from '../src/components/case-detail/case-detail.js';
import type { EsStoryParameters } from './support/fake-provider.js';
import type { Comment, SupportCase } from '../src/core/models.js';
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

export const LongContent: Story = {
  name: 'Very long text, many attachments, 60 comments',
  args: { 'case-id': longCase.id },
  parameters: es({ session: 'signed-in', api: { data: { comments: { [longCase.id]: manyComments.map((c) => ({ ...c, caseId: longCase.id })) } } } }),
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
