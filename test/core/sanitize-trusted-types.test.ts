/**
 * The article view on a page that ENFORCES Trusted Types (`require-trusted-types-for 'script'`, set by a CSP meta
 * element before anything renders): the sanitiser's TrustedHTML is accepted, a raw string is refused, and
 * rendering an article causes no `securitypolicyviolation`.
 */
import { expect } from '@open-wc/testing';
import { EsKbSearch } from '../../src/components/kb-search/kb-search.js';
import type { KbArticle } from '../../src/core/models.js';
import { cleanup, fakeApi, mountWith } from '../helpers/fakes.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

EsKbSearch.define();

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sample}`));

const article = (id: string, bodyHtml: string): KbArticle => ({
  id, title: `Article ${id}`, bodyHtml, productId: null, productName: null, updatedAt: '2026-03-01T10:00:00Z',
  related: [], helpfulYes: 0, helpfulNo: 0,
});

async function waitFor<T>(fn: () => T | null | undefined | false, timeout = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sanitize under enforced Trusted Types', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'";
    document.head.append(meta);
  });
  afterEach(cleanup);

  it('renders an accessible article with TrustedHTML and no violation', async () => {
    const api = fakeApi({ getArticle: async (id) => article(id, '<h3>Steps</h3><p>Use <a href="https://example.com/x">this</a>.</p><img src=x onerror="window.__xss=1"><img src="https://cdn.example.com/x.png">') });
    const host = document.createElement('es-kb-search') as EsKbSearch;
    host.article = 'tt-1';
    const el = await mountWith<EsKbSearch>(host, { api });
    const body = await waitFor(() => el.shadowRoot!.querySelector('[part="article-body"] h3') && el.shadowRoot!.querySelector('[part="article-body"]'));
    await expect(el).to.be.accessible();
    expect(body.innerHTML).to.equal('<h3>Steps</h3><p>Use <a href="https://example.com/x" rel="noopener noreferrer" target="_blank">this</a>.</p><img src="https://cdn.example.com/x.png" alt="">');
    expect(violations).to.deep.equal([]);
  });

  it('the page really enforces: a raw string in innerHTML is refused and reported', async () => {
    const div = document.createElement('div');
    expect(() => { div.innerHTML = '<b>raw</b>'; }).to.throw(TypeError);
    await new Promise((r) => setTimeout(r, 50));
    expect(violations.some((v) => v.startsWith('require-trusted-types-for'))).to.equal(true);
    violations.length = 0;
  });

  it('renders every hostile payload inert without a violation', async () => {
    (window as unknown as { __xss: number }).__xss = 0;
    const api = fakeApi({ getArticle: async (id) => article(id, XSS_PAYLOADS[Number(id)]!) });
    const els: EsKbSearch[] = [];
    for (let i = 0; i < XSS_PAYLOADS.length; i++) {
      const el = document.createElement('es-kb-search') as EsKbSearch;
      el.article = String(i);
      els.push(await mountWith<EsKbSearch>(el, { api }));
    }
    await Promise.all(els.map((el) => waitFor(() => el.shadowRoot!.querySelector('[part="article-title"]'))));
    await new Promise((r) => setTimeout(r, 300));
    const errors = els.filter((el) => el.shadowRoot!.querySelector('[role="alert"]')).length;
    expect(errors, 'articles that failed to render').to.equal(0);
    expect(violations).to.deep.equal([]);
    expect((window as unknown as { __xss: number }).__xss).to.equal(0);
  });
});
