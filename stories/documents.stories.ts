import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
// Registration happens here, not through the define module: the bundler drops a bare `import './define.js'`
// (package.json `sideEffects` names only dist/ define files).
import { EsDocuments } from '../src/components/documents/documents.js';
import type { EsStoryParameters } from './support/fake-provider.js';
import { hostileDocuments } from './support/fixtures.js';

EsDocuments.define();

/** es-documents: service-description documents with product and language filters. */
const meta: Meta = {
  title: 'Elements/Documents',
  component: 'es-documents',
  render: (args) => html`<es-documents product=${args['product'] ?? ''} language=${args['language'] ?? ''}></es-documents>`,
  args: { product: '', language: '' },
  parameters: { es: { session: 'signed-out' } satisfies EsStoryParameters },
};
export default meta;
type Story = StoryObj;
const es = (p: EsStoryParameters) => ({ es: p });

export const AllDocuments: Story = { name: 'All documents' };

export const FilteredByProduct: Story = { name: 'Filtered by product', args: { product: 'p-edr' } };

export const FilteredByLanguage: Story = { name: 'Finnish documents only', args: { language: 'fi' } };

export const NoMatch: Story = { name: 'Empty (no match for the filters)', args: { product: 'p-soar', language: 'fi' } };

export const Empty: Story = { parameters: es({ api: { methods: { listDocuments: 'empty' } } }) };

export const Loading: Story = { parameters: es({ api: { methods: { listDocuments: 'loading' } } }) };

export const ErrorState: Story = { name: 'Error', parameters: es({ api: { methods: { listDocuments: 'error' }, error: { status: 503 } } }) };

export const HostileTitles: Story = {
  name: 'Hostile titles and URL (text, no link)',
  parameters: es({ api: { data: { documents: hostileDocuments } } }),
};

export const Finnish: Story = { globals: { locale: 'fi' } };

export const RightToLeft: Story = { name: 'Right to left', globals: { dir: 'rtl' } };

export const Dark: Story = { name: 'Dark theme', globals: { theme: 'dark' } };
