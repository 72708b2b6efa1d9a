// End to end: a long comment thread in es-case-detail against the real stack (identity provider + support API +
// SQLite seeded with the demo data, whose Nordic Bank case with the most comments has a thread of about 80). The
// portal opens the case at its newest `comment-page-size` (30) comments; "Show earlier comments" is used with the
// keyboard only until every comment is shown, and the thread on screen is checked against the database each time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import { openPortalSignedIn } from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';

const env = useStack({ seed: 'demo' });
const { skip } = env;
const PAGE = 30; // es-case-detail's default comment-page-size

const detail = (page) => page.locator('es-case-detail').first();

/** The demo organisation's case with the longest thread, and its comment ids oldest first (as the API orders them). */
function longCase() {
  const c = env.stack.db.prepare(`SELECT c.id, c.number, c.comment_count FROM cases c JOIN organisations o ON o.id = c.organisation_id
    WHERE o.account_id = 'ACC-104233' AND c.status <> 'closed' ORDER BY c.comment_count DESC LIMIT 1`).get();
  return { ...c, ids: threadIds(c.id) };
}
const threadIds = (caseId) => env.stack.db.prepare('SELECT id FROM comments WHERE case_id = ? ORDER BY created_at, seq').all(caseId).map((r) => r.id);

/** openPortalSignedIn of helpers/sign-in.mjs on this file's portal. */
const openSignedIn = (page, hash) => openPortalSignedIn(page, env.origin, hash);

/**
 * In-page: what the thread of the portal's es-case-detail shows — comment ids in screen order (pending ones marked),
 * the heading, the earlier-comments button's text (null when gone) and the data-id (or tag) of the focused element.
 */
