// End to end (issue 4): single sign-on across the two portal origins (portal-a, portal-b) and sign-out that ends
// the session on both, against the real stack. Access tokens live 30 s here so a portal that still holds tokens
// after the sign-out elsewhere must find out at its next renewal (within the test's time), not in 5 minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import {
  signInFromButton, esLogin as login, loginView, waitForLoginView as waitForView,
} from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';

const env = useStack({ seed: 'demo', accessTokenTtl: 30 });
const { skip } = env;

/** Records the provider pages a page navigates to (login form = /interaction/...). */
function watchProviderPages(page) {
  const seen = [];
  page.on('request', (r) => {
    if (!r.isNavigationRequest() || r.frame() !== page.mainFrame()) return;
    const u = new URL(r.url());
    if (u.origin === env.stack.urls.idp) seen.push(u.pathname);
  });
  return seen;
}

/** Signs in on portal `index` by clicking es-login's button and typing on the provider's login page. */
async function signInTyped(page, index = 0) {
  const origin = env.stack.urls.portals[index];
  await page.goto(`${origin}/portal.html`);
  await waitForView(page, 'signed-out');
  await signInFromButton(page, { button: login(page).locator('[part~="sign-in-button"]'), origin });
  await waitForView(page, 'signed-in');
}

/** Opens portal `index` and signs in with one click, through the provider's SSO session (no login form). */
async function signInBySso(page, index) {
  const origin = env.stack.urls.portals[index];
  const providerPages = watchProviderPages(page);
  await page.goto(`${origin}/portal.html`);
  await waitForView(page, ['signed-out', 'signed-in']);
  if (await loginView(page) === 'signed-out') {
    await login(page).locator('[part~="sign-in-button"]').click();
    await page.waitForURL((u) => u.origin === origin && !u.searchParams.has('code'), { timeout: 20_000 });
  }
  await waitForView(page, 'signed-in');
  return providerPages;
}

