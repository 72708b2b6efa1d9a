// End to end (issue 5): a support case from creation to escalation through es-portal on demo/pages/portal.html,
// against the real stack (identity provider + support API + SQLite). Signing in always goes through the provider's
// real login page; the form is filled in with the keyboard like a person would; the database is checked afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage, deepText } from './helpers/browser.mjs';
import { openPortalSignedIn, typeCredentials } from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';

const env = useStack({ seed: 'demo' });
const { skip } = env;

const form = (page) => page.locator('es-case-form').first();
const detail = (page) => page.locator('es-case-detail').first();

/** openPortalSignedIn of helpers/sign-in.mjs on this file's portal. */
const openSignedIn = (page, hash) => openPortalSignedIn(page, env.origin, hash);

/** Fills the new-case form with the keyboard. */
async function typeCase(page, { subject, description, product = true, severity = 'high' }) {
  const subjectInput = form(page).locator('input[name=subject]');
  await subjectInput.waitFor({ timeout: 20_000 });
  await subjectInput.click();
  await page.keyboard.type(subject);
  await page.keyboard.press('Tab'); // to the description
  await page.keyboard.type(description);
  if (product) {
    const select = form(page).locator('select[name=productId]');
    await page.waitForFunction(() => {
      const f = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-form');
      return (f?.shadowRoot?.querySelectorAll('select[name=productId] option').length ?? 0) > 1;
    }, null, { timeout: 15_000 });
    await select.focus();
    // The first real product, chosen with the keyboard (ArrowDown on a focused closed <select> changes it).
    await page.keyboard.press('ArrowDown');
    if (!(await select.inputValue())) {
      const value = await select.locator('option').nth(1).getAttribute('value');
      await select.selectOption(value);
    }
  }
  if (severity) {
    const radio = form(page).locator(`#severity-${severity}`);
    await radio.focus();
    await page.keyboard.press('Space');
    assert.equal(await radio.isChecked(), true, `severity ${severity} chosen`);
  }
}

/**
 * In-page: records es-case-submit events and, once the form has rendered the created state (before es-portal's
 * hash change takes it away), the text of its success part.
 */
async function recordSubmits(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__submits = [];
    document.addEventListener('es-case-submit', (e) => {
      const el = /** @type {any} */ (e.composedPath()[0]);
      const entry = { id: e.detail?.case?.id, number: e.detail?.case?.number, success: null };
      w.__submits.push(entry);
      el.updateComplete.then(() => {
        entry.success = el.shadowRoot?.querySelector('[part~="success"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
      });
    }, true);
  });
}

