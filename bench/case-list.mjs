// es-case-list with 10,000 cases in the signed-in user's organisation: first render (median of N loads, same
// probe as the render part) and the number of rows in the DOM — at first render, and after scrolling the
// virtualised list far down (thousands of cases loaded) to show the row count stays constant.
import { median } from './lib/report.mjs';
import { installProbe, measureLoads } from './render.mjs';

/** In-page: rows (li[part~=item]) in the case list's shadow DOM, loaded items and the count text. */
function rowsInDom() {
  const list = document.querySelector('es-case-list');
  const root = list?.shadowRoot;
  if (!root) return { rows: 0, loaded: 0, count: '' };
  const rows = root.querySelectorAll('[part~="item"]').length;
  const ul = root.querySelector('[part~="list"]');
  const count = root.querySelector('[part~="count"]')?.textContent?.trim() ?? '';
  // eslint-disable-next-line no-underscore-dangle
  const loaded = /** @type {any} */ (list)._items?.length ?? null;
  return { rows, loaded, count, virtual: !!ul?.classList.contains('virtual'), totalNodes: root.querySelectorAll('*').length };
}

export async function run(ctx) {
  const missing = ctx.missing();
  if (missing) return { figures: [{ section: 'case list 10k', name: 'first render', value: null, unit: 'ms', budget: 50, skipped: `missing: ${missing.join(', ')}` }] };
  const stack = await ctx.stack();
  const { page, context } = await ctx.newPage({ signedIn: true });
  await installProbe(page);
  const total = ctx.bigTotal ?? null;
  const runs = ctx.args.runs ?? (ctx.args.quick ? 5 : 20);
  const url = stack.page('bench-case-list.html');
  const r = await measureLoads(page, { url, tag: 'es-case-list', expect: '/api/v1/cases', apiOrigins: [stack.urls.api, stack.urls.idp], runs });
  const first = await page.evaluate(rowsInDom);

  // Scroll: load pages with the button until the list virtualises, then scroll the virtual list to its end
  // again and again; sample the rows in the DOM as the loaded count grows.
  const samples = [{ ...first }];
  const deadline = Date.now() + (ctx.args.quick ? 15_000 : 45_000);
  const target = ctx.args.quick ? 1000 : 3000;
  let state = first;
  while (Date.now() < deadline && (state.loaded ?? 0) < target) {
    const before = state.loaded;
    await page.evaluate(() => {
      const root = document.querySelector('es-case-list')?.shadowRoot;
      const more = root?.querySelector('[part~="load-more-button"]');
      if (more && !more.disabled) more.click();
      const ul = root?.querySelector('[part~="list"]');
      if (ul) ul.scrollTop = ul.scrollHeight;
      window.scrollTo(0, document.body.scrollHeight);
    });
    await page.waitForFunction((b) => (document.querySelector('es-case-list')?._items?.length ?? 0) > b, before, { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(50);
    state = await page.evaluate(rowsInDom);
    if (state.loaded === before) break;
    samples.push(state);
  }
  await context.close();
  const big = samples.filter((s) => (s.loaded ?? 0) >= 1000);
  const maxRows = Math.max(...samples.map((s) => s.rows));
  const maxRowsLoaded = big.length ? Math.max(...big.map((s) => s.rows)) : null;
  const last = samples[samples.length - 1];
  console.log(`  first render median ${r.median?.toFixed(1)} ms; rows at first render ${first.rows}; after loading ${last.loaded}: ${last.rows} rows (virtual=${last.virtual})`);
  return {
    figures: [
      { section: 'case list 10k', name: 'first render (median)', value: r.median, unit: 'ms', budget: 50, note: `${r.times.length} runs, p95 ${r.p95?.toFixed(1)} ms, cold ${r.cold?.toFixed(0)} ms; list says "${first.count}"${total ? `, ${total} cases in the organisation` : ''}` },
      { section: 'case list 10k', name: 'rows in DOM at first render', value: first.rows, unit: 'count', note: `${first.loaded} loaded, ${first.totalNodes} shadow nodes` },
      { section: 'case list 10k', name: `rows in DOM with ${last.loaded} cases loaded`, value: last.rows, unit: 'count', budget: Math.max(100, first.rows), note: `virtualised: ${last.virtual}; max rows seen ${maxRows}; constant rows = never more than the first page (${first.rows}) or 100` },
    ],
    raw: { ...r, first, samples, maxRowsLoaded },
  };
}
