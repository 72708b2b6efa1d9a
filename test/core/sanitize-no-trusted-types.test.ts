/**
 * Browsers without Trusted Types (Firefox before 2025, older Safari): the sanitiser creates no policy and returns
 * the sanitised string; the article view renders it the same way.
 */
import { expect } from '@open-wc/testing';
import { EsKbSearch } from '../../src/components/kb-search/kb-search.js';
import { loadSanitizer } from '../../src/core/sanitize.js';
import { getHtmlPolicy } from '../../src/core/trusted-types.js';
import { cleanup, fakeApi, mountWith } from '../helpers/fakes.js';

EsKbSearch.define();

describe('sanitize without Trusted Types', () => {
  before(() => {
    // Hide the API before the sanitiser first loads (the policy is created lazily, on the first article).
    Object.defineProperty(window, 'trustedTypes', { value: undefined, configurable: true, writable: true });
  });
  afterEach(cleanup);

  it('renders an accessible article from the plain sanitised string', async () => {
    const api = fakeApi({
      getArticle: async (id) => ({ id, title: 'No TT', bodyHtml: '<p>Hi<img src=x onerror="window.__xss=1"><script>window.__xss=1</script></p>', productId: null, productName: null, updatedAt: '2026-03-01T10:00:00Z', related: [], helpfulYes: 0, helpfulNo: 0 }),
    });
    const host = document.createElement('es-kb-search') as EsKbSearch;
    host.article = 'x1';
    const el = await mountWith<EsKbSearch>(host, { api });
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[part="article-body"]'); i++) await new Promise((r) => setTimeout(r, 20));
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('[part="article-body"]')!.innerHTML).to.equal('<p>Hi</p>');
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('creates no policy and returns strings', async () => {
    const s = await loadSanitizer();
    expect(s.trusted).to.equal(false);
    const out = s.sanitize('<a href="https://example.com" onclick="x()">a</a>');
    expect(typeof out).to.equal('string');
    expect(out).to.equal('<a href="https://example.com/" rel="noopener noreferrer" target="_blank">a</a>');
    expect(getHtmlPolicy((x) => x)).to.equal(null);
  });
});
