// End to end (issue 6): self-service in es-portal on demo/pages/portal.html against the real stack, signed out:
// knowledge-base search (SQLite FTS5) → article by keyboard → "Was this helpful?" recorded in the database →
// "Still need help? Open a case" hands the query to es-case-form through the sign-in redirect; the contact card's
// live opening status and tel: links; the documents list with downloadable PDFs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import { signInFromButton } from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';

const env = useStack({ seed: 'demo' });
const { skip } = env;

const kb = (page) => page.locator('es-kb-search').first();

test('signed out: KB search with highlights → article by keyboard → feedback in the DB → "Open a case" hands the query over', { skip, timeout: 90_000 }, async () => {
  const query = 'diagnostics';
  // What FTS5 finds for the query, straight from the database (the expected first hit is checked against it).
  const expected = env.stack.db.prepare(`SELECT COUNT(*) AS n FROM kb_articles WHERE title LIKE '%diagnostics%' OR body_html LIKE '%diagnostics%'`).get().n;
  assert.ok(expected >= 1, 'the seed has articles about diagnostics');

  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${env.origin}/portal.html#/kb`);
    const input = kb(page).locator('input[role=combobox]');
    await input.waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => /** @type {any} */ (document.querySelector('es-provider'))?.session?.state?.status), 'signed-out');

    await input.click();
    await page.keyboard.type(query, { delay: 30 });
    const options = kb(page).locator('[role=option]');
    // Results for the whole query (earlier keystrokes may have shown results for a prefix first).
    await page.waitForFunction((q) => {
      const el = /** @type {any} */ (document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-kb-search'));
      return el?._resultsQuery === q && el._status === 'results' && !el.isUpdatePending &&
        (el.shadowRoot?.querySelectorAll('[role=option]').length ?? 0) > 0;
    }, query, { timeout: 15_000 });
    assert.match(await kb(page).locator('[part~="count"]').innerText(), /^\d+ results?$/);
    const shown = await options.count();
    assert.ok(shown >= 1 && shown <= 10, `results shown: ${shown}`);
    // Highlights are real <mark> elements built from the match offsets, around the query's words.
    const marks = await kb(page).locator('[role=option] mark').allInnerTexts();
    assert.ok(marks.length >= 1, 'terms are highlighted');
    for (const m of marks) assert.match(m, /^diagnos/i, `highlighted: "${m}"`);
    const firstTitle = (await kb(page).locator('[role=option] [part~="option-title"]').first().innerText()).trim();

    // Keyboard: ArrowDown makes the first result active, Enter opens it.
    await page.keyboard.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), 'kb-option-0');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/kb/'), null, { timeout: 10_000 });
    const id = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/kb\//, '').split('?')[0]);
    const article = env.stack.db.prepare('SELECT id, title, helpful_yes, helpful_no FROM kb_articles WHERE id = ?').get(id);
    assert.ok(article, `the hash names a real article: ${page.url()}`);
    assert.equal(article.title, firstTitle, 'the first result was opened');
    const title = kb(page).locator('[part~="article-title"]');
    await title.waitFor({ timeout: 10_000 });
    assert.equal((await title.innerText()).trim(), article.title);
    assert.ok((await kb(page).locator('[part~="article-body"]').innerText()).length > 20, 'the article body is shown');

    // "Was this helpful?" Yes → recorded.
    const before = env.stack.db.prepare('SELECT COUNT(*) AS n FROM kb_feedback WHERE article_id = ?').get(id).n;
    await kb(page).locator('[part~="feedback-yes"]').click();
    await kb(page).locator('[part~="feedback"]', { hasText: 'Thank you' }).waitFor({ timeout: 10_000 });
    const rows = env.stack.db.prepare('SELECT helpful FROM kb_feedback WHERE article_id = ?').all(id);
    assert.equal(rows.length, before + 1, 'one feedback row more');
    assert.equal(rows.at(-1).helpful, 1);
    const after = env.stack.db.prepare('SELECT helpful_yes, helpful_no FROM kb_articles WHERE id = ?').get(id);
    assert.deepEqual(after, { helpful_yes: article.helpful_yes + 1, helpful_no: article.helpful_no }, 'the yes counter went up');
    assert.equal(await kb(page).locator('[part~="feedback-yes"]').count(), 0, 'no second vote is offered');

    // "Back to results": the URL follows (a reload must not reopen the article that was left), the results are
    // back, and the browser's Back returns to the article, Forward to the results.
    await kb(page).locator('[part~="back-button"]').click();
    await page.waitForFunction((q) => location.hash === `#/kb?q=${q}`, query, { timeout: 10_000 });
    await options.first().waitFor({ timeout: 10_000 });
    assert.equal(await options.count(), shown, 'the same results');
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/kb/'), null, { timeout: 10_000 });
    await title.waitFor({ timeout: 10_000 });
    assert.equal((await title.innerText()).trim(), article.title, 'Back shows the article again');
    await page.goForward();
    await page.waitForFunction((q) => location.hash === `#/kb?q=${q}`, query, { timeout: 10_000 });
    await options.first().waitFor({ timeout: 10_000 });
    await page.reload();
    await options.first().waitFor({ timeout: 20_000 });
    assert.equal(await kb(page).locator('[part~="article"]').count(), 0, 'after a reload the search is shown, not the article left');
    assert.equal(await kb(page).locator('input[role=combobox]').inputValue(), query);

    // "Still need help? Open a case" → #/new with the query; signed out, the portal asks to sign in and comes back.
    await kb(page).locator('[part~="open-case-button"]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/new'), null, { timeout: 10_000 });
    assert.equal(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('subject'), query);
    await signInFromButton(page, { button: 'es-portal [part~="sign-in-button"]', origin: env.origin });
    await page.waitForFunction(() => location.hash.startsWith('#/new?'), null, { timeout: 20_000 });
    const subject = page.locator('es-case-form input[name=subject]');
    await subject.waitFor({ timeout: 20_000 });
    assert.equal(await subject.inputValue(), query, 'the case form starts with the query as the subject');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('contact card: live status line that changes while the page stays open, tel: links', { skip, timeout: 60_000 }, async () => {
  const context = await env.browser.newContext({ timezoneId: 'Europe/Helsinki', locale: 'en-GB' });
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    // Wednesday 2 December 2026, 17:50 in Helsinki: the Helsinki centre (weekdays 08-18) closes in ten minutes.
    await page.clock.install({ time: new Date('2026-12-02T17:50:00+02:00') });
    await page.goto(`${env.origin}/portal.html#/contact`);
    const card = page.locator('es-contact-card').first();
    const select = card.locator('[part~="country-select"]');
    await select.waitFor({ timeout: 20_000 });
    await select.selectOption('FI');
    const phone = card.locator('[part~="line"] [part~="phone-link"]');
    assert.equal(await phone.innerText(), '+358 9 4245 0700');
    assert.equal(await phone.getAttribute('href'), 'tel:+358942450700');
    for (const href of await card.locator('[part~="phone-link"]').evaluateAll((els) => els.map((a) => a.getAttribute('href')))) {
      assert.match(href, /^tel:\+?\d+$/, `every phone number is a tel: link (${href})`);
    }
    const status = card.locator('[part~="status"]');
    assert.match(await status.innerText(), /^Open now, closes at 18:00/);
    assert.match(await status.getAttribute('part'), /status-open/);

    // Time passes with the page open: the line turns to closed by itself.
    await page.clock.fastForward('15:00');
    await page.waitForFunction(() => {
      const c = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-contact-card');
      return /Closed/.test(c?.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '');
    }, null, { timeout: 10_000 });
    assert.match(await status.innerText(), /^Closed, opens tomorrow 08:00/);
    assert.match(await status.getAttribute('part'), /status-closed/);

    // The hours table: Wednesday is today; the centre is in the user's zone, so one time column.
    const today = card.locator('[part~="hours"] tr[aria-current="date"]');
    assert.match(await today.innerText(), /Wednesday\s+08:00–18:00/);
    // In Finnish every time on the card uses the Finnish format (8.00 / 08.00), the table like the status line.
    // (The card is shown afresh after the switch: see the todo test below for switching with the card open.)
    await page.evaluate(() => document.querySelector('es-provider')?.setAttribute('locale', 'fi'));
    await page.locator('es-portal [part~="nav-link"]').nth(2).click(); // the knowledge base
    await page.waitForFunction(() => location.hash.startsWith('#/kb'));
    await page.locator('es-portal [part~="nav-link"]', { hasText: 'Yhteystiedot' }).click();
    await card.locator('[part~="country-select"]').waitFor({ timeout: 10_000 });
    await card.locator('[part~="country-select"]').selectOption('FI');
    await page.waitForFunction(() => {
      const c = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-contact-card');
      return /Suljettu/.test(c?.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '');
    }, null, { timeout: 10_000 });
    const fiStatus = await status.innerText();
    const fiToday = await today.innerText();
    assert.match(fiStatus, /klo 0?8\.00/, `status in Finnish: ${fiStatus}`);
    assert.match(fiToday, /^keskiviikko\s+0?8\.00–18\.00$/, `hours in Finnish: ${fiToday}`);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a locale switch with the page open formats dates and times in the new locale too', {
  skip,
  timeout: 60_000,
}, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${env.origin}/portal.html#/kb?q=vpn`);
    const meta = kb(page).locator('[part~="option-meta"]').first();
    await meta.waitFor({ timeout: 20_000 });
    assert.match(await meta.innerText(), /Updated \d{1,2} [A-Z][a-z]{2} \d{4}/);
    await page.evaluate(() => document.querySelector('es-provider')?.setAttribute('locale', 'fi'));
    await page.waitForFunction(() => {
      const k = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-kb-search');
      return /Päivitetty/.test(k?.shadowRoot?.querySelector('[part~="option-meta"]')?.textContent ?? '');
    }, null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    assert.match(await meta.innerText(), /Päivitetty \d{1,2}\.\d{1,2}\.\d{4}/, 'the date is in Finnish format too');
  } finally {
    await context.close();
  }
});

