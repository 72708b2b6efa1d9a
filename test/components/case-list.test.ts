import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cleanup, deferred, fakeApi, FakeSession, mountWith, recordRenders, signedInUser } from '../helpers/fakes.js';
import { SessionWatch } from '../../src/base/session-watch.js';
import '../../src/components/case-list/define.js';
import type { EsCaseList } from '../../src/components/case-list/case-list.js';
import type { CaseQuery, CaseSummary, Page, Product } from '../../src/core/models.js';
import type { RequestOptions } from '../../src/core/api-types.js';
import { ApiError } from '../../src/core/errors.js';
import { setLocale } from '../../src/core/i18n.js';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

const products: Product[] = [
  { id: 'p-vpn', name: 'Bastion VPN Gateway', family: 'Network security' },
  { id: 'p-edr', name: 'Sentinel EDR', family: 'Endpoint protection' },
];

function makeCases(n: number, subject = (i: number) => `Case subject ${i + 1}`): CaseSummary[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    id: `case-${i + 1}`, number: `CS-${String(100000 + i).padStart(7, '0')}`, subject: subject(i),
    productId: 'p-vpn', productName: 'Bastion VPN Gateway', severity: (['critical', 'high', 'medium', 'low'] as const)[i % 4],
    status: (['new', 'in_progress', 'closed'] as const)[i % 3],
    createdAt: new Date(now - (i + 10) * 3600_000).toISOString(), updatedAt: new Date(now - i * 3600_000).toISOString(),
  }));
}

const signedIn = () => new FakeSession({ status: 'signed-in', user: signedInUser });
const page = (items: CaseSummary[], nextCursor: string | null = null, total = items.length): Page<CaseSummary> => ({ items, nextCursor, total });
const rows = (el: EsCaseList) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('.row'));
const settle = async (el: EsCaseList) => { await waitUntil(() => !el.shadowRoot!.querySelector('[part=loading]'), 'still loading'); await el.updateComplete; };

/**
 * Rendering (animation frames, ResizeObserver — what the virtualizer and container queries need) runs only in a
 * visible page. web-test-runner opens parallel test files as tabs of one window and only the front tab is visible,
 * so a test that needs rendering waits (up to 30 s) for this tab to be in front, then fails with a clear message.
 * Reliable runs: `--concurrency 1`, or a launcher `createPage` that opens every test page in its own browser
 * context (its own window), which keeps every page visible.
 */
async function untilVisible(ctx: Mocha.Context): Promise<void> {
  ctx.timeout(40000);
  if (document.visibilityState !== 'visible') {
    await waitUntil(() => document.visibilityState === 'visible',
      'this test tab stayed hidden (parallel tabs): rendering cannot run — see untilVisible()', { timeout: 30000, interval: 100 });
  }
}

