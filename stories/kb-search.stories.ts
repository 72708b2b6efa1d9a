import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Registration happens here, not through the define module: the bundler drops a bare `import './define.js'`
// (package.json `sideEffects` names only dist/ define files).
import { EsKbSearch } from '../src/components/kb-search/kb-search.js';
import type { EsStoryParameters } from './support/fake-provider.js';
import { hostileArticle, hostileKbHits, kbArticle, kbArticles } from './support/fixtures.js';

EsKbSearch.define();

/**
 * es-kb-search in every state. Data comes from the fake API (stories/support/fake-provider.ts) over the fixture
 * articles; the search runs for real against it, so typing in any story works.
 */
const meta: Meta = {
  title: 'Elements/KB search',
  component: 'es-kb-search',
  render: (args) => html`<es-kb-search query=${args['query'] ?? ''} article=${args['article'] ?? ''}
    product=${args['product'] ?? ''} limit=${args['limit'] ?? 10}></es-kb-search>`,
  args: { query: '', article: '', product: '', limit: 10 },
  parameters: { es: { session: 'signed-out' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;
const es = (p: EsStoryParameters) => ({ es: p });

/** Shadow root of the story's element (for play functions). */
async function element(canvas: HTMLElement): Promise<EsKbSearch> {
  await customElements.whenDefined('es-kb-search');
  const el = await waitFor(() => canvas.querySelector<EsKbSearch>('es-kb-search') ?? document.querySelector<EsKbSearch>('es-kb-search'));
  await el.updateComplete;
  return el;
}
async function waitFor<T>(fn: () => T | null | undefined, timeout = 4000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const Idle: Story = {};

export const Typing: Story = {
  name: 'Typing (below the minimum length)',
  args: { query: 'v' },
};

export const Searching: Story = {
  name: 'Typing (search in flight)',
  args: { query: 'vpn rekey' },
  parameters: es({ api: { methods: { searchKb: 'loading' } } }),
};

export const Results: Story = { args: { query: 'vpn rekey' } };

export const ActiveOption: Story = {
  name: 'Results, keyboard on the second result',
  args: { query: 'vpn' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    const input = await waitFor(() => el.shadowRoot?.querySelector('[role="option"]') && el.shadowRoot.querySelector<HTMLInputElement>('#kb-input'));
    input.focus();
    for (const key of ['ArrowDown', 'ArrowDown']) input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  },
};

export const Paged: Story = { name: 'Results with "Show more"', args: { query: 'the', limit: 2 } };

export const FilteredByProduct: Story = { name: 'Filtered by product', args: { query: 'vpn', product: 'p-vpn' } };

export const NoResults: Story = { args: { query: 'fax machine toner' } };

export const ErrorState: Story = {
  name: 'Error',
  args: { query: 'vpn' },
  parameters: es({ api: { methods: { searchKb: 'error' }, error: { status: 503 } } }),
};

export const ErrorThenRetry: Story = {
  name: 'Error, retry succeeds',
  args: { query: 'vpn' },
  parameters: es({ api: { methods: { searchKb: 'fail-once' }, error: { status: 0 } } }),
};

export const HostileResults: Story = {
  name: 'Hostile result text (shown as text)',
  args: { query: 'vpn rekey' },
  parameters: es({ api: { overrides: { searchKb: async () => ({ items: hostileKbHits, nextCursor: null, total: hostileKbHits.length }) } } }),
};

export const Article: Story = { args: { article: kbArticle.id, query: 'vpn rekey' } };

export const ArticleLoading: Story = {
  name: 'Article loading',
  args: { article: kbArticle.id },
  parameters: es({ api: { methods: { getArticle: 'loading' } } }),
};

export const ArticleNotFound: Story = {
  name: 'Article not found',
  args: { article: 'missing' },
};

export const HostileArticle: Story = {
  name: 'Article with hostile HTML (rendered inert)',
  args: { article: hostileArticle.id },
};

export const FeedbackGiven: Story = {
  name: 'Article, feedback given',
  args: { article: kbArticles[2]!.id },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    const yes = await waitFor(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="feedback-yes"]'));
    yes.click();
  },
};

export const Finnish: Story = { args: { query: 'vpn' }, globals: { locale: 'fi' } };

export const RightToLeft: Story = { name: 'Right to left', args: { query: 'vpn' }, globals: { dir: 'rtl' } };

export const Dark: Story = { name: 'Dark theme', args: { query: 'vpn' }, globals: { theme: 'dark' } };

export const DarkArticle: Story = { name: 'Dark theme, article', args: { article: kbArticle.id }, globals: { theme: 'dark' } };
