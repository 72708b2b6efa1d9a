import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { EsCaseList } from '../src/components/case-list/case-list.js';
import type { EsStoryParameters } from './support/fake-provider.js';
import { cases, hostile, hostileCases, makeCases, rtlCases } from './support/fixtures.js';

// Registered here, not through a bare `import './define.js'`: the package's `sideEffects` list names only dist/
// files, so a bundler may drop a side-effect-only import of src/**/define.ts (the story would render nothing).
EsCaseList.define();

/**
 * es-case-list in every state, with the fake API of stories/support/fake-provider.ts (filters, search, sort and
 * cursor paging all work against the fixture data).
 */
const meta: Meta = {
  title: 'Elements/Case list',
  component: 'es-case-list',
  render: (args) => html`<es-case-list status=${args['status'] ?? ''} product=${args['product'] ?? ''}
    severity=${args['severity'] ?? ''} q=${args['q'] ?? ''} sort=${args['sort'] ?? '-updated'}
    href-template=${args['href-template'] ?? ''} page-size=${args['page-size'] ?? 50}></es-case-list>`,
  args: { status: '', product: '', severity: '', q: '', sort: '-updated', 'href-template': '', 'page-size': 50 },
  argTypes: {
    sort: { control: 'select', options: ['-updated', 'updated', '-created', 'created', 'severity', '-severity'] },
  },
  parameters: { es: { session: 'signed-in' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;
const es = (p: EsStoryParameters) => ({ es: p });

export const Default: Story = {};

export const RowsAsLinks: Story = { name: 'Rows as links (href-template)', args: { 'href-template': '#/cases/{id}' } };

export const DeepLinkFilters: Story = {
  name: 'Deep link: filters from attributes',
  args: { status: 'new,in_progress,escalated', severity: 'critical,high', sort: 'severity' },
};

export const Search: Story = { name: 'Search "vpn"', args: { q: 'vpn' } };

export const Paging: Story = { name: 'Cursor paging (Load more)', args: { 'page-size': 10 } };

export const TenThousandCases: Story = {
  name: '10,000 cases (virtualised)',
  args: { 'page-size': 200 },
  parameters: es({ session: 'signed-in', api: { delay: 60, data: { cases: makeCases(10000) } } }),
};

export const CardLayout: Story = {
  name: 'Card layout (narrow container)',
  render: () => html`<div style="max-inline-size: 420px"><es-case-list></es-case-list></div>`,
};

export const Loading: Story = { parameters: es({ session: 'signed-in', api: { methods: { listCases: 'loading' } } }) };

export const Empty: Story = { parameters: es({ session: 'signed-in', api: { methods: { listCases: 'empty' } } }) };

export const EmptyWithFilters: Story = {
  name: 'Empty with filters (clear filters)',
  args: { status: 'closed', severity: 'critical', q: 'printer' },
};

export const ErrorState: Story = { name: 'Error', parameters: es({ session: 'signed-in', api: { methods: { listCases: 'error' }, error: { status: 503 } } }) };

export const Offline: Story = { parameters: es({ session: 'signed-in', api: { methods: { listCases: 'error' }, error: { status: 0 } } }) };

export const ErrorThenRetryWorks: Story = {
  name: 'Error, retry works',
  parameters: es({ session: 'signed-in', api: { methods: { listCases: 'fail-once' }, error: { status: 502 } } }),
};

export const SignedOut: Story = { parameters: es({ session: 'signed-out' }) };

export const SigningIn: Story = { parameters: es({ session: { status: 'signing-in', signInOutcome: 'never' } }) };

export const HostileText: Story = {
  name: 'Hostile text (shown as plain text)',
  parameters: es({ session: 'signed-in', api: { data: { cases: hostileCases } } }),
};

export const LongText: Story = {
  name: 'Very long text',
  parameters: es({
    session: 'signed-in',
    api: { data: { cases: cases.slice(0, 6).map((c, i) => ({ ...c, subject: `${c.subject} — ${'with a very long explanation of the symptoms '.repeat(4 + i)}${hostile.longWord}`, productName: `${c.productName} Enterprise Edition with Extended Support` })) } },
  }),
};

export const RightToLeft: Story = {
  name: 'Right-to-left',
  parameters: { es: { session: 'signed-in', api: { data: { cases: [...rtlCases, ...cases.slice(3, 8)] } }, dir: 'rtl' } },
};
