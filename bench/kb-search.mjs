// KB search keystroke-to-results against the real API with 10,000 articles: es-kb-search in Chromium, queries
// typed with real key presses (60 ms apart); the figure is the time from the last keystroke's `input` event to
// the moment the results for that query are rendered (the last DOM commit after the search response arrived).
// Measured twice: with the element's own debounce (what a user feels, the debounce wait included) and with
// debounce="0" (the SDK + API + render cost alone). The budget applies to the latter; both are printed.
import { percentile } from './lib/report.mjs';

/** In-page instrumentation (init script): fetch log, last input event, last mutation in the element's tree. */
function kbProbe(apiOrigin) {
  const s = { fetches: [], lastInput: 0, mutations: [] };
  window.__kb = s;
  const orig = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const p = orig.call(this, input, init);
    if (url.startsWith(apiOrigin) && url.includes('/kb/search')) {
      const f = { url, start: performance.now(), end: null, aborted: false };
      s.fetches.push(f);
      p.then((res) => res.clone().arrayBuffer().then(() => { f.end = performance.now(); }, () => { f.aborted = true; }), () => { f.aborted = true; });
    }
    return p;
  };
  // Only the browser's own input events (the user's keystrokes): an element may re-dispatch its own 'input'.
  document.addEventListener('input', (e) => { if (e.isTrusted) s.lastInput = performance.now(); }, true);
  const mo = new MutationObserver(() => { s.mutations.push(performance.now()); if (s.mutations.length > 5000) s.mutations.splice(0, 4000); });
  customElements.whenDefined('es-kb-search').then(() => {
    const el = document.querySelector('es-kb-search');
    if (el?.shadowRoot) mo.observe(el.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Query strings built from the seeded titles: single words and two-word phrases, 2+ letters each. */
function pickQueries(db, n) {
  const titles = db.prepare('SELECT title FROM kb_articles ORDER BY num LIMIT 2000').all().map((r) => r.title);
  const words = [...new Set(titles.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 4))];
  const out = new Set();
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  // Distinct queries: a repeated one could come from the HTTP cache instead of the API.
  for (let guard = 0; out.size < n && words.length && guard < n * 50; guard++) {
    const w = words[Math.floor(rnd() * words.length)];
    out.add(rnd() < 0.35 ? `${w} ${words[Math.floor(rnd() * words.length)]}` : w);
  }
  return [...out];
}

async function measure(page, input, queries, debounce) {
  await page.evaluate((d) => { document.querySelector('es-kb-search').debounce = d; }, debounce);
  const lat = [];
  const failures = [];
  for (const q of queries) {
    await input.fill('');
    await page.waitForTimeout(debounce + 60);
    await input.pressSequentially(q, { delay: 60 });
    try {
      const handle = await page.waitForFunction((query) => {
        const s = window.__kb;
        const el = document.querySelector('es-kb-search');
        const f = [...s.fetches].reverse().find((x) => new URL(x.url).searchParams.get('q') === query);
        if (!f || f.end === null || f.start < s.lastInput - 1 || el.isUpdatePending) return false;
        const respEnd = performance.getEntriesByType('resource').filter((e) => e.name === f.url).pop()?.responseEnd ?? f.end;
        const opts = el.shadowRoot.querySelectorAll('[role="option"]').length;
        const count = el.shadowRoot.querySelector('[part~="count"]')?.textContent ?? '';
        if (opts === 0 && !/\d/.test(count)) return false;
        const after = s.mutations.filter((m) => m >= respEnd);
        const renderedAt = after.length ? after[after.length - 1] : f.end;
        return { ms: renderedAt - s.lastInput, opts, request: f.start - s.lastInput };
      }, q.trim(), { timeout: 10_000, polling: 'raf' });
      await page.waitForTimeout(50);
      // Re-read after the UI settled: the last commit after the response is the one that showed the results.
      const v = await page.evaluate((query) => {
        const s = window.__kb;
        const f = [...s.fetches].reverse().find((x) => new URL(x.url).searchParams.get('q') === query);
        const respEnd = performance.getEntriesByType('resource').filter((e) => e.name === f.url).pop()?.responseEnd ?? f.end;
        const after = s.mutations.filter((m) => m >= respEnd);
        return { ms: (after.length ? after[after.length - 1] : f.end) - s.lastInput, request: f.start - s.lastInput, server: respEnd - f.start };
      }, q.trim());
      lat.push({ q, ...v, opts: (await handle.jsonValue()).opts });
    } catch (e) {
      failures.push(`${q}: ${String(e.message).split('\n')[0]}`);
    }
  }
  return { lat, failures, debounce };
}

export async function run(ctx) {
  const missing = ctx.missing();
  if (missing) return { figures: [{ section: 'KB search', name: 'keystroke → results p95', value: null, unit: 'ms', budget: 80, skipped: `missing: ${missing.join(', ')}` }] };
  const stack = await ctx.stack();
  const n = ctx.args.quick ? 20 : 60;
  const all = pickQueries(stack.db, n + Math.ceil(n / 2));
  const queries = all.slice(0, n);
  const queriesDefault = all.slice(n);
  const { page, context } = await ctx.newPage({ signedIn: false });
  await page.addInitScript(`(${kbProbe.toString()})(${JSON.stringify(stack.urls.api)})`);
  await page.goto(stack.page('bench-kb-search.html'));
  await page.waitForFunction(() => !!document.querySelector('es-kb-search')?.shadowRoot?.querySelector('input'));
  const input = page.locator('es-kb-search input[part~="input"]');
  // Warm the connection and the FTS index once.
  await input.fill('password');
  await page.waitForTimeout(600);
  const defaultDebounce = await page.evaluate(() => document.querySelector('es-kb-search').debounce);
  const zero = await measure(page, input, queries, 0);
  const dflt = await measure(page, input, queriesDefault, defaultDebounce);
  await context.close();
  const z = zero.lat.map((x) => x.ms);
  const d = dflt.lat.map((x) => x.ms);
  const server = zero.lat.map((x) => x.server);
  const total = ctx.bigArticles ?? null;
  const figures = [
    { section: 'KB search', name: 'keystroke → results p50 (debounce 0)', value: percentile(z, 50), unit: 'ms', note: `${z.length} queries on ${total ?? '?'} articles${zero.failures.length ? `; ${zero.failures.length} failed: ${zero.failures[0]}` : ''}` },
    { section: 'KB search', name: 'keystroke → results p95 (debounce 0)', value: percentile(z, 95), unit: 'ms', budget: 80, note: `server response p50 ${percentile(server, 50)?.toFixed(1)} ms, p95 ${percentile(server, 95)?.toFixed(1)} ms` },
    { section: 'KB search', name: `keystroke → results p50 (debounce ${defaultDebounce} ms)`, value: percentile(d, 50), unit: 'ms', note: `${d.length} queries; includes the ${defaultDebounce} ms debounce wait` },
    { section: 'KB search', name: `keystroke → results p95 (debounce ${defaultDebounce} ms)`, value: percentile(d, 95), unit: 'ms', note: 'what a typing user feels' },
  ];
  console.log(`  debounce 0: p50 ${percentile(z, 50)?.toFixed(1)} p95 ${percentile(z, 95)?.toFixed(1)} ms; debounce ${defaultDebounce}: p50 ${percentile(d, 50)?.toFixed(1)} p95 ${percentile(d, 95)?.toFixed(1)} ms`);
  return { figures, raw: { queries, queriesDefault, zero, default: dflt, defaultDebounce } };
}
