// End to end (issue 5): 10,000 seeded cases scroll in es-case-list with a bounded DOM. The stack is seeded with
// { cases: 10000 } (spread over the three organisations); the demo user's organisation gets thousands. The list
// loads pages as the user scrolls; once it is virtualised the number of rendered rows must stay constant while
// the number of loaded cases grows past 1,000.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import { deepCount } from './helpers/settle.mjs';
import { signInFromButton } from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';

const env = useStack({ seed: { cases: 10000, articles: 50 } });
const { skip } = env;
const ROW_BOUND = 100;

test('10,000 seeded cases: paging past 1,000 loaded cases keeps the rendered rows under a constant bound', { skip, timeout: 150_000 }, async () => {
  const total = env.stack.db.prepare(`SELECT COUNT(*) AS n FROM cases c JOIN organisations o ON o.id = c.organisation_id
    WHERE o.account_id = 'ACC-104233'`).get().n;
  assert.equal(env.stack.db.prepare('SELECT COUNT(*) AS n FROM cases').get().n, 10000, 'the stack seeded 10,000 cases');
  assert.ok(total > 1200, `the demo organisation has enough cases (${total})`);

  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${env.origin}/portal.html#/cases`);
    await signInFromButton(page, { button: 'es-portal [part~="sign-in-button"]', origin: env.origin });
    await page.waitForFunction(() => location.hash === '#/cases', null, { timeout: 20_000 });

    const loaded = () => page.evaluate(() => {
      const el = (document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-list'));
      return /** @type {any} */ (el)?._items?.length ?? 0;
    });
    await page.waitForFunction(() => {
      const el = /** @type {any} */ (document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-list'));
      return (el?._items?.length ?? 0) > 0 && !el.isUpdatePending;
    }, null, { timeout: 30_000 });
    assert.match(await page.locator('es-case-list [part~="count"]').innerText(), new RegExp(`Showing 50 of ${total.toLocaleString('en')} cases`));

    const samples = [];
    let last = await loaded();
    for (let step = 0; step < 80 && last <= 1050; step++) {
      const virtual = await page.locator('es-case-list ul.list.virtual').count();
      if (!virtual) {
        // Short list (plain rows): the "Load more" button, pressed with the keyboard.
        const more = page.locator('es-case-list [part~="load-more-button"]');
        await more.waitFor({ timeout: 10_000 });
        await more.focus();
        await page.keyboard.press('Enter');
      } else {
        // Virtualised: scroll the list's own scroller to its end; the list loads the next page by itself.
        await page.locator('es-case-list ul.list.virtual').evaluate((ul) => { ul.scrollTop = ul.scrollHeight; });
      }
      await page.waitForFunction((n) => {
        const el = /** @type {any} */ (document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-list'));
        return (el?._items?.length ?? 0) > n;
      }, last, { timeout: 15_000 });
      await page.waitForTimeout(60); // a frame or two for the virtualiser to render the new range
      last = await loaded();
      // Every row element anywhere in the portal's shadow DOM (the list's rows live in es-case-list's root).
      const rows = await deepCount(page, 'es-provider', '[part~="row"]');
      samples.push({ loaded: last, rows, virtual: !!(await page.locator('es-case-list ul.list.virtual').count()) });
    }
    assert.ok(last > 1000, `more than 1,000 cases loaded (${last})`);
    const virtualSamples = samples.filter((s) => s.virtual && s.loaded > 200);
    assert.ok(virtualSamples.length >= 10, `the list switched to virtual scrolling: ${JSON.stringify(samples.slice(0, 6))}`);
    const maxRows = Math.max(...virtualSamples.map((s) => s.rows));
    const minRows = Math.min(...virtualSamples.map((s) => s.rows));
    assert.ok(minRows > 0, 'rows are rendered');
    assert.ok(maxRows < ROW_BOUND, `rendered rows stay under ${ROW_BOUND} (max ${maxRows}) while loaded grew to ${last}`);
    // Constant, not merely small: the row count does not grow with the number of loaded cases.
    const firstHalf = virtualSamples.slice(0, Math.floor(virtualSamples.length / 2)).map((s) => s.rows);
    const secondHalf = virtualSamples.slice(Math.floor(virtualSamples.length / 2)).map((s) => s.rows);
    assert.ok(Math.max(...secondHalf) <= Math.max(...firstHalf) + 5, `rows do not grow: ${JSON.stringify(virtualSamples.map((s) => [s.loaded, s.rows]))}`);

    // The rows shown are the ones at the end of what is loaded (the scroll really moved), in the API's order.
    const shownIndexes = await page.evaluate(() => {
      const el = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-list');
      return [...(el?.shadowRoot?.querySelectorAll('[part~="row"]') ?? [])].map((r) => Number(r.getAttribute('data-index')));
    });
    assert.ok(Math.max(...shownIndexes) >= last - 60, `the last loaded rows are on screen: max index ${Math.max(...shownIndexes)} of ${last}`);
    assert.match(await page.locator('es-case-list [part~="count"]').innerText(), new RegExp(`Showing ${last.toLocaleString('en')} of ${total.toLocaleString('en')} cases`));

    // Keyboard in the virtualised list: Home brings the first case back into the DOM and focuses it; End goes
    // to the last loaded one (and asks for the next page).
    const focused = () => page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return /** @type {HTMLElement} */ (a)?.dataset?.index ?? null;
    });
    const visibleRow = Math.max(...shownIndexes);
    await page.locator(`es-case-list [part~="row"][data-index="${visibleRow}"]`).focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return /** @type {HTMLElement} */ (a)?.dataset?.index === '0';
    }, null, { timeout: 10_000 }).catch(() => {});
    assert.equal(await focused(), '0', 'Home focuses the first case');
    assert.ok(await deepCount(page, 'es-provider', '[part~="row"]') < ROW_BOUND, 'still a bounded DOM at the top');
    const loadedBeforeEnd = await loaded();
    await page.keyboard.press('End');
    await page.waitForFunction((n) => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return Number(/** @type {HTMLElement} */ (a)?.dataset?.index) >= n - 1;
    }, loadedBeforeEnd, { timeout: 10_000 }).catch(() => {});
    assert.ok(Number(await focused()) >= loadedBeforeEnd - 1, `End focuses the last loaded case (${await focused()} of ${loadedBeforeEnd})`);
    await page.waitForFunction((n) => {
      const el = /** @type {any} */ (document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-list'));
      return (el?._items?.length ?? 0) > n;
    }, loadedBeforeEnd, { timeout: 10_000 });
    assert.deepEqual(log.pageErrors, []);
    console.log(`# loaded ${last} of ${total}; rows ${minRows}..${maxRows} over ${virtualSamples.length} virtual samples`);
  } finally {
    await context.close();
  }
});
