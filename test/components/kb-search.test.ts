import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EsKbSearch } from '../../src/components/kb-search/kb-search.js';
import { setSanitizerLoader } from '../../src/core/sanitize.js';
import { ApiError } from '../../src/core/errors.js';
import type { KbArticle, KbQuery, KbSearchHit, Page } from '../../src/core/models.js';
import type { RequestOptions } from '../../src/core/api-types.js';
import { cleanup, deferred, fakeApi, mountWith } from '../helpers/fakes.js';
import { sleep, waitFor } from '../helpers/wait.js';

EsKbSearch.define();

const hit = (id: string, title: string, snippet = `About ${title}`): KbSearchHit => ({
  id, title, titleMatches: [[0, 3]], snippet, snippetMatches: [[6, 9]], productId: 'p-vpn',
  productName: 'Bastion VPN Gateway', updatedAt: '2026-03-01T10:00:00Z',
});
const HITS = [hit('1001', 'VPN tunnel drops at IKE rekey'), hit('1002', 'VPN client asks for MFA twice'), hit('1003', 'VPN gateway logs')];
const page = (items: KbSearchHit[], total = items.length, nextCursor: string | null = null): Page<KbSearchHit> => ({ items, total, nextCursor });
const article = (id: string, extra: Partial<KbArticle> = {}): KbArticle => ({
  id, title: `Article ${id}`, bodyHtml: `<p>Body of ${id}</p>`, productId: 'p-vpn', productName: 'Bastion VPN Gateway',
  updatedAt: '2026-03-01T10:00:00Z', related: [{ id: '2002', title: 'Related two' }], helpfulYes: 1, helpfulNo: 0, ...extra,
});
const products = async () => [{ id: 'p-vpn', name: 'Bastion VPN Gateway', family: 'Network security' }, { id: 'p-fw', name: 'Bastion Firewall', family: 'Network security' }];

const sr = (el: EsKbSearch) => el.shadowRoot!;
const input = (el: EsKbSearch) => sr(el).querySelector<HTMLInputElement>('#kb-input')!;
async function typeRaw(el: EsKbSearch, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
}
/** Types with real key presses, then waits until the results of the full text are rendered (not a prefix's). */
async function type(el: EsKbSearch, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
  await waitFor(() => (el as unknown as { _resultsQuery: string })._resultsQuery === text.trim()
    && (el as unknown as { _status: string })._status !== 'loading');
  await el.updateComplete;
}
const optionIds = (el: EsKbSearch) => [...sr(el).querySelectorAll('[role="option"]')].map((o) => o.id);