test('documents: rows with download links that return the PDF', { skip, timeout: 60_000 }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${env.origin}/portal.html#/documents`);
    const docs = page.locator('es-documents').first();
    await docs.locator('[part~="item"]').first().waitFor({ timeout: 20_000 });
    const count = await docs.locator('[part~="item"]').count();
    const inDb = env.stack.db.prepare('SELECT COUNT(*) AS n FROM documents').get().n;
    assert.ok(count >= 1 && count <= inDb, `rows: ${count} of ${inDb}`);
    const links = docs.locator('[part~="download-link"]');
    assert.equal(await links.count(), count, 'one download link per row');
    const pdfRow = docs.locator('[part~="item"]', { hasText: /PDF/ }).first();
    const href = await pdfRow.locator('[part~="download-link"]').getAttribute('href');
    assert.ok(href, 'the PDF row has a link');
    // Fetched like the browser would (from the page, cross-origin to the public API).
    const got = await page.evaluate(async (url) => {
      const r = await fetch(url);
      const buf = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, type: r.headers.get('content-type'), head: String.fromCharCode(...buf.slice(0, 5)), size: buf.length };
    }, href);
    assert.equal(got.status, 200);
    assert.match(got.type, /^application\/pdf/);
    assert.equal(got.head, '%PDF-');
    const id = decodeURIComponent(new URL(href).pathname.split('/').at(-2));
    const doc = env.stack.db.prepare('SELECT size FROM documents WHERE id = ?').get(id);
    assert.equal(got.size, doc.size, 'the whole file');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
