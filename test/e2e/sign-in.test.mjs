// End to end (issue 4): es-login's trouble states reached by seeded users through the real stack, and a deep link
// that survives the sign-in redirect. The portal page is demo/pages/portal.html (es-provider + es-portal, which
// holds es-login); signing in always goes through the identity provider's real login page, typed like a person.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, watchPage } from './helpers/browser.mjs';
import { missingPieces, REPO_ROOT } from './helpers/stack.mjs';
import { startTestStack } from '../server/helpers/start-stack.mjs';

const DEMO_PASSWORD = 'Support!2026';
const missing = missingPieces();
// Locally a missing piece skips with the reason; in CI (which builds first) it fails.
if (missing && process.env.CI) throw new Error(`e2e needs ${missing.join(', ')}`);
const skip = missing ? `needs ${missing.join(', ')}` : false;

let stack;
let distDir;

/** A private copy of dist/ (other builds may rewrite dist/ while this file runs). */
function privateDist() {
  const dir = mkdtempSync(join(tmpdir(), 'es-e2e-dist-'));
  cpSync(join(REPO_ROOT, 'dist'), dir, { recursive: true });
  if (!existsSync(join(dir, 'cdn', 'eservice-widgets.js'))) throw new Error('dist/ is being rebuilt: run `npm run build` and try again');
  return dir;
}
let browser;

before(async () => {
  if (skip) return;
  distDir = privateDist();
  stack = await startTestStack({ seed: 'demo', distDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await stack?.cleanup();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

/** es-login inside the portal (Playwright's CSS locators pierce open shadow roots). */
const login = (page) => page.locator('es-login').first();

/** The view es-login reports (`signed-out`, `signed-in`, `mismatch`, `no-access`, ...). */
const loginView = (page) => login(page).evaluate((el) => /** @type {any} */ (el).view);

/** Waits until es-login shows one of `views`; the message names the view it got stuck in. */
async function waitForView(page, views, timeout = 20_000) {
  const want = [views].flat();
  try {
    await page.waitForFunction((w) => {
      const find = (root) => {
        const el = root.querySelector('es-login');
        if (el) return el;
        for (const n of root.querySelectorAll('*')) if (n.shadowRoot) { const f = find(n.shadowRoot); if (f) return f; }
        return null;
      };
      const el = find(document);
      return !!el && w.includes(el.view);
    }, want, { timeout, polling: 50 });
  } catch (e) {
    e.message = `es-login did not reach ${want.join('|')} (it shows ${await loginView(page).catch(() => '?')})\n${e.message}`;
    throw e;
  }
}

/** Types the credentials into the provider's login page and waits to be back on `origin`. */
async function typeCredentials(page, origin, username, password) {
  await page.locator('#username').waitFor({ timeout: 20_000 });
  assert.notEqual(new URL(page.url()).origin, origin, 'the provider login page is shown');
  await page.locator('#username').fill('');
  await page.keyboard.type(username);
  await page.locator('#password').focus();
  await page.keyboard.type(password);
  await Promise.all([
    page.waitForURL((u) => u.origin === origin, { timeout: 20_000 }),
    page.keyboard.press('Enter'),
  ]);
}

/** Opens the portal signed out, clicks es-login's button and signs in on the provider's page. */
async function signInThroughLogin(page, { username, password = DEMO_PASSWORD, portal = 0, hash = '' }) {
  const origin = stack.urls.portals[portal];
  await page.goto(`${origin}/portal.html${hash}`);
  await waitForView(page, 'signed-out');
  await login(page).locator('[part~="sign-in-button"]').click();
  await typeCredentials(page, origin, username, password);
}

test('the mismatch user (username jsmith, not the email) gets the username-is-not-the-email guidance', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await signInThroughLogin(page, { username: 'jsmith' });
    await waitForView(page, 'mismatch');
    const text = await login(page).locator('[part~="trouble-mismatch"]').innerText();
    assert.match(text, /username is not your email address/i);
    assert.match(text, /“jsmith”/, 'names the username typed');
    assert.match(text, /john\.smith@fabrikam\.example/, 'names the email it should be');
    assert.match(text, /change the username to your email address/i);
    assert.match(text, /call support/i);
    assert.equal(await login(page).locator('[part~="trouble-mismatch"]').getAttribute('role'), 'alert');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the pending user gets the pending guidance (4-5 days, spam folder)', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await signInThroughLogin(page, { username: 'pekka.pending@nordicbank.example' });
    await waitForView(page, 'no-access');
    const panel = login(page).locator('[part~="trouble-no-access"]');
    const text = await panel.innerText();
    assert.match(text, /not ready yet/i);
    assert.match(text, /4–5 business days/);
    assert.match(text, /spam or junk folder/i);
    assert.equal(await login(page).locator('[part~="user-name"]').innerText(), 'Pekka Pending');
    assert.match(await login(page).locator('[part~="user"]').innerText(), /pekka\.pending@nordicbank\.example/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the user without portal access gets the no-access guidance with the account-request link', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await signInThroughLogin(page, { username: 'olli.noaccess@example.com' });
    await waitForView(page, 'no-access');
    const panel = login(page).locator('[part~="trouble-no-access"]');
    const text = await panel.innerText();
    assert.match(text, /no portal access yet/i);
    assert.match(text, /4–5 business days/);
    assert.match(text, /spam or junk folder/i);
    const link = panel.locator('[part~="request-account-link"]');
    assert.equal(await link.count(), 1, 'the account-request link is in the help');
    // The link goes to the portal's account-request form.
    await link.click();
    await page.waitForFunction(() => location.hash === '#/request-account');
    await page.locator('es-account-request').first().locator('#f-firstName').waitFor();
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a deep link to a case survives the sign-in redirect', { skip }, async () => {
  const row = stack.db.prepare(`SELECT c.id, c.subject FROM cases c JOIN organisations o ON o.id = c.organisation_id
    WHERE o.account_id = 'ACC-104233' ORDER BY c.seq DESC LIMIT 1 OFFSET 3`).get();
  assert.ok(row, 'the seed has Nordic Bank cases');
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    const origin = stack.urls.portals[0];
    await page.goto(`${origin}/portal.html#/cases/${encodeURIComponent(row.id)}`);
    // Signed out: the portal asks to sign in for this view.
    const prompt = page.locator('es-portal [part~="view"] [part~="sign-in-button"]');
    await prompt.waitFor({ timeout: 20_000 });
    await prompt.click();
    await typeCredentials(page, origin, 'anna.virtanen@nordicbank.example', DEMO_PASSWORD);
    await waitForView(page, 'signed-in');
    await page.waitForFunction((id) => location.hash === `#/cases/${encodeURIComponent(id)}`, row.id, { timeout: 10_000 });
    assert.ok(!/[?&](code|state)=/.test(page.url()), `the callback parameters are gone: ${page.url()}`);
    const detail = page.locator('es-case-detail').first();
    await detail.waitFor({ timeout: 10_000 });
    assert.equal(await detail.getAttribute('case-id'), row.id);
    await page.waitForFunction(({ subject }) => {
      const find = (root) => {
        const el = root.querySelector('es-case-detail');
        if (el) return el;
        for (const n of root.querySelectorAll('*')) if (n.shadowRoot) { const f = find(n.shadowRoot); if (f) return f; }
        return null;
      };
      const el = find(document);
      return !!el?.shadowRoot && el.shadowRoot.textContent.includes(subject);
    }, { subject: row.subject }, { timeout: 15_000 });
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