function threadState() {
  const el = /** @type {any} */ (document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-detail'));
  const root = el?.shadowRoot;
  if (!root?.querySelector('[part~="header"]')) return null;
  const focused = root.activeElement;
  return {
    caseId: el.caseId,
    ids: [...root.querySelectorAll('[part~="comment"]')].map((x) => (x.matches('[part~="comment-pending"]') ? 'pending:' : '') + x.getAttribute('data-id')),
    heading: root.querySelector('#thread-title')?.textContent?.trim() ?? null,
    button: root.querySelector('[part~="earlier-button"]')?.textContent?.trim() ?? null,
    busy: root.querySelector('[part~="earlier-button"]')?.getAttribute('aria-disabled') === 'true',
    error: root.querySelector('[part~="earlier-error"]')?.textContent?.trim() ?? null,
    focus: focused ? (focused.getAttribute('data-id') ?? focused.getAttribute('part') ?? focused.localName) : null,
  };
}

/** Waits until the detail of case `id` shows at least `min` comments, and returns its state. */
async function waitForThread(page, id, min) {
  await page.waitForFunction(([fn, caseId, n]) => {
    const s = new Function(`return (${fn})()`)();
    return s && s.caseId === caseId && s.ids.length >= n && !s.busy;
  }, [threadState.toString(), id, min], { timeout: 20_000 });
  return page.evaluate(threadState);
}

/**
 * Pages back with the keyboard only until the button is gone: the button gets the focus by Shift+Tab from the
 * comment that has it (or by focus() the first time), Enter and Space take turns. After each page: the new
 * comments are exactly the ones before those shown (database order), and the focus is on the first one added.
 * Returns the number of pages loaded.
 */
async function pageBackByKeyboard(page, caseId, expected) {
  let state = await page.evaluate(threadState);
  let pages = 0;
  const button = detail(page).locator('[part~="earlier-button"]');
  while (state.button) {
    if (pages === 0) await button.focus();
    else await page.keyboard.press('Shift+Tab'); // from the first comment added last time, back to the button just above
    assert.equal((await page.evaluate(threadState)).focus, 'earlier-button', `page ${pages + 1}: the button has the focus`);
    const before = state.ids;
    const left = expected.length - before.length;
    assert.equal(state.button, `Show earlier comments (${left} more)`, `page ${pages + 1}: the button counts the comments not shown`);
    await page.keyboard.press(pages % 2 ? 'Space' : 'Enter');
    state = await waitForThread(page, caseId, before.length + 1);
    pages++;
    const added = Math.min(PAGE, left);
    assert.deepEqual(state.ids, expected.slice(expected.length - before.length - added), `page ${pages}: ${added} earlier comments above, in order`);
    assert.equal(state.focus, state.ids[0], `page ${pages}: the focus is on the first comment added`);
    assert.equal(state.error, null);
  }
  return { pages, state };
}

test('a long thread opens at its newest 30 comments and pages back with the keyboard to the first, matching the database', { skip, timeout: 120_000 }, async () => {
  const c = longCase();
  assert.ok(c.ids.length > 2 * PAGE, `the demo seed has a long thread (the longest has ${c.ids.length} comments)`);
  assert.equal(c.comment_count, c.ids.length, 'comment_count matches the comments table');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  const requests = [];
  page.on('request', (r) => { if (r.url().includes(`/cases/${c.id}/comments`) && r.method() === 'GET') requests.push(new URL(r.url()).searchParams); });
  try {
    await openSignedIn(page, `#/cases/${encodeURIComponent(c.id)}`);
    const first = await waitForThread(page, c.id, 1);
    // The API's total is the same count.
    const total = await page.evaluate(async (id) => (await /** @type {any} */ (document.querySelector('es-provider')).api.listComments(id, { limit: 1 })).total, c.id);
    assert.equal(total, c.ids.length, 'the API counts every comment');

    assert.deepEqual(first.ids, c.ids.slice(-PAGE), 'the newest 30, oldest of them first');
    assert.equal(first.button, `Show earlier comments (${c.ids.length - PAGE} more)`);
    assert.equal(first.heading, `Conversation (${c.ids.length})`);
    assert.equal(requests[0]?.get('order'), 'desc', 'the first page is asked for newest first');
    assert.equal(requests[0]?.get('limit'), String(PAGE));

    const { pages, state } = await pageBackByKeyboard(page, c.id, c.ids);
    assert.equal(pages, Math.ceil((c.ids.length - PAGE) / PAGE));
    assert.equal(new Set(state.ids).size, state.ids.length, 'no comment twice');
    assert.deepEqual(state.ids, c.ids, 'every comment, oldest first');
    assert.equal(state.button, null, 'the button is gone once everything is shown');
    assert.equal(state.heading, `Conversation (${env.stack.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE case_id = ?').get(c.id).n})`);
    const paged = requests.filter((q) => q.get('cursor'));
    assert.equal(paged.length, pages, 'one request per page');
    assert.ok(paged.every((q) => q.get('order') === 'desc'), 'earlier pages keep the order of their cursor');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a comment posted while the thread is partly shown appears once at the end; paging back then adds no duplicates', { skip, timeout: 120_000 }, async () => {
  const c = longCase();
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await openSignedIn(page, `#/cases/${encodeURIComponent(c.id)}`);
    const first = await waitForThread(page, c.id, PAGE);
    assert.deepEqual(first.ids, c.ids.slice(-PAGE));

    // Some history is shown, not all of it: one page back first.
    await detail(page).locator('[part~="earlier-button"]').focus();
    await page.keyboard.press('Enter');
    const partial = await waitForThread(page, c.id, PAGE + 1);
    assert.ok(partial.button, 'still not every comment shown');

    const body = `Update from Tampere: the last 12 laptops are on the hotfix now <b>(${Date.now()})</b>`;
    await detail(page).locator('textarea[name=comment]').focus();
    await page.keyboard.type(body);
    await detail(page).locator('[part~="send-button"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(([fn, n]) => {
      const s = new Function(`return (${fn})()`)();
      return s && s.ids.length === n && !s.ids.some((x) => x.startsWith('pending:'));
    }, [threadState.toString(), partial.ids.length + 1], { timeout: 20_000 });

    const rows = env.stack.db.prepare('SELECT id FROM comments WHERE case_id = ? AND body = ?').all(c.id, body);
    assert.equal(rows.length, 1, 'the comment is stored once');
    const posted = rows[0].id;
    const after = await page.evaluate(threadState);
    assert.deepEqual(after.ids, [...partial.ids, posted], 'the new comment is last, once, after the ones shown');
    assert.equal(after.heading, `Conversation (${c.ids.length + 1})`);
    const shown = detail(page).locator(`[part~="comment"][data-id="${posted}"]`);
    assert.ok((await shown.innerText()).includes(body), 'the comment text is shown as text, tags and all');
    assert.equal(await shown.locator('b').count(), 0, 'no markup from the comment text');

    const expected = threadIds(c.id);
    assert.deepEqual(expected, [...c.ids, posted], 'the database has the thread with the new comment at the end');
    // Page back from where the thread is: the button still counts only the earlier comments.
    await detail(page).locator('[part~="earlier-button"]').focus();
    let state = after;
    let pages = 0;
    while (state.button) {
      const before = state.ids.length;
      assert.equal(state.button, `Show earlier comments (${expected.length - before} more)`);
      await page.keyboard.press(pages % 2 ? 'Enter' : 'Space');
      state = await waitForThread(page, c.id, before + 1);
      pages++;
      assert.equal(state.focus, state.ids[0], 'the focus is on the first comment added');
      if (state.button) await page.keyboard.press('Shift+Tab');
    }
    assert.equal(new Set(state.ids).size, state.ids.length, 'no comment twice');
    assert.deepEqual(state.ids, expected, 'every comment once, oldest first, the new one last');
    assert.equal(state.heading, `Conversation (${expected.length})`);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