test('SSO: signed in on portal origin 1, portal origin 2 signs in without the login form', { skip }, async () => {
  const context = await env.browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  const logA = watchPage(a);
  const logB = watchPage(b);
  try {
    await signInTyped(a, 0);
    const providerPages = await signInBySso(b, 1);
    assert.ok(providerPages.some((p) => p === '/auth' || p.startsWith('/auth/')), `went through the provider: ${providerPages}`);
    assert.deepEqual(providerPages.filter((p) => p.startsWith('/interaction/')), [], 'no login page on the second origin');
    assert.equal(await b.locator('#password').count(), 0);
    assert.equal(new URL(b.url()).origin, env.stack.urls.portals[1]);
    assert.equal(await login(b).locator('[part~="user-name"]').innerText(), 'Anna Virtanen');
    assert.equal(await login(b).locator('[part~="organisation"]').innerText(), 'Nordic Bank Oyj (ACC-104233)');
    // Each portal has its own client and tokens.
    const clientIds = await Promise.all([a, b].map((p) => p.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')).map((k) => k.split(':').pop()))));
    assert.deepEqual(clientIds, [['portal-a'], ['portal-b']]);
    assert.deepEqual([...logA.pageErrors, ...logB.pageErrors], []);
  } finally {
    await context.close();
  }
});

test('sign-out on portal origin 1 ends the session on both portals', { skip }, async () => {
  const context = await env.browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  const logA = watchPage(a);
  const logB = watchPage(b);
  const refreshes = [];
  b.on('requestfinished', async (req) => {
    if (req.url() !== `${env.stack.urls.idp}/token` || !/grant_type=refresh_token/.test(req.postData() ?? '')) return;
    const res = await req.response();
    refreshes.push({ status: res?.status(), body: await res?.text().catch(() => '') });
  });
  try {
    await signInTyped(a, 0);
    await signInBySso(b, 1);

    // Sign out on portal 1 (RP-initiated logout at the provider).
    const providerPagesA = watchProviderPages(a);
    await Promise.all([
      a.waitForURL((u) => u.origin === env.stack.urls.idp, { timeout: 20_000, waitUntil: 'commit' }),
      login(a).locator('[part~="sign-out-button"]').click(),
    ]);
    await a.waitForURL((u) => u.origin === env.stack.urls.portals[0], { timeout: 20_000 });
    assert.ok(providerPagesA.some((p) => p.startsWith('/session/end')), `RP-initiated logout: ${providerPagesA}`);
    await waitForView(a, 'signed-out');
    assert.equal(await a.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')).length), 0, 'tokens forgotten on portal 1');

    // Portal 2, reloaded: it still holds tokens from before, but the provider's grant is gone. At its next
    // renewal (access tokens live 30 s) it must go signed out — never stay signed in on a dead session.
    await b.reload();
    await waitForView(b, 'signed-in'); // restored from this tab's storage (es-login is signed-out until then)
    await waitForView(b, ['signed-out', 'expired'], 45_000);
    await b.waitForTimeout(500); // let the last response body arrive in the listener
    assert.ok(refreshes.length >= 1, 'portal 2 tried to renew');
    for (const r of refreshes) {
      assert.equal(r.status, 400, `no refresh succeeded after the sign-out: ${JSON.stringify(r)}`);
      // The token endpoint answers JSON (not the provider's HTML error page), so the client sees invalid_grant.
      assert.equal(JSON.parse(r.body).error, 'invalid_grant');
    }
    assert.equal(await b.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')).length), 0, 'the dead tokens are dropped');

    // Signing in again on portal 2 shows the login form: the provider session has ended.
    const providerPages = watchProviderPages(b);
    await login(b).locator('[part~="sign-in-button"]').click();
    await b.locator('#password').waitFor({ timeout: 20_000 });
    assert.equal(new URL(b.url()).origin, env.stack.urls.idp);
    assert.ok(providerPages.some((p) => p.startsWith('/interaction/')), `the login page is shown: ${providerPages}`);
    assert.deepEqual([...logA.pageErrors, ...logB.pageErrors], []);
  } finally {
    await context.close();
  }
});

// ----- silent-sign-in (es-provider attribute; demo/pages/partner.html has it) ---------------------------------

/** New authorization requests of `page` (navigations to /auth, not the /auth/<uid> resume after the login form), with their `prompt`. */
function watchAuthRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    if (!r.isNavigationRequest() || r.frame() !== page.mainFrame()) return;
    const u = new URL(r.url());
    if (u.origin === env.stack.urls.idp && u.pathname === '/auth') seen.push(u.searchParams.get('prompt'));
  });
  return seen;
}

test('silent-sign-in: signed in on portal origin 1, the partner page on origin 2 arrives signed in with no click and no login form', { skip }, async () => {
  const context = await env.browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  const log = watchPage(b);
  try {
    await signInTyped(a, 0);
    const origin = env.stack.urls.portals[1];
    const providerPages = watchProviderPages(b);
    const auth = watchAuthRequests(b);
    await b.goto(`${origin}/partner.html#/somewhere`);
    await waitForView(b, 'signed-in');
    assert.deepEqual(auth, ['none'], 'one authorization request, with prompt=none');
    assert.deepEqual(providerPages.filter((p) => p.startsWith('/interaction/')), [], 'no login page');
    const url = new URL(b.url());
    assert.equal(`${url.origin}${url.pathname}${url.search}${url.hash}`, `${origin}/partner.html#/somewhere`, 'back on the same page and hash, no code/state left');
    assert.equal(await login(b).locator('[part~="user-name"]').innerText(), 'Anna Virtanen');
    // The signed-in elements work with the new tokens: the case list loads the organisation's open cases.
    await b.locator('es-case-list [part~="row"], es-case-list [part~="item"]').first().waitFor({ timeout: 20_000 });
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('silent-sign-in: an anonymous visitor makes one prompt=none round trip, lands signed out on a clean URL, and no second one follows', { skip }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  const auth = watchAuthRequests(page);
  const origin = env.stack.urls.portals[1];
  try {
    await page.goto(`${origin}/partner.html`);
    // Through the provider (which answers login_required) and back: the answer is removed from the URL.
    await page.waitForURL((u) => u.origin === origin && auth.length === 1 && !u.searchParams.has('state'), { timeout: 20_000 });
    await waitForView(page, 'signed-out');
    assert.deepEqual(auth, ['none']);
    assert.equal(new URL(page.url()).search, '', 'error=login_required and state are gone from the URL');
    assert.equal(await login(page).locator('[role="alert"]').count(), 0, 'no error shown: nobody asked to sign in');
    // Public elements work meanwhile, and the sign-in button is there for whoever wants it.
    await page.locator('es-contact-card [part~="phone-link"]').first().waitFor({ timeout: 20_000 });
    await login(page).locator('[part~="sign-in-button"]').waitFor();

    // Reload and a second page in the same tab: the attempt is remembered for the tab, no redirect loop.
    await page.reload();
    await waitForView(page, 'signed-out');
    await page.waitForLoadState('networkidle');
    await page.goto(`${origin}/partner.html?again=1`);
    await waitForView(page, 'signed-out');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(auth, ['none'], 'still one authorization request');

    // Signing in by hand still works, and afterwards the tab is signed in without further redirects.
    await signInFromButton(page, { button: login(page).locator('[part~="sign-in-button"]'), origin });
    await waitForView(page, 'signed-in');
    assert.equal(auth.length, 2, 'the second request is the visible sign-in');
    assert.notEqual(auth[1], 'none');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
  } finally {
    await context.close();
  }
});