describe('es-kb-search', () => {
  afterEach(() => { cleanup(); setSanitizerLoader(null); });

  it('is accessible when idle and with results', async () => {
    const el = await mountWith<EsKbSearch>('<es-kb-search></es-kb-search>', { api: fakeApi({ listProducts: products, searchKb: async () => page(HITS) }) });
    await expect(el).to.be.accessible();
    el.query = 'vpn';
    await waitFor(() => optionIds(el).length === 3);
    await expect(el).to.be.accessible();
  });

  it('does not load DOMPurify until an article is opened', async () => {
    const loads: string[] = [];
    setSanitizerLoader(() => { loads.push('dompurify'); return import('dompurify'); });
    const dompurifyRequested = () => performance.getEntriesByType('resource').some((e) => /dompurify/i.test(e.name));
    const api = fakeApi({ listProducts: products, searchKb: async () => page(HITS), getArticle: async (id) => article(id) });
    const el = await mountWith<EsKbSearch>('<es-kb-search debounce="0"></es-kb-search>', { api });
    await type(el, 'vpn');
    await waitFor(() => optionIds(el).length === 3);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(loads).to.deep.equal([]);
    expect(dompurifyRequested(), 'dompurify in the module graph before an article').to.equal(false);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => sr(el).querySelector('[part="article-body"]'));
    expect(loads).to.deep.equal(['dompurify']);
    expect(dompurifyRequested()).to.equal(true);
  });

  it('shows the hint when idle and does not search below the minimum length', async () => {
    let calls = 0;
    const el = await mountWith<EsKbSearch>('<es-kb-search debounce="0"></es-kb-search>', { api: fakeApi({ listProducts: products, searchKb: async () => { calls++; return page(HITS); } }) });
    expect(sr(el).querySelector('[part="hint"]')!.textContent).to.contain('at least 2 characters');
    await typeRaw(el, 'v');
    await sleep(50);
    expect(calls).to.equal(0);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('debounces typing into one request (250 ms by default)', async () => {
    const queries: { q: string; at: number }[] = [];
    const el = await mountWith<EsKbSearch>('<es-kb-search></es-kb-search>', { api: fakeApi({ listProducts: products, searchKb: async (q) => { queries.push({ q: q.q, at: performance.now() }); return page(HITS); } }) });
    // Keystrokes as input events, back to back (sendKeys can be slower than the debounce on a loaded machine).
    const inp = input(el);
    let lastKey = 0;
    for (const value of ['v', 'vp', 'vpn', 'vpn ', 'vpn r', 'vpn re', 'vpn rekey']) {
      inp.value = value;
      inp.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      lastKey = performance.now();
    }
    expect(queries).to.deep.equal([]);
    await waitFor(() => queries.length > 0, 2000);
    await sleep(300);
    expect(queries.map((x) => x.q)).to.deep.equal(['vpn rekey']);
    expect(queries[0]!.at - lastKey).to.be.at.least(245);
  });

  it('aborts a stale search and never renders its results', async () => {
    const calls: { q: KbQuery; signal?: AbortSignal; d: ReturnType<typeof deferred<Page<KbSearchHit>>> }[] = [];
    const searchKb = (q: KbQuery, o?: RequestOptions) => { const d = deferred<Page<KbSearchHit>>(); calls.push({ q, signal: o?.signal, d }); return d.promise; };
    const el = await mountWith<EsKbSearch>('<es-kb-search debounce="0"></es-kb-search>', { api: fakeApi({ listProducts: products, searchKb }) });
    await typeRaw(el, 'vp');
    await waitFor(() => calls.length === 1);
    await sendKeys({ type: 'n' });
    await waitFor(() => calls.length === 2);
    expect(calls[0]!.signal!.aborted).to.equal(true);
    expect(calls[1]!.signal!.aborted).to.equal(false);
    calls[1]!.d.resolve(page([hit('9', 'New answer')]));
    await waitFor(() => optionIds(el).length === 1);
    calls[0]!.d.resolve(page([hit('8', 'Stale answer'), hit('7', 'Stale two')])); // the fake ignores the abort
    await sleep(30);
    const titles = [...sr(el).querySelectorAll('[part="option-title"]')].map((t) => t.textContent);
    expect(titles).to.deep.equal(['New answer']);
  });

  it('highlights matches from the offsets, shows the count with plural rules, filters by product', async () => {
    const seen: KbQuery[] = [];
    const el = await mountWith<EsKbSearch>('<es-kb-search debounce="0"></es-kb-search>', {
      api: fakeApi({ listProducts: products, searchKb: async (q) => { seen.push(q); return q.product ? page([HITS[0]!], 1) : page(HITS, 27, 'c2'); } }),
    });
    el.query = 'vpn';
    await waitFor(() => optionIds(el).length === 3);
    expect(sr(el).querySelector('[part="count"]')!.textContent!.trim()).to.equal('27 results');
    const marks = [...sr(el).querySelectorAll('[part="option"] mark')].map((m) => m.textContent);
    expect(marks.slice(0, 2)).to.deep.equal(['VPN', 'VPN']);
    expect(marks).to.include('VPN'); // title [0,3)
    expect(sr(el).querySelector('[part="option-snippet"] mark')!.textContent).to.equal('VPN'); // 'About VPN …'[6,9)
    const select = sr(el).querySelector<HTMLSelectElement>('[part="product-select"]')!;
    select.value = 'p-vpn';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => optionIds(el).length === 1);
    expect(seen[seen.length - 1]).to.include({ q: 'vpn', product: 'p-vpn' });
    expect(sr(el).querySelector('[part="count"]')!.textContent!.trim()).to.equal('1 result');
    expect(el.getAttribute('product')).to.equal('p-vpn');
  });

  it('loads more results with nextCursor', async () => {
    const cursors: (string | undefined)[] = [];
    const el = await mountWith<EsKbSearch>('<es-kb-search debounce="0" query="vpn"></es-kb-search>', {
      api: fakeApi({ listProducts: products, searchKb: async (q) => { cursors.push(q.cursor); return q.cursor ? page([hit('1004', 'VPN four')], 4) : page(HITS, 4, 'next-1'); } }),
    });
    await waitFor(() => optionIds(el).length === 3);
    sr(el).querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
    await waitFor(() => optionIds(el).length === 4);
    expect(cursors).to.deep.equal([undefined, 'next-1']);
    expect(sr(el).querySelector('[part="more-button"]')).to.equal(null);
  });

  it('follows the combobox keyboard pattern: arrows, Home/End, Enter opens, back restores focus', async () => {
    const opened: string[] = [];
    const el = await mountWith<EsKbSearch>('<es-kb-search debounce="0"></es-kb-search>', {
      api: fakeApi({ listProducts: products, searchKb: async () => page(HITS), getArticle: async (id) => article(id) }),
    });
    el.addEventListener('es-kb-article-open', (e) => opened.push(e.detail.id));
    await type(el, 'vpn');
    await waitFor(() => optionIds(el).length === 3);
    const inp = input(el);
    expect(inp.getAttribute('role')).to.equal('combobox');
    expect(inp.getAttribute('aria-controls')).to.equal('kb-listbox');
    expect(sr(el).getElementById('kb-listbox')!.getAttribute('role')).to.equal('listbox');
    expect(inp.getAttribute('aria-expanded')).to.equal('true');
    expect(inp.hasAttribute('aria-activedescendant')).to.equal(false);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(inp.getAttribute('aria-activedescendant')).to.equal('kb-option-0');
    expect(sr(el).getElementById('kb-option-0')!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(inp.getAttribute('aria-activedescendant')).to.equal('kb-option-1');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(inp.getAttribute('aria-activedescendant')).to.equal('kb-option-2');
    await sendKeys({ press: 'ArrowDown' }); // wraps
    await el.updateComplete;
    expect(inp.getAttribute('aria-activedescendant')).to.equal('kb-option-0');
    await sendKeys({ press: 'ArrowUp' }); // wraps back
    await el.updateComplete;
    expect(inp.getAttribute('aria-activedescendant')).to.equal('kb-option-2');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(inp.getAttribute('aria-activedescendant')).to.equal('kb-option-1');
    expect(sr(el).activeElement).to.equal(inp);
    await sendKeys({ press: 'Enter' });
    const title = await waitFor(() => sr(el).querySelector<HTMLElement>('[part="article-title"]'));
    expect(title.textContent).to.equal('Article 1002');
    expect(el.article).to.equal('1002');
    expect(el.getAttribute('article')).to.equal('1002');
    expect(opened).to.deep.equal(['1002']);
    await waitFor(() => sr(el).activeElement === title);
    // Back to results with the keyboard.
    const back = sr(el).querySelector<HTMLButtonElement>('[part="back-button"]')!;
    expect(back.textContent).to.contain('Back to results');
    back.focus();
    const closed = oneEvent(el, 'es-kb-article-close');
    await sendKeys({ press: 'Enter' });
    expect((await closed).detail).to.deep.equal({ id: '1002', query: 'vpn' });
    await waitFor(() => optionIds(el).length === 3);
    await el.updateComplete;
    expect(el.hasAttribute('article')).to.equal(false);
    expect(sr(el).activeElement).to.equal(input(el));
    expect(input(el).value).to.equal('vpn');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('kb-option-1');
  });

  it('Escape closes the list, a second Escape clears the search', async () => {
    const el = await mountWith<EsKbSearch>('<es-kb-search debounce="0"></es-kb-search>', { api: fakeApi({ listProducts: products, searchKb: async () => page(HITS) }) });
    await type(el, 'vpn');
    await waitFor(() => optionIds(el).length === 3);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(sr(el).getElementById('kb-listbox')!.hidden).to.equal(true);
    await sendKeys({ press: 'ArrowDown' }); // reopens
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(sr(el).querySelector('[part="hint"]')).to.not.equal(null);
  });

  it('shows the empty state and the error state with retry; es-error can replace the message', async () => {
    let fail = true;
    const el = await mountWith<EsKbSearch>('<es-kb-search debounce="0"></es-kb-search>', {
      api: fakeApi({ listProducts: products, searchKb: async () => { if (fail) throw new ApiError({ kind: 'http', status: 503, operation: 'searchKb' }); return page([]); } }),
    });
    const errorEvent = oneEvent(el, 'es-error');
    el.query = 'printer';
    const ev = await errorEvent;
    expect(ev.detail).to.include({ status: 503, operation: 'searchKb' });
    const alert = await waitFor(() => sr(el).querySelector('[role="alert"]'));
    expect(alert.textContent).to.contain('had a problem');
    fail = false;
    sr(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    const empty = await waitFor(() => sr(el).querySelector('[part="empty"]'));
    expect(empty.textContent).to.contain('No articles match "printer"');
    // Cancelled es-error: no built-in message.
    fail = true;
    el.addEventListener('es-error', (e) => e.preventDefault(), { once: true });
    el.query = 'scanner';
    await waitFor(() => !sr(el).querySelector('[part="loading"]') && !sr(el).querySelector('[part="empty"]'));
    await sleep(20);
    expect(sr(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('opens a deep-linked article, sends feedback once, opens related articles in place, and hands the query to a case', async () => {
    const feedback: [string, boolean][] = [];
    const gets: string[] = [];
    const fb = deferred<void>();
    const el = await mountWith<EsKbSearch>('<es-kb-search article="3001" query="printer jam"></es-kb-search>', {
      api: fakeApi({
        listProducts: products, searchKb: async () => page(HITS),
        getArticle: async (id) => { gets.push(id); return article(id); },
        sendArticleFeedback: async (id, input) => { feedback.push([id, input.helpful]); return fb.promise; },
      }),
    });
    const title = await waitFor(() => sr(el).querySelector('[part="article-title"]'));
    expect(title.textContent).to.equal('Article 3001');
    expect(sr(el).querySelector('[part="article-body"]')!.innerHTML).to.equal('<p>Body of 3001</p>');
    expect(sr(el).querySelector('[part="article-meta"]')!.textContent).to.contain('Bastion VPN Gateway');
    await expect(el).to.be.accessible();
    const yes = sr(el).querySelector<HTMLButtonElement>('[part="feedback-yes"]')!;
    const fbEvent = oneEvent(el, 'es-kb-feedback');
    yes.click();
    yes.click();
    await el.updateComplete;
    expect(sr(el).querySelector<HTMLButtonElement>('[part="feedback-no"]')!.disabled).to.equal(true);
    fb.resolve();
    expect((await fbEvent).detail).to.deep.equal({ id: '3001', helpful: true });
    await el.updateComplete;
    expect(sr(el).querySelector('[part="feedback"]')!.textContent).to.contain('Thank you');
    expect(sr(el).querySelector('[part="feedback-yes"]')).to.equal(null);
    expect(feedback).to.deep.equal([['3001', true]]);
    // Related article opens in place.
    const openEvent = oneEvent(el, 'es-kb-article-open');
    sr(el).querySelector<HTMLAnchorElement>('[part="related-link"]')!.click();
    expect((await openEvent).detail.id).to.equal('2002');
    await waitFor(() => sr(el).querySelector('[part="article-title"]')?.textContent === 'Article 2002');
    expect(gets).to.deep.equal(['3001', '2002']);
    expect(location.hash).to.not.contain('2002');
    // Voting on the first article again is not offered after coming back to it.
    el.article = '3001';
    await waitFor(() => sr(el).querySelector('[part="article-title"]')?.textContent === 'Article 3001');
    expect(sr(el).querySelector('[part="feedback-yes"]')).to.equal(null);
    // Still need help?
    const caseEvent = oneEvent(el, 'es-kb-open-case');
    sr(el).querySelector<HTMLButtonElement>('[part="open-case-button"]')!.click();
    const ce = await caseEvent;
    expect(ce.detail).to.deep.equal({ query: 'printer jam', articleId: '3001' });
    expect(ce.bubbles && ce.composed).to.equal(true);
  });

  it('shows an error with retry when the article cannot be loaded', async () => {
    let fail = true;
    const el = await mountWith<EsKbSearch>('<es-kb-search article="404"></es-kb-search>', {
      api: fakeApi({ listProducts: products, getArticle: async (id) => { if (fail) throw new ApiError({ kind: 'http', status: 404, operation: 'getArticle' }); return article(id); } }),
    });
    const alert = await waitFor(() => sr(el).querySelector('[role="alert"]'));
    expect(alert.textContent).to.contain('not found');
    fail = false;
    sr(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitFor(() => sr(el).querySelector('[part="article-title"]'));
  });

  it('renders hostile hit text as text', async () => {
    const evil = '<img src=x onerror="window.__kbxss=1">';
    const el = await mountWith<EsKbSearch>('<es-kb-search query="vpn"></es-kb-search>', {
      api: fakeApi({ listProducts: products, searchKb: async () => page([{ ...hit('1', `${evil} vpn`), titleMatches: [[evil.length + 1, evil.length + 4]], snippet: evil, snippetMatches: [[0, 4], [-3, 400]] }]) }),
    });
    await waitFor(() => optionIds(el).length === 1);
    expect(sr(el).querySelector('[part="option"] img')).to.equal(null);
    expect(sr(el).querySelector('[part="option-title"]')!.textContent).to.equal(`${evil} vpn`);
    expect(sr(el).querySelector('[part="option-title"] mark')!.textContent).to.equal('vpn');
    expect(sr(el).querySelector('[part="option-snippet"] mark')!.textContent).to.equal(evil);
  });
});