/** Waits until the case detail shows case `id` with its header. */
async function waitForDetail(page, id) {
  await page.waitForFunction((caseId) => {
    const el = /** @type {any} */ (document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-detail'));
    return el && el.caseId === caseId && !!el.shadowRoot?.querySelector('[part~="header"]');
  }, id, { timeout: 20_000 });
}

/** Text of the status badge area of the detail header. */
const headerText = (page) => detail(page).locator('[part~="header"]').innerText();

async function runDialog(page, button, reason) {
  await detail(page).locator(`[part~="${button}"]`).click();
  const dialog = detail(page).locator('dialog[open]');
  await dialog.waitFor({ timeout: 5_000 });
  const text = await dialog.innerText();
  if (reason) {
    // The reason box has the focus when the dialog opens.
    await page.keyboard.type(reason);
  }
  await detail(page).locator('[part~="confirm-button"]').click();
  await detail(page).locator('dialog[open]').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  return text;
}

test('a case from the form to escalation: attachment, list, comment, close, reopen, escalate, history and DB', { skip, timeout: 120_000 }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  const subject = `Printer agent crashes on start ${Date.now()}`;
  const description = 'Since the 2.3 update the agent exits with code 3 on every start. Restarting did not help; 40 users affected.';
  try {
    await openSignedIn(page, '#/new');
    await typeCase(page, { subject, description });
    const productId = await form(page).locator('select[name=productId]').inputValue();
    assert.ok(productId, 'a product is chosen');

    // The attachment: the upload is held back a moment so its progress is visible.
    let releaseUpload;
    const uploadHeld = new Promise((r) => { releaseUpload = r; });
    await page.route('**/api/v1/attachments', async (route) => {
      if (route.request().method() === 'POST') await uploadHeld;
      await route.continue();
    });
    await form(page).locator('input[type=file]').setInputFiles({
      name: 'agent.log', mimeType: 'text/plain', buffer: Buffer.from('2026-11-25 10:00:01 ERROR agent exited with code 3\n'.repeat(40)),
    });
    await form(page).locator('[part~="file"] [part~="progress"]').waitFor({ timeout: 5_000 });
    assert.equal(await form(page).locator('[part~="file-uploading"]').count(), 1, 'the file shows as uploading');
    assert.equal(await form(page).locator('[part~="submit-button"]').isDisabled(), true, 'submit waits for the upload');
    releaseUpload();
    await form(page).locator('[part~="file-done"]').waitFor({ timeout: 10_000 });
    assert.match(await form(page).locator('[part~="file-done"]').innerText(), /agent\.log[\s\S]*Uploaded/);
    await page.unroute('**/api/v1/attachments');

    await recordSubmits(page);
    await form(page).locator('[part~="submit-button"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /** @type {any} */ (window).__submits?.[0]?.success, null, { timeout: 20_000 });
    const [submitted] = await page.evaluate(() => /** @type {any} */ (window).__submits);
    assert.match(submitted.number, /^CS-\d{7}$/);
    assert.match(submitted.success, new RegExp(`Case ${submitted.number} created`), 'the success state names the case number');
    // es-portal then opens the new case.
    await page.waitForFunction((id) => location.hash === `#/cases/${encodeURIComponent(id)}`, submitted.id, { timeout: 10_000 });
    await waitForDetail(page, submitted.id);

    // It appears in the list (#/cases, through the navigation link) and opens on a click.
    await page.locator('es-portal [part~="nav-link"]', { hasText: 'Cases' }).first().click();
    await page.waitForFunction(() => location.hash === '#/cases');
    const row = page.locator('es-case-list [part~="row"]', { hasText: subject });
    await row.waitFor({ timeout: 20_000 });
    assert.match(await row.innerText(), new RegExp(submitted.number));
    await row.click();
    await page.waitForFunction((id) => location.hash === `#/cases/${encodeURIComponent(id)}`, submitted.id);
    await waitForDetail(page, submitted.id);
    assert.match(await detail(page).locator('[part~="title"]').innerText(), new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(await detail(page).locator('[part~="case-attachments"]').innerText(), /agent\.log/);

    // A comment.
    const comment = `The agent log is attached; it also happens on a clean install. ${Date.now()}`;
    await detail(page).locator('textarea[name=comment]').click();
    await page.keyboard.type(comment);
    await detail(page).locator('input[type=file]').setInputFiles({ name: 'devices.csv', mimeType: 'text/csv', buffer: Buffer.from('host,agent\nws-01,2.3\nws-02,2.3\n') });
    await detail(page).locator('[part~="comment-form"] [part~="file-done"]').waitFor({ timeout: 10_000 });
    await detail(page).locator('[part~="send-button"]').click();
    const sent = detail(page).locator('[part~="comment"]:not([part~="comment-pending"])', { hasText: comment });
    await sent.waitFor({ timeout: 10_000 });
    assert.match(await sent.innerText(), /devices\.csv/, 'the comment shows its attachment');

    // Close (confirmation dialog), reopen (reason), escalate (reason, shows the level it goes to).
    const closeText = await runDialog(page, 'close-button', '');
    assert.match(closeText, /Close this case\?/);
    await detail(page).locator('[part~="reopen-button"]').waitFor({ timeout: 10_000 });
    assert.match(await headerText(page), /Closed/);
    assert.equal(await detail(page).locator('[part~="comment-form"]').count(), 0, 'a closed case takes no comments');

    await runDialog(page, 'reopen-button', 'The crash came back after the weekend.');
    await detail(page).locator('[part~="close-button"]').waitFor({ timeout: 10_000 });
    assert.match(await headerText(page), /In progress/i);

    assert.match(await detail(page).locator('#escalate-hint').innerText(), /escalation level 1 of 3/);
    const escalateText = await runDialog(page, 'escalate-button', 'Production printing is down for 40 users.');
    assert.match(escalateText, /escalation level 1 of 3/, 'the dialog shows the level the request goes to');
    await page.waitForFunction(() => {
      const d = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-detail');
      return /Escalation level 1/.test(d?.shadowRoot?.querySelector('[part~="header"]')?.textContent ?? '') &&
        !/Saving/.test(d?.shadowRoot?.querySelector('[part~="header"]')?.textContent ?? '');
    }, null, { timeout: 10_000 });
    assert.match(await headerText(page), /Escalated/);
    assert.match(await detail(page).locator('#escalate-hint').innerText(), /escalation level 2 of 3/);

    // The history shows every step with the reasons.
    const history = await detail(page).locator('[part~="history"] li').allInnerTexts();
    assert.equal(history.length, 4, `history: ${JSON.stringify(history)}`);
    assert.match(history[0], /New/);
    assert.match(history[1], /New\s*→\s*Closed/);
    assert.match(history[2], /Closed\s*→\s*In progress[\s\S]*crash came back/i);
    assert.match(history[3], /In progress\s*→\s*Escalated[\s\S]*Production printing is down/i);

    // The database: exactly one case with the subject, its attachment, the comment and the history rows.
    const cases = env.stack.db.prepare('SELECT * FROM cases WHERE subject = ?').all(subject);
    assert.equal(cases.length, 1, 'exactly one case');
    const c = cases[0];
    assert.equal(c.id, submitted.id);
    assert.equal(c.number, submitted.number);
    assert.equal(c.description, description);
    assert.equal(c.product_id, productId);
    assert.equal(c.severity, 'high');
    assert.equal(c.status, 'escalated');
    assert.equal(c.escalation_level, 1);
    assert.equal(c.comment_count, 1);
    const atts = env.stack.db.prepare('SELECT file_name, size, comment_id FROM attachments WHERE case_id = ?').all(c.id);
    const commentId = env.stack.db.prepare('SELECT id FROM comments WHERE case_id = ?').get(c.id)?.id;
    assert.deepEqual(atts.map((a) => [a.file_name, a.comment_id]).sort(), [['agent.log', null], ['devices.csv', commentId]]);
    assert.equal(atts.find((a) => a.file_name === 'agent.log').size, Buffer.byteLength('2026-11-25 10:00:01 ERROR agent exited with code 3\n'.repeat(40)));
    const comments = env.stack.db.prepare('SELECT body, author_role FROM comments WHERE case_id = ?').all(c.id);
    assert.deepEqual(comments, [{ body: comment, author_role: 'customer' }]);
    const rows = env.stack.db.prepare('SELECT from_status, to_status, note FROM case_history WHERE case_id = ? ORDER BY seq').all(c.id);
    assert.deepEqual(rows, [
      { from_status: null, to_status: 'new', note: null },
      { from_status: 'new', to_status: 'closed', note: null },
      { from_status: 'closed', to_status: 'in_progress', note: 'The crash came back after the weekend.' },
      { from_status: 'in_progress', to_status: 'escalated', note: 'Production printing is down for 40 users.' },
    ]);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

/**
 * Submits a case while the first POST /cases fails in the given way; returns the Idempotency-Keys of every POST
 * and the created case. `mode`: 'abort' (never reaches the server) or 'lost-response' (reaches it, answer lost).
 */
async function submitThroughFault(mode) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  const subject = `Sync stalls at 99 percent (${mode}) ${Date.now()}`;
  const description = 'The nightly sync job stops at 99 percent and never finishes; the log shows no error at all.';
  try {
    await openSignedIn(page, '#/new');
    await typeCase(page, { subject, description, severity: 'medium' });
    const keys = [];
    const replayed = [];
    let posts = 0;
    let firstReached;
    const reached = new Promise((r) => { firstReached = r; });
    const handler = async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      posts++;
      keys.push(req.headers()['idempotency-key']);
      if (posts === 1) {
        if (mode === 'reload') {
          const res = await route.fetch(); // the server creates the case; the page reloads before the answer arrives
          assert.equal(res.status(), 201);
          firstReached();
          return undefined; // never answered: the reload cancels the request
        }
        if (mode === 'lost-response') {
          const res = await route.fetch(); // the server creates the case ...
          assert.equal(res.status(), 201);
        }
        return route.abort('connectionreset'); // ... but the browser never hears about it
      }
      const res = await route.fetch();
      replayed.push(res.headers()['idempotent-replayed'] ?? null);
      return route.fulfill({ response: res });
    };
    await page.route('**/api/v1/cases', handler);
    await recordSubmits(page);
    await form(page).locator('[part~="submit-button"]').click();

    if (mode === 'reload') {
      await reached;
      await page.reload();
      await page.waitForFunction(() => {
        const f = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-form');
        return f?.shadowRoot?.querySelector('input[name=subject]')?.value;
      }, null, { timeout: 20_000 });
      await recordSubmits(page);
    } else {
      const error = form(page).locator('[part~="submit-error"]');
      await error.waitFor({ timeout: 15_000 });
      assert.match(await error.innerText(), /not sent/i);
    }
    assert.equal(await form(page).locator('input[name=subject]').inputValue(), subject, 'the subject is kept');
    assert.equal(await form(page).locator('textarea[name=description]').inputValue(), description, 'the description is kept');
    assert.equal(await form(page).locator('#severity-medium').isChecked(), true, 'the severity is kept');
    assert.ok(await form(page).locator('select[name=productId]').inputValue(), 'the product is kept');
    const draftStored = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('es-draft:case-form:')).length);
    assert.equal(draftStored, 1, 'the draft is still stored');
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__submits.length), 0, 'no es-case-submit yet');

    await form(page).locator('[part~="submit-button"]').click();
    await page.waitForFunction(() => /** @type {any} */ (window).__submits?.[0]?.success, null, { timeout: 20_000 });
    const [submitted] = await page.evaluate(() => /** @type {any} */ (window).__submits);
    await page.unroute('**/api/v1/cases', handler);
    const draftsLeft = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('es-draft:case-form:')).length);
    assert.deepEqual(log.pageErrors, []);
    return { keys, posts, replayed, submitted, subject, draftsLeft };
  } finally {
    await context.close();
  }
}