describe('es-case-list', () => {
  afterEach(cleanup);

  it('is accessible with rows', async () => {
    const api = fakeApi({ listCases: async () => page(makeCases(5)), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    await settle(el);
    await expect(el).to.be.accessible();
    expect(rows(el)).to.have.length(5);
  });
});

describe('es-case-list behaviour', () => {
  afterEach(cleanup);
  // The virtualizer's benign "ResizeObserver loop" notice must not fail the run.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('shows the signed-out state with a sign-in button and loads nothing', async () => {
    let called = 0;
    const session = new FakeSession();
    const api = fakeApi({ listCases: async () => { called++; return page([]); }, listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session });
    await expect(el).to.be.accessible();
    const btn = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=sign-in-button]')!;
    expect(btn).to.exist;
    btn.click();
    expect(session.calls).to.deep.equal(['signIn:redirect']);
    expect(called).to.equal(0);
  });

  describe('while the session restores a stored sign-in (the shared session gate)', () => {
    const timing = { ...SessionWatch.timing };
    afterEach(() => { SessionWatch.timing = { ...timing }; });

    it('shows a quiet checking state (no sign-in prompt, nothing loaded), then the cases, never the prompt', async () => {
      SessionWatch.timing = { revealMs: 80, giveUpMs: 10_000 };
      let called = 0;
      const session = new FakeSession().holdReady();
      const api = fakeApi({ listCases: async () => { called++; return page(makeCases(2)); }, listProducts: async () => products });
      const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session });
      const seen = recordRenders(el);
      const region = el.shadowRoot!.querySelector('[part~=checking]')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.textContent!.trim()).to.equal('');
      expect(el.shadowRoot!.querySelector('[part~=sign-in-button]')).to.equal(null);
      await waitUntil(() => region.textContent!.includes('Checking your sign-in…'), 'the text shows after the delay');
      await expect(el).to.be.accessible();
      session.set({ status: 'signed-in', user: signedInUser });
      session.resolveReady();
      await waitUntil(() => called === 1, 'the cases load');
      await settle(el);
      expect(seen.parts().has('signed-out')).to.equal(false);
      expect(seen.parts().has('sign-in-button')).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part~=checking]')).to.equal(null);
    });

    it('a ready that never settles gives way to the sign-in prompt after the time limit', async () => {
      SessionWatch.timing = { revealMs: 30, giveUpMs: 150 };
      const session = new FakeSession().holdReady();
      const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { session });
      expect(el.shadowRoot!.querySelector('[part~=checking]')).to.not.equal(null);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=sign-in-button]'), 'the prompt after the time limit');
      expect(el.shadowRoot!.querySelector('[part~=signed-out]')!.textContent).to.contain('support cases');
    });
  });

  it('renders defaults: columns, relative time with the full date in a title, total count, default sort', async () => {
    const queries: CaseQuery[] = [];
    const api = fakeApi({ listCases: async (q) => { queries.push(q); return page(makeCases(3), null, 3); }, listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    await settle(el);
    expect(queries[0]).to.deep.equal({ sort: '-updated', limit: 50 });
    const first = rows(el)[0]!;
    expect(first.querySelector('.number')!.textContent).to.equal('CS-0100000');
    expect(first.querySelector('.subject')!.textContent).to.equal('Case subject 1');
    expect(first.querySelector('[part~=severity-badge]')!.textContent).to.equal('Critical');
    expect(first.querySelector('[part~=status-badge]')!.textContent).to.equal('New');
    const time = rows(el)[1]!.querySelector('time')!;
    expect(time.textContent).to.match(/hour ago/);
    expect(time.getAttribute('title')).to.match(/\d{4}/);
    expect(el.shadowRoot!.querySelector('[part=count]')!.textContent).to.contain('3 cases');
  });

  it('shows a loading skeleton, then an error with retry that reloads', async () => {
    const d = deferred<Page<CaseSummary>>();
    let n = 0;
    const api = fakeApi({
      listCases: () => { n++; return n === 1 ? d.promise : Promise.resolve(page(makeCases(2))); },
      listProducts: async () => products,
    });
    const errors: Event[] = [];
    document.addEventListener('es-error', (e) => errors.push(e), { once: true });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    expect(el.shadowRoot!.querySelector('[part=loading]')).to.exist;
    d.reject(new ApiError({ kind: 'http', status: 503, operation: 'listCases' }));
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'));
    expect(el.shadowRoot!.querySelector('[part=error]')!.getAttribute('role')).to.equal('alert');
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await settle(el);
    await waitUntil(() => rows(el).length === 2);
    expect(n).to.equal(2);
  });

  it('a host can cancel es-error to hide the built-in message', async () => {
    const api = fakeApi({ listCases: async () => { throw new ApiError({ kind: 'network', operation: 'listCases' }); }, listProducts: async () => products });
    const handler = (e: Event) => e.preventDefault();
    document.addEventListener('es-error', handler);
    try {
      const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
      await settle(el);
      await new Promise((r) => setTimeout(r, 20));
      expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
    } finally { document.removeEventListener('es-error', handler); }
  });

  it('shows different empty states with and without filters; "clear filters" clears them', async () => {
    const queries: CaseQuery[] = [];
    const api = fakeApi({ listCases: async (q) => { queries.push(q); return page([]); }, listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list status="closed" severity="high"></es-case-list>', { api, session: signedIn() });
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part=empty]')!.textContent).to.contain('No cases match these filters');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=empty] [part=clear-filters-button]')!.click();
    await el.updateComplete;
    expect(el.hasAttribute('status') ? el.getAttribute('status') : '').to.equal('');
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part=empty]')!.textContent).to.contain('no support cases yet');
    expect(queries[0]).to.deep.include({ status: ['closed'], severity: ['high'] });
    expect(queries.at(-1)).to.deep.equal({ sort: '-updated', limit: 50 });
  });

  it('reflects filters to attributes and takes them from attributes (deep links)', async () => {
    const queries: CaseQuery[] = [];
    const api = fakeApi({ listCases: async (q) => { queries.push(q); return page(makeCases(2)); }, listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list product="p-edr" sort="severity" q="vpn"></es-case-list>', { api, session: signedIn() });
    await settle(el);
    expect(queries[0]).to.deep.equal({ sort: 'severity', limit: 50, product: 'p-edr', q: 'vpn' });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('#product option').length === 3);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#product')!.value).to.equal('p-edr');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value).to.equal('vpn');
    // UI → attributes
    const statusBox = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=status][value=in_progress]')!;
    statusBox.click();
    const waiting = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=status][value=new]')!;
    waiting.click();
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('new,in_progress');
    const sort = el.shadowRoot!.querySelector<HTMLSelectElement>('#sort')!;
    sort.value = '-created';
    sort.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.getAttribute('sort')).to.equal('-created');
    await settle(el);
    expect(queries.at(-1)).to.deep.include({ status: ['new', 'in_progress'], sort: '-created' });
    // attribute → query
    el.setAttribute('severity', 'critical');
    await settle(el);
    await waitUntil(() => JSON.stringify(queries.at(-1)?.severity) === '["critical"]');
  });

  it('debounces the search, aborts the stale request and never renders its late result', async () => {
    const calls: { q?: string; signal?: AbortSignal; d: ReturnType<typeof deferred<Page<CaseSummary>>> }[] = [];
    const api = fakeApi({
      listCases: (q: CaseQuery, o?: RequestOptions) => {
        const d = deferred<Page<CaseSummary>>();
        calls.push({ q: q.q, signal: o?.signal, d });
        return d.promise;
      },
      listProducts: async () => products,
    });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    calls[0]!.d.resolve(page(makeCases(3)));
    await settle(el);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    input.focus();
    await sendKeys({ type: 'vp' });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).to.have.length(1); // debounced: nothing yet
    await new Promise((r) => setTimeout(r, 350));
    expect(calls).to.have.length(2);
    expect(calls[1]!.q).to.equal('vp');
    expect(el.getAttribute('q')).to.equal('vp');
    await sendKeys({ type: 'n' });
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).to.have.length(3);
    expect(calls[2]!.q).to.equal('vpn');
    expect(calls[1]!.signal!.aborted).to.equal(true);
    // The stale answer arrives late: it must not render.
    calls[1]!.d.resolve(page(makeCases(1, () => 'STALE RESULT')));
    calls[2]!.d.resolve(page(makeCases(2, () => 'Fresh result')));
    await settle(el);
    await new Promise((r) => setTimeout(r, 20));
    expect(el.shadowRoot!.textContent).not.to.contain('STALE RESULT');
    expect(rows(el).map((r) => r.querySelector('.subject')!.textContent)).to.deep.equal(['Fresh result', 'Fresh result']);
    expect(input.value).to.equal('vpn');
  });

  it('loads more with the cursor and appends', async () => {
    const all = makeCases(5);
    const queries: CaseQuery[] = [];
    const api = fakeApi({
      listCases: async (q) => { queries.push(q); return q.cursor === 'c2' ? page(all.slice(3), null, 5) : page(all.slice(0, 3), 'c2', 5); },
      listProducts: async () => products,
    });
    const el = await mountWith<EsCaseList>('<es-case-list page-size="3"></es-case-list>', { api, session: signedIn() });
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part=count]')!.textContent).to.contain('Showing 3 of 5 cases');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=load-more-button]')!.click();
    await waitUntil(() => rows(el).length === 5);
    expect(queries[1]).to.deep.include({ cursor: 'c2', limit: 3 });
    expect(el.shadowRoot!.querySelector('[part=load-more-button]')).to.equal(null);
  });

  it('keyboard: roving tabindex, arrows / Home / End / PageDown move focus, Enter emits es-case-select', async () => {
    const api = fakeApi({ listCases: async () => page(makeCases(30)), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    await settle(el);
    const tabbable = () => rows(el).filter((r) => r.tabIndex === 0);
    expect(tabbable()).to.have.length(1);
    rows(el)[0]!.focus();
    const active = () => el.shadowRoot!.activeElement as HTMLElement;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active().dataset.index).to.equal('1');
    expect(tabbable().map((r) => r.dataset.index)).to.deep.equal(['1']);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(active().dataset.index).to.equal('29');
    await sendKeys({ press: 'ArrowDown' });
    expect(active().dataset.index).to.equal('29');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(active().dataset.index).to.equal('0');
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(active().dataset.index).to.equal('10');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(active().dataset.index).to.equal('9');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const ev = await oneEvent(el, 'es-case-select');
    expect(ev.detail).to.deep.equal({ id: 'case-10', number: 'CS-0100009' });
    expect(ev.bubbles && ev.composed && ev.cancelable).to.equal(true);
  });

  it('href-template makes rows links; a cancelled es-case-select stops navigation', async () => {
    const api = fakeApi({ listCases: async () => page(makeCases(2)), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list href-template="#/cases/{id}"></es-case-list>', { api, session: signedIn() });
    await settle(el);
    const link = rows(el)[1] as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.getAttribute('href')).to.equal('#/cases/case-2');
    const before = location.hash;
    el.addEventListener('es-case-select', (e) => e.preventDefault(), { once: true });
    link.click();
    expect(location.hash).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('10,000 cases: virtualised with a bounded number of rows in the DOM; keyboard reaches the end', async function () {
    await untilVisible(this);
    const api = fakeApi({ listCases: async () => page(makeCases(10000), null, 10000), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    await settle(el);
    await waitUntil(() => el.shadowRoot!.querySelector('.list.virtual'), 'virtualizer not loaded', { timeout: 5000 });
    await waitUntil(() => rows(el).length > 0);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const n = rows(el).length;
    expect(n).to.be.greaterThan(3);
    expect(n).to.be.lessThan(100);
    expect(el.shadowRoot!.querySelector('[part=count]')!.textContent).to.contain('10,000 cases');
    expect(rows(el)[0]!.closest('li')!.getAttribute('aria-setsize')).to.equal('10000');
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index === '1');
    await sendKeys({ press: 'End' });
    await waitUntil(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index === '9999', 'End did not reach the last row', { timeout: 4000 });
    expect(rows(el).length).to.be.lessThan(100);
    await expect(el).to.be.accessible();
  });

  it('virtualised: scrolling near the end loads the next page by itself', async function () {
    await untilVisible(this);
    const all = makeCases(400);
    const cursors: (string | undefined)[] = [];
    const api = fakeApi({
      listCases: async (q) => { cursors.push(q.cursor); return q.cursor ? page(all.slice(250), null, 400) : page(all.slice(0, 250), 'next', 400); },
      listProducts: async () => products,
    });
    const el = await mountWith<EsCaseList>('<es-case-list page-size="200"></es-case-list>', { api, session: signedIn() });
    await settle(el);
    await waitUntil(() => el.shadowRoot!.querySelector('.list.virtual'), 'not virtualised', { timeout: 5000 });
    await waitUntil(() => rows(el).length > 0);
    expect(cursors).to.deep.equal([undefined]);
    const ul = el.shadowRoot!.querySelector<HTMLElement>('.list.virtual')!;
    // Keep scrolling to the (growing, first estimated) bottom until the next page is requested.
    await waitUntil(() => { ul.scrollTop = ul.scrollHeight; return cursors.length === 2; }, 'no automatic load', { timeout: 8000 });
    expect(cursors[1]).to.equal('next');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=count]')!.textContent!.includes('400 cases'));
  });

  it('a short list renders plainly (no virtualizer)', async () => {
    const api = fakeApi({ listCases: async () => page(makeCases(40)), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    await settle(el);
    expect(el.shadowRoot!.querySelector('.list.virtual')).to.equal(null);
    expect(rows(el)).to.have.length(40);
  });

  it('renders hostile text inert', async () => {
    (window as unknown as { __xss?: number }).__xss = undefined;
    const bad = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=1">', '"><svg onload="window.__xss=1">'];
    const api = fakeApi({ listCases: async () => page(makeCases(3, (i) => bad[i]!).map((c, i) => ({ ...c, productName: bad[i]! }))), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('script, img, svg')).to.equal(null);
    expect(rows(el)[1]!.querySelector('.subject')!.textContent).to.equal(bad[1]);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('uses the card layout on narrow containers (container query)', async function () {
    await untilVisible(this);
    const api = fakeApi({ listCases: async () => page(makeCases(2)), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list style="inline-size: 400px"></es-case-list>', { api, session: signedIn() });
    await settle(el);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=header]')!).display).to.equal('none');
    el.style.inlineSize = '900px';
    await new Promise((r) => requestAnimationFrame(r));
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=header]')!).display).to.equal('grid');
  });

  it('in a partner-page column (800 px) the table breaks no product name inside a word', async function () {
    await untilVisible(this);
    const names = ['Aegis Endpoint Protection', 'Vault Privileged Access', 'Keystone Identity'];
    const api = fakeApi({
      listCases: async () => page(makeCases(3).map((c, i) => ({ ...c, productName: names[i]! }))), listProducts: async () => products,
    });
    const el = await mountWith<EsCaseList>('<es-case-list style="inline-size: 800px"></es-case-list>', { api, session: signedIn() });
    await settle(el);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=header]')!).display).to.equal('grid', 'table layout at 800 px');
    const cells = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.cell.product')];
    expect(cells.map((c) => c.textContent)).to.deep.equal(names);
    for (const cell of cells) {
      const text = [...cell.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && !!n.data.trim())!;
      for (const m of text.data.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(text, m.index!);
        r.setEnd(text, m.index! + m[0].length);
        expect(r.getClientRects().length, `"${m[0]}" of "${text.data}" is split over lines`).to.equal(1);
      }
      expect(cell.scrollWidth, `${text.data} overflows its column`).to.be.at.most(cell.clientWidth + 1);
    }
  });

  it('never scrolls sideways: at every width the table is used, its rows fit; below that it is cards', async function () {
    await untilVisible(this);
    const api = fakeApi({ listCases: async () => page(makeCases(4)), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list style="inline-size: 1200px"></es-case-list>', { api, session: signedIn() });
    await settle(el);
    let tables = 0;
    for (let w = 1200; w >= 320; w -= 20) {
      el.style.inlineSize = `${w}px`;
      await new Promise((r) => requestAnimationFrame(r));
      const table = getComputedStyle(el.shadowRoot!.querySelector('[part=header]')!).display !== 'none';
      if (table) tables++;
      for (const row of rows(el)) expect(row.scrollWidth, `${table ? 'table' : 'card'} row at ${w} px`).to.be.at.most(row.clientWidth + 1);
    }
    expect(tables, 'the table is used on wide containers').to.be.greaterThan(10);
  });

  it('renders Finnish after a locale switch (labels, plural count, badges)', async () => {
    const api = fakeApi({ listCases: async () => page(makeCases(3)), listProducts: async () => products });
    const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api, session: signedIn() });
    await settle(el);
    try {
      await setLocale('fi');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=count]')!.textContent).to.contain('3 tukipyyntöä');
      expect(rows(el)[0]!.querySelector('[part~=status-badge]')!.textContent).to.equal('Uusi');
      expect(el.shadowRoot!.querySelector('label[for=q]')!.textContent).to.equal('Hae tukipyyntöjä');
    } finally { await setLocale('en'); }
  });
});
