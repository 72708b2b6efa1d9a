// End to end (issue 4): es-login's trouble states reached by seeded users through the real stack, and a deep link
// that survives the sign-in redirect. The portal page is demo/pages/portal.html (es-provider + es-portal, which
// holds es-login); signing in always goes through the identity provider's real login page, typed like a person.
// A reload of a signed-in page must not flash the signed-out view while the stored session is restored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import {
  DEMO_PASSWORD, signInFromButton, esLogin as login, waitForLoginView as waitForView,
} from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';

const env = useStack({ seed: 'demo' });
const { skip } = env;

/** Opens the portal signed out, clicks es-login's button and signs in on the provider's page. */
async function signInThroughLogin(page, { username, password = DEMO_PASSWORD, portal = 0, hash = '' }) {
  const origin = env.stack.urls.portals[portal];
  await page.goto(`${origin}/portal.html${hash}`);
  await waitForView(page, 'signed-out');
  await signInFromButton(page, { button: login(page).locator('[part~="sign-in-button"]'), origin, login: username, password });
}

test('the mismatch user (username jsmith, not the email) gets the username-is-not-the-email guidance', { skip }, async () => {
  const context = await env.browser.newContext();
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
  const context = await env.browser.newContext();
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
  const context = await env.browser.newContext();
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
  const row = env.stack.db.prepare(`SELECT c.id, c.subject FROM cases c JOIN organisations o ON o.id = c.organisation_id
    WHERE o.account_id = 'ACC-104233' ORDER BY c.seq DESC LIMIT 1 OFFSET 3`).get();
  assert.ok(row, 'the seed has Nordic Bank cases');
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    const origin = env.stack.urls.portals[0];
    await page.goto(`${origin}/portal.html#/cases/${encodeURIComponent(row.id)}`);
    // Signed out: the portal asks to sign in for this view.
    const prompt = page.locator('es-portal [part~="view"] [part~="sign-in-button"]');
    await signInFromButton(page, { button: prompt, origin, login: 'anna.virtanen@nordicbank.example', password: DEMO_PASSWORD });
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

/**
 * In-page, before any script of the page: records every value es-login's `view` attribute takes, wherever the
 * element is (es-portal renders it in its shadow root: every shadow root is observed as it is attached).
 */
function recordLoginViews() {
  const seen = [];
  /** @type {any} */ (window).__esLoginViews = seen;
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.localName !== 'es-login') continue;
      // A callback can batch several changes: the old values name every value but the latest.
      if (r.oldValue !== null) seen.push(r.oldValue);
      seen.push(r.target.getAttribute('view'));
    }
  });
  const observe = (root) => mo.observe(root, { subtree: true, attributes: true, attributeFilter: ['view'], attributeOldValue: true });
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observe(root);
    return root;
  };
}

test('a reload of a signed-in page never shows es-login signed out while the session is restored', { skip }, async (t) => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await signInThroughLogin(page, { username: 'anna.virtanen@nordicbank.example' });
    await waitForView(page, 'signed-in');
    await page.addInitScript(recordLoginViews);
    for (let round = 0; round < 3; round++) {
      await page.reload();
      await waitForView(page, 'signed-in');
      const views = (await page.evaluate(() => /** @type {any} */ (window).__esLoginViews))
        .filter((v, i, all) => v !== all[i - 1]);
      t.diagnostic(`reload ${round + 1}: ${views.join(' → ')}`);
      assert.ok(views.length > 0, 'the observer saw es-login set its view');
      assert.ok(!views.includes('signed-out'), `es-login showed signed-out during reload ${round + 1}: ${views.join(' → ')}`);
      assert.ok(!views.includes('no-session'), `es-login showed its no-session (sign-in button) view: ${views.join(' → ')}`);
      assert.equal(views.at(-1), 'signed-in');
    }
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