test('network cut during submit: the draft stays, the retry creates exactly one case with the same Idempotency-Key', { skip, timeout: 90_000 }, async () => {
  const r = await submitThroughFault('abort');
  assert.equal(r.posts, 2, 'one failed POST and one retry');
  assert.match(r.keys[0], /\S{8,}/, 'an Idempotency-Key was sent');
  assert.equal(r.keys[1], r.keys[0], 'the retry carries the same Idempotency-Key');
  assert.deepEqual(r.replayed, [null], 'the retry created the case (nothing to replay)');
  const rows = env.stack.db.prepare('SELECT id, number FROM cases WHERE subject = ?').all(r.subject);
  assert.equal(rows.length, 1, 'exactly one case');
  assert.equal(rows[0].id, r.submitted.id);
  assert.equal(r.draftsLeft, 0, 'the draft is cleared after the success');
});

test('response lost after the server created the case: the retry is replayed, still exactly one case', { skip, timeout: 90_000 }, async () => {
  const r = await submitThroughFault('lost-response');
  assert.equal(r.posts, 2);
  assert.equal(r.keys[1], r.keys[0], 'the retry carries the same Idempotency-Key');
  assert.deepEqual(r.replayed, ['true'], 'the server answered the retry from the stored first result');
  const rows = env.stack.db.prepare('SELECT id FROM cases WHERE subject = ?').all(r.subject);
  assert.equal(rows.length, 1, 'exactly one case');
  assert.equal(rows[0].id, r.submitted.id, 'the case the user sees is the one the first request created');
});

