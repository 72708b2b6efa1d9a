import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EsDocuments, documentHref } from '../../src/components/documents/documents.js';
import { ApiError } from '../../src/core/errors.js';
import type { DocumentInfo, DocumentQuery } from '../../src/core/models.js';
import { cleanup, fakeApi, fakeConfig, mountWith } from '../helpers/fakes.js';
import { waitFor } from '../helpers/wait.js';

EsDocuments.define();

const doc = (id: string, extra: Partial<DocumentInfo> = {}): DocumentInfo => ({
  id, title: `Document ${id}`, productId: null, productName: null, language: 'en', fileType: 'pdf', size: 842_113,
  publishedAt: '2026-01-15T09:00:00Z', url: `/api/v1/documents/${id}/file`, ...extra,
});
const DOCS = [
  doc('d1', { title: 'Support Service Description' }),
  doc('d2', { title: 'Tukipalvelun palvelukuvaus', language: 'fi', url: 'documents/d2/file', size: 1_204_331 }),
  doc('d3', { title: 'Sentinel EDR Service Description', productId: 'p-edr', productName: 'Sentinel EDR', url: 'https://cdn.example.com/d3.docx', fileType: 'docx', size: 98_210 }),
  doc('d4', { title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' }),
];
const products = async () => [{ id: 'p-edr', name: 'Sentinel EDR', family: 'Endpoint protection' }];
const sr = (el: HTMLElement) => el.shadowRoot!;
const rows = (el: HTMLElement) => [...sr(el).querySelectorAll('tbody tr')];

describe('es-documents', () => {
  afterEach(cleanup);

  it('is accessible', async () => {
    const el = await mountWith<EsDocuments>('<es-documents></es-documents>', { api: fakeApi({ listProducts: products, listDocuments: async () => DOCS }) });
    await waitFor(() => rows(el).length === 4);
    await expect(el).to.be.accessible();
  });

  it('lists title, product, language, type, size, date and safe download links resolved against apiUrl', async () => {
    const el = await mountWith<EsDocuments>('<es-documents></es-documents>', {
      api: fakeApi({ listProducts: products, listDocuments: async () => DOCS }),
      config: { ...fakeConfig, apiUrl: 'http://api.test/api/v1' },
    });
    await waitFor(() => rows(el).length === 4);
    const cells = rows(el).map((r) => [...r.children].map((c) => c.textContent!.trim()));
    expect(cells[0]).to.deep.equal(['Support Service Description', 'All products', 'English', 'PDF', '842 kB', '15 Jan 2026']);
    expect(cells[1]![2]).to.equal('Finnish');
    expect(cells[1]![4]).to.equal('1.2 MB');
    expect(cells[2]![1]).to.equal('Sentinel EDR');
    const links = rows(el).map((r) => r.querySelector('a'));
    expect(links[0]!.getAttribute('href')).to.equal('http://api.test/api/v1/documents/d1/file');
    expect(links[1]!.getAttribute('href')).to.equal('http://api.test/api/v1/documents/d2/file');
    expect(links[2]!.getAttribute('href')).to.equal('https://cdn.example.com/d3.docx');
    expect(links[0]!.hasAttribute('download')).to.equal(true);
    expect(links[0]!.rel).to.contain('noopener');
    // Hostile title is text; javascript: URL gets no link.
    expect(links[3]).to.equal(null);
    expect(rows(el)[3]!.querySelector('img')).to.equal(null);
    expect(cells[3]![0]).to.equal('<img src=x onerror=alert(1)>');
    expect(documentHref('data:text/html,x', 'http://api.test/api/v1')).to.equal(null);
  });

  it('filters by product and language from attributes and from the selects', async () => {
    const queries: DocumentQuery[] = [];
    const el = await mountWith<EsDocuments>('<es-documents product="p-edr" language="fi"></es-documents>', {
      api: fakeApi({ listProducts: products, listDocuments: async (q) => { queries.push(q); return DOCS.filter((d) => (!q.lang || d.language === q.lang)); } }),
    });
    await waitFor(() => rows(el).length === 1);
    expect(queries[0]).to.deep.equal({ product: 'p-edr', lang: 'fi' });
    const lang = sr(el).querySelector<HTMLSelectElement>('[part="language-select"]')!;
    expect(lang.value).to.equal('fi');
    lang.value = '';
    lang.dispatchEvent(new Event('change'));
    await waitFor(() => rows(el).length === 4);
    expect(queries[queries.length - 1]).to.deep.equal({ product: 'p-edr', lang: undefined });
    expect(el.hasAttribute('language')).to.equal(false);
    const product = sr(el).querySelector<HTMLSelectElement>('[part="product-select"]')!;
    await waitFor(() => product.options.length === 2);
    product.value = '';
    product.dispatchEvent(new Event('change'));
    await waitFor(() => queries.length === 3);
    expect(queries[2]).to.deep.equal({ product: undefined, lang: undefined });
  });

  it('filters with the keyboard alone', async () => {
    const queries: DocumentQuery[] = [];
    const el = await mountWith<EsDocuments>('<es-documents></es-documents>', {
      api: fakeApi({ listProducts: products, listDocuments: async (q) => { queries.push(q); return DOCS.filter((d) => !q.lang || d.language === q.lang); } }),
    });
    await waitFor(() => rows(el).length === 4);
    const lang = sr(el).querySelector<HTMLSelectElement>('[part="language-select"]')!;
    lang.focus();
    await sendKeys({ press: 'ArrowDown' }); // All languages → English
    await waitFor(() => rows(el).length === 3);
    expect(queries[queries.length - 1]).to.deep.equal({ product: undefined, lang: 'en' });
    expect(el.getAttribute('language')).to.equal('en');
    await sendKeys({ press: 'ArrowDown' }); // → Finnish
    await waitFor(() => rows(el).length === 1);
    await sendKeys({ press: 'Tab' });
    expect(sr(el).activeElement).to.equal(sr(el).querySelector('[part="download-link"]'));
  });

  it('shows an empty state that clears the filters', async () => {
    const el = await mountWith<EsDocuments>('<es-documents language="sv"></es-documents>', {
      api: fakeApi({ listProducts: products, listDocuments: async (q) => (q.lang ? [] : DOCS) }),
    });
    const empty = await waitFor(() => sr(el).querySelector('[part="empty"]'));
    expect(empty.textContent).to.contain('No documents match these filters');
    empty.querySelector('button')!.click();
    await waitFor(() => rows(el).length === 4);
  });

  it('shows the error state with retry', async () => {
    let fail = true;
    const el = await mountWith<EsDocuments>('<es-documents></es-documents>', {
      api: fakeApi({ listProducts: products, listDocuments: async () => { if (fail) throw new ApiError({ kind: 'http', status: 500, operation: 'listDocuments' }); return DOCS; } }),
    });
    const alert = await waitFor(() => sr(el).querySelector('[role="alert"]'));
    expect(alert.textContent).to.contain('had a problem');
    fail = false;
    sr(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitFor(() => rows(el).length === 4);
  });
});