test('reload while the submit is in flight (the server created the case): the restored draft resubmits, still one case', { skip, timeout: 90_000 }, async () => {
  const r = await submitThroughFault('reload');
  assert.equal(r.posts, 2);
  assert.equal(r.keys[1], r.keys[0], 'the draft kept its Idempotency-Key through the reload');
  assert.deepEqual(r.replayed, ['true'], 'the server answered the resubmit from the stored first result');
  const rows = env.stack.db.prepare('SELECT id FROM cases WHERE subject = ?').all(r.subject);
  assert.equal(rows.length, 1, 'exactly one case');
  assert.equal(rows[0].id, r.submitted.id);
});

test('the draft survives a reload and a sign-out + sign-in through the real login page in the same tab', { skip, timeout: 120_000 }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  const subject = `VPN drops every 20 minutes ${Date.now()}`;
  const description = 'Tunnel drops every 20 minutes since Monday; reconnect works at once. Affects the whole office.';
  try {
    await openSignedIn(page, '#/new');
    await typeCase(page, { subject, description, product: false, severity: '' });
    await form(page).locator('input[type=file]').setInputFiles({ name: 'vpn-client.log', mimeType: 'text/plain', buffer: Buffer.from('tunnel down\n'.repeat(20)) });
    await form(page).locator('[part~="file-done"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(700); // past the 300 ms save debounce
    const key = await form(page).evaluate((el) => /** @type {any} */ (el).idempotencyKey);
    assert.ok(key, 'the draft has an Idempotency-Key');

    await page.reload();
    await form(page).locator('input[name=subject]').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => {
      const f = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-form');
      return f?.shadowRoot?.querySelector('input[name=subject]')?.value;
    }, null, { timeout: 10_000 });
    assert.equal(await form(page).locator('input[name=subject]').inputValue(), subject);
    assert.equal(await form(page).locator('textarea[name=description]').inputValue(), description);
    assert.match(await form(page).locator('[part~="restored"]').innerText(), /restored/i);
    assert.match(await form(page).locator('[part~="file-done"]').innerText(), /vpn-client\.log/, 'the uploaded attachment is kept too');
    assert.equal(await form(page).evaluate((el) => /** @type {any} */ (el).idempotencyKey), key, 'same draft, same key');

    // Sign out (RP-initiated logout at the provider, back on the portal), then sign in again on the real login page.
    await Promise.all([
      page.waitForURL((u) => u.origin === env.stack.urls.idp, { timeout: 20_000, waitUntil: 'commit' }),
      page.locator('es-login [part~="sign-out-button"]').first().click(),
    ]);
    await page.waitForURL((u) => u.origin === env.origin, { timeout: 20_000 });
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('es-provider'))?.session?.state?.status === 'signed-out', null, { timeout: 20_000 });
    // Signed out, the form is not shown (nobody to file the case for), and nothing of the text is on the page.
    await page.goto(`${env.origin}/portal.html#/new`);
    const prompt = page.locator('es-portal [part~="sign-in-button"]').first();
    await prompt.waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('es-case-form').count(), 0);
    assert.doesNotMatch(await deepText(page, 'body') ?? '', /VPN drops/);
    await prompt.click();
    await typeCredentials(page, { origin: env.origin });
    await page.waitForFunction(() => location.hash === '#/new', null, { timeout: 20_000 });
    await page.waitForFunction(() => {
      const f = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-form');
      return f?.shadowRoot?.querySelector('input[name=subject]')?.value;
    }, null, { timeout: 20_000 });
    assert.equal(await form(page).locator('input[name=subject]').inputValue(), subject, 'the subject is back after signing in again');
    assert.equal(await form(page).locator('textarea[name=description]').inputValue(), description);
    assert.equal(await form(page).evaluate((el) => /** @type {any} */ (el).idempotencyKey), key, 'and so is its Idempotency-Key');
    assert.match(await form(page).locator('[part~="file-done"]').innerText(), /vpn-client\.log/);

    // Finish it: the restored draft (with its attachment) becomes one case.
    await typeCase(page, { subject: '', description: '', product: true, severity: 'low' });
    await recordSubmits(page);
    await form(page).locator('[part~="submit-button"]').click();
    await page.waitForFunction(() => /** @type {any} */ (window).__submits?.[0]?.id, null, { timeout: 20_000 });
    const rows = env.stack.db.prepare('SELECT id FROM cases WHERE subject = ?').all(subject);
    assert.equal(rows.length, 1);
    assert.deepEqual(env.stack.db.prepare('SELECT file_name FROM attachments WHERE case_id = ?').all(rows[0].id), [{ file_name: 'vpn-client.log' }]);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('case detail: a failed comment and a failed close roll back with a message; the comment retry posts once', { skip, timeout: 90_000 }, async () => {
  const kase = env.stack.db.prepare(`SELECT c.id, c.status FROM cases c JOIN organisations o ON o.id = c.organisation_id
    WHERE o.account_id = 'ACC-104233' AND c.status IN ('new', 'in_progress') ORDER BY c.seq DESC LIMIT 1 OFFSET 5`).get();
  assert.ok(kase, 'an open Nordic Bank case');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    const hash = `#/cases/${encodeURIComponent(kase.id)}`;
    await openSignedIn(page, hash);
    await waitForDetail(page, kase.id);
    const statusBefore = await headerText(page);

    // The comment: the first POST is cut, the retry goes through.
    const keys = [];
    let posts = 0;
    let release;
    const held = new Promise((r) => { release = r; });
    const handler = async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (++posts === 1) { await held; return route.abort('internetdisconnected'); }
      return route.continue();
    };
    await page.route('**/api/v1/cases/*/comments', handler);
    const text = `Here are the details you asked for ${Date.now()}`;
    await detail(page).locator('textarea[name=comment]').click();
    await page.keyboard.type(text);
    await detail(page).locator('[part~="send-button"]').click();
    // Optimistic: shown at once as "sending" ...
    await detail(page).locator('[part~="comment-pending"]', { hasText: text }).waitFor({ timeout: 5_000 });
    release();
    // ... and rolled back with a message, the text back in the box.
    await detail(page).locator('[part~="comment-error"]').waitFor({ timeout: 10_000 });
    assert.match(await detail(page).locator('[part~="comment-error"]').innerText(), /not sent/i);
    assert.equal(await detail(page).locator('[part~="comment"]', { hasText: text }).count(), 0, 'the optimistic comment is gone');
    assert.equal(await detail(page).locator('textarea[name=comment]').inputValue(), text, 'the text is kept');
    assert.equal(env.stack.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE body = ?').get(text).n, 0);

    await detail(page).locator('[part~="send-button"]').click();
    await detail(page).locator('[part~="comment"]:not([part~="comment-pending"])', { hasText: text }).waitFor({ timeout: 10_000 });
    assert.equal(posts, 2);
    assert.equal(keys[1], keys[0], 'the retry carries the same Idempotency-Key');
    assert.equal(env.stack.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE body = ? AND case_id = ?').get(text, kase.id).n, 1, 'exactly one comment');
    await page.unroute('**/api/v1/cases/*/comments', handler);

    // Close: the server refuses (503); the status rolls back and a message says so.
    await page.route('**/api/v1/cases/*/close', (route) => route.fulfill({
      status: 503, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Maintenance' }),
    }));
    await runDialog(page, 'close-button', '');
    await detail(page).locator('[part~="action-error"]').waitFor({ timeout: 10_000 });
    assert.match(await detail(page).locator('[part~="action-error"]').innerText(), /could not be closed/i);
    assert.equal(await detail(page).locator('[part~="close-button"]').count(), 1, 'still open: the close button is back');
    assert.doesNotMatch(await headerText(page), /Closed/);
    assert.equal((await headerText(page)).replace(/\s+/g, ' ').replace(/Saving…/, '').split('Product')[0].trim(),
      statusBefore.replace(/\s+/g, ' ').split('Product')[0].trim(), 'the header is as before');
    assert.equal(env.stack.db.prepare('SELECT status FROM cases WHERE id = ?').get(kase.id).status, kase.status === 'new' ? 'new' : 'in_progress');
    assert.equal(await detail(page).locator('[part~="history"] li').count(), env.stack.db.prepare('SELECT COUNT(*) AS n FROM case_history WHERE case_id = ?').get(kase.id).n, 'no phantom history entry');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('case list: search by number, arrow keys and Enter; attachment download; KB suggestions in the form end the flow without a case', { skip, timeout: 90_000 }, async () => {
  const kase = env.stack.db.prepare(`SELECT c.id, c.number, a.file_name, a.size FROM cases c JOIN organisations o ON o.id = c.organisation_id
    JOIN attachments a ON a.case_id = c.id AND a.comment_id IS NULL WHERE o.account_id = 'ACC-104233' ORDER BY c.seq LIMIT 1`).get();
  assert.ok(kase, 'a Nordic Bank case with an attachment');
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await openSignedIn(page, '#/cases');
    const list = page.locator('es-case-list').first();
    await list.locator('[part~="row"]').first().waitFor({ timeout: 20_000 });
    const all = await list.locator('[part~="row"]').count();
    assert.ok(all > 1);

    // Search (debounced) by case number: one row, reflected in the q attribute.
    await list.locator('[part~="search-input"]').click();
    await page.keyboard.type(kase.number);
    await page.waitForFunction(() => {
      const l = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-list');
      return l?.shadowRoot?.querySelectorAll('[part~="row"]').length === 1;
    }, null, { timeout: 10_000 });
    assert.equal(await list.getAttribute('q'), kase.number);
    assert.match(await list.locator('[part~="row"]').innerText(), new RegExp(kase.number));
    assert.match(await list.locator('[part~="count"]').innerText(), /^1 case$/);
    await list.locator('[part~="clear-filters-button"]').first().click();
    await page.waitForFunction((n) => {
      const l = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-list');
      return l?.shadowRoot?.querySelectorAll('[part~="row"]').length === n;
    }, all, { timeout: 10_000 });

    // Keyboard: ArrowDown twice from the first row, Enter opens the third case.
    const focusedIndex = () => page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return /** @type {HTMLElement} */ (a)?.dataset?.index ?? null;
    });
    await list.locator('[part~="row"]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedIndex(), '2');
    const third = await list.locator('[part~="row"][data-index="2"]').getAttribute('data-id');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#/cases/${encodeURIComponent(id)}`, third, { timeout: 10_000 });
    await waitForDetail(page, third);

    // The attachment of a case downloads (through the API with the token) with its name and size.
    await page.evaluate((id) => { location.hash = `#/cases/${encodeURIComponent(id)}`; }, kase.id);
    await waitForDetail(page, kase.id);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      detail(page).locator('[part~="case-attachments"] [part~="attachment-button"]').first().click(),
    ]);
    assert.equal(download.suggestedFilename(), kase.file_name);
    const { statSync } = await import('node:fs');
    assert.equal(statSync(await download.path()).size, kase.size);

    // KB suggestions while typing in the form; "This solved my problem" ends the flow, no case is created.
    const casesBefore = env.stack.db.prepare('SELECT COUNT(*) AS n FROM cases').get().n;
    await page.locator('es-portal [part~="nav-link"]', { hasText: 'New case' }).first().click();
    await form(page).locator('input[name=subject]').click();
    await page.keyboard.type('collect diagnostics archive');
    const suggestion = form(page).locator('[part~="suggestion"]').first();
    await suggestion.waitFor({ timeout: 10_000 });
    const n = await form(page).locator('[part~="suggestion"]').count();
    assert.ok(n >= 1 && n <= 5, `top five suggestions (${n})`);
    assert.match(await suggestion.innerText(), /diagnostics/i);
    await page.evaluate(() => document.addEventListener('es-case-deflect', (e) => { /** @type {any} */ (window).__deflect = e.detail; }));
    await suggestion.locator('[part~="solved-button"]').click();
    await form(page).locator('[part~="deflected"]').waitFor({ timeout: 5_000 });
    const deflect = await page.evaluate(() => /** @type {any} */ (window).__deflect);
    assert.ok(deflect?.articleId, 'es-case-deflect names the article');
    assert.ok(env.stack.db.prepare('SELECT 1 FROM kb_articles WHERE id = ?').get(deflect.articleId), 'a real article');
    assert.equal(env.stack.db.prepare('SELECT COUNT(*) AS n FROM cases').get().n, casesBefore, 'no case was created');
    assert.equal(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('es-draft:case-form:')).length), 0, 'the draft is gone');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a reply on a case waiting on the customer moves it to in progress on screen, with the history entry, without a reload', { skip, timeout: 60_000 }, async () => {
  const kase = env.stack.db.prepare(`SELECT c.id FROM cases c JOIN organisations o ON o.id = c.organisation_id
    WHERE o.account_id = 'ACC-104233' AND c.status = 'waiting_on_customer' ORDER BY c.seq LIMIT 1`).get();
  assert.ok(kase, 'a Nordic Bank case waiting on the customer');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await openSignedIn(page, `#/cases/${encodeURIComponent(kase.id)}`);
    await waitForDetail(page, kase.id);
    assert.match(await headerText(page), /Waiting on you/);
    const historyBefore = await detail(page).locator('[part~="history"] li').count();
    let loads = 0;
    page.on('load', () => { loads++; });
    const text = `The logs you asked for are attached to the ticket now ${Date.now()}`;
    await detail(page).locator('textarea[name=comment]').click();
    await page.keyboard.type(text);
    await detail(page).locator('[part~="send-button"]').click();
    await detail(page).locator('[part~="comment"]:not([part~="comment-pending"])', { hasText: text }).waitFor({ timeout: 10_000 });
    assert.equal(env.stack.db.prepare('SELECT status FROM cases WHERE id = ?').get(kase.id).status, 'in_progress', 'the server moved it');
    await page.waitForFunction(() => {
      const d = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-detail');
      return /In progress/.test(d?.shadowRoot?.querySelector('[part~="header"]')?.textContent ?? '');
    }, null, { timeout: 5_000 }).catch(() => {});
    assert.match(await headerText(page), /In progress/, 'the header shows the new status');
    const history = await detail(page).locator('[part~="history"] li').allInnerTexts();
    assert.equal(history.length, historyBefore + 1);
    assert.match(history.at(-1), /Waiting on you\s*→\s*In progress/);
    assert.equal(loads, 0);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('answer lost, then the text edited, then retried: the created case is found (no dead end, no second case), the edits wait in its comment box', { skip, timeout: 90_000 }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  const subject = `Report export times out ${Date.now()}`;
  const description = 'The monthly report export times out after 60 seconds for every user since Friday.';
  const addition = ' Update: it also fails for the weekly report.';
  try {
    await openSignedIn(page, '#/new');
    await typeCase(page, { subject, description, severity: 'medium' });
    const posts = [];
    const handler = async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      const res = await route.fetch();
      posts.push({ key: req.headers()['idempotency-key'], status: res.status(), replayed: res.headers()['idempotent-replayed'] ?? null });
      if (posts.length === 1) return route.abort('connectionreset'); // created, but the answer is lost
      return route.fulfill({ response: res });
    };
    await page.route('**/api/v1/cases', handler);
    await recordSubmits(page);
    await form(page).locator('[part~="submit-button"]').click();
    await form(page).locator('[part~="submit-error"]').waitFor({ timeout: 15_000 });

    // The user adds a sentence, then tries again.
    await form(page).locator('textarea[name=description]').click();
    await page.keyboard.press('End');
    await page.keyboard.type(addition);
    await form(page).locator('[part~="submit-button"]').click();
    await page.waitForFunction(() => /** @type {any} */ (window).__submits?.[0]?.success, null, { timeout: 20_000 });
    const [submitted] = await page.evaluate(() => /** @type {any} */ (window).__submits);
    assert.match(submitted.success, /created from what you sent first/, 'the success state says the later changes are not in the case');
    assert.deepEqual(posts.map((p) => p.status), [201, 422, 201], `posts: ${JSON.stringify(posts)}`);
    assert.equal(new Set(posts.map((p) => p.key)).size, 1, 'one Idempotency-Key throughout');
    assert.equal(posts[2].replayed, 'true', 'the third POST was answered from the stored first result');
    const rows = env.stack.db.prepare('SELECT id, description FROM cases WHERE subject = ?').all(subject);
    assert.equal(rows.length, 1, 'exactly one case');
    assert.equal(rows[0].id, submitted.id);
    assert.equal(rows[0].description, description, 'the case has the text that reached the server first');

    // es-portal opens the case; the edited text waits in its comment box.
    await page.waitForFunction((id) => location.hash === `#/cases/${encodeURIComponent(id)}`, submitted.id, { timeout: 10_000 });
    await waitForDetail(page, submitted.id);
    await page.waitForFunction(() => {
      const d = document.querySelector('es-provider es-portal')?.shadowRoot?.querySelector('es-case-detail');
      return !!d?.shadowRoot?.querySelector('textarea[name=comment]')?.value;
    }, null, { timeout: 10_000 });
    assert.equal(await detail(page).locator('textarea[name=comment]').inputValue(), description + addition);
    assert.equal(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('es-draft:case-form:')).length), 0, 'the form draft is cleared');
    await page.unroute('**/api/v1/cases', handler);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
