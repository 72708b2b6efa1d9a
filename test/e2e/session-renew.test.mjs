// End to end (issue 4): access tokens live 30 s; a person keeps using the portal for 3 minutes (case list → a case
// → back, reloads) and stays signed in while the session renews silently with rotating refresh tokens. In the same
// window of time, two tabs of one browser share a session on the other portal for 2 minutes: the renew lock across
// tabs must keep them from using one refresh token twice (the provider would revoke the grant: "refresh token
// already used"). A third browser, on a third portal, has a tab that is on another site while its other tab
// refreshes and then comes back with the Back button: it must take the new tokens, not send its used refresh token.
// The scenarios run at the same time (separate browser contexts and portals), so the file takes about 3.5 minutes.
// ES_E2E_RENEW_MS / ES_E2E_TABS_MS shorten the windows while working on it; ES_E2E_TIMELINE=1 prints the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import {
  signInFromButton, esLogin as login, loginView, waitForLoginView as waitForView,
} from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';

const TTL = 30;
const SINGLE_MS = Number(process.env.ES_E2E_RENEW_MS ?? 180_000);
const TABS_MS = Number(process.env.ES_E2E_TABS_MS ?? 120_000);
/** Provider-side events per client: refresh grants that worked, and every grant error (with its reason). */
const provider = { refreshes: new Map(), errors: [], revoked: [] };
/** What happened when, for the failure messages. */
const timeline = [];
const t0 = Date.now();
const clock = () => `${((Date.now() - t0) / 1000).toFixed(2).padStart(7)}s`;

const env = useStack({
  seed: 'demo',
  accessTokenTtl: TTL,
  portalCount: 3,
  onStart: ({ stack }) => {
    const p = stack.idp.provider;
    p.on('grant.success', (ctx) => {
      if (ctx.oidc.params?.grant_type !== 'refresh_token') return;
      const id = ctx.oidc.client?.clientId;
      provider.refreshes.set(id, (provider.refreshes.get(id) ?? 0) + 1);
    });
    p.on('grant.error', (ctx, err) => {
      const e = { client: ctx.oidc?.client?.clientId, error: err.error, detail: err.error_detail || err.error_description || err.message };
      provider.errors.push(e);
      timeline.push(`${clock()} provider: ${e.client} ${e.error} (${e.detail}) for ${String(ctx.oidc?.params?.refresh_token ?? '').slice(0, 6)}…`);
    });
    p.on('grant.revoked', (ctx, grantId) => provider.revoked.push({ client: ctx.oidc?.client?.clientId, grantId }));
  },
});
const { skip } = env;

/**
 * Watches one tab: refresh-token calls at the token endpoint (with their answers), API 401s, and every
 * es-auth-change the page's es-login dispatches (kept across reloads).
 */
async function watchTab(page, name) {
  const tab = { name, refreshes: [], api401: [], auth: [], log: watchPage(page) };
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url() === `${env.stack.urls.idp}/token` && /grant_type=refresh_token/.test(req.postData() ?? '')) {
      const token = /refresh_token=([^&]{6})/.exec(req.postData() ?? '')?.[1];
      const entry = { at: Date.now(), status: null, token };
      tab.refreshes.push(entry);
      timeline.push(`${clock()} ${name}: refresh with ${token}…`);
      req.response().then((res) => {
        entry.status = res?.status() ?? 'failed';
        timeline.push(`${clock()} ${name}: refresh with ${token}… → ${entry.status}`);
      }, () => { entry.status = 'failed'; });
    }
  });
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) timeline.push(`${clock()} ${name}: page ${f.url().replace(/^https?:\/\/[^/]+/, '')}`); });
  page.on('response', (res) => {
    if (res.status() === 401 && res.url().startsWith(env.stack.urls.apiBase)) tab.api401.push(res.url());
  });
  await page.exposeFunction('__esE2eAuth', (status, code) => {
    tab.auth.push({ status, code, at: Date.now() });
    timeline.push(`${clock()} ${name}: es-auth-change ${status}${code ? ` (${code})` : ''}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('es-auth-change', (e) => {
      const d = /** @type {any} */ (e).detail;
      /** @type {any} */ (window).__esE2eAuth(d?.status, d?.error?.code ?? null);
    });
  });
  return tab;
}

async function signInTyped(page, origin) {
  await page.goto(`${origin}/portal.html#/cases`);
  await waitForView(page, 'signed-out');
  await signInFromButton(page, { button: login(page).locator('[part~="sign-in-button"]'), origin });
  await waitForView(page, 'signed-in');
}

/** Fails when an element of the view shows an error (a 401 the session could not cure would end up there). */
async function assertNoErrorShown(page, where) {
  const alerts = await page.locator('es-portal [part~="view"] [role="alert"]').allInnerTexts();
  assert.deepEqual(alerts, [], `${where}: no error shown`);
  const view = await loginView(page);
  assert.equal(view, 'signed-in', `${where}: still signed in`);
}

/** The case list is shown with rows. */
async function waitForCaseRows(page) {
  try {
    await page.locator('es-case-list [part~="row"]').first().waitFor({ timeout: 20_000 });
  } catch (e) {
    const shown = await page.locator('es-portal [part~="view"]').first().innerText().catch(() => '?');
    e.message = `no case rows at ${page.url()} (es-login: ${await loginView(page).catch(() => '?')}; view: ${shown.slice(0, 400)})\n${e.message}`;
    throw e;
  }
}

/** One round of use: the case list, a case, back to the list; every `reloadEvery`-th round a page reload. */
async function useOnce(page, round, { reloadEvery = 4, withCase = true } = {}) {
  await page.evaluate(() => { location.hash = '#/cases'; });
  if (round % reloadEvery === 0) await page.reload(); // the list, reloaded with the whole page
  await waitForView(page, 'signed-in');
  await waitForCaseRows(page);
  if (withCase) {
    const row = page.locator('es-case-list [part~="row"]').nth(round % 5);
    const id = await row.getAttribute('data-id');
    await row.click();
    await page.waitForFunction((i) => location.hash === `#/cases/${encodeURIComponent(i)}`, id, { timeout: 10_000 });
    await page.locator('es-case-detail [part~="title"]').first().waitFor({ timeout: 20_000 });
  } else {
    await page.evaluate(() => { location.hash = '#/kb'; });
    await page.locator('es-kb-search').first().waitFor({ timeout: 20_000 });
  }
  await assertNoErrorShown(page, `round ${round}`);
}

function assertTabHealthy(tab) {
  assert.deepEqual(tab.log.pageErrors, [], `${tab.name}: no page errors`);
  const forced = tab.auth.filter((a) => a.status !== 'signed-in');
  assert.deepEqual(forced, [], `${tab.name}: es-login never left signed-in (no forced sign-out, no error)`);
  const failed = tab.refreshes.filter((r) => r.status !== 200);
  assert.deepEqual(failed, [], `${tab.name}: every refresh worked`);
}

test('silent renew with 30-second access tokens: one tab for 3 minutes, two tabs for 2 minutes, a tab away and back', { skip, concurrency: 3, timeout: SINGLE_MS + 120_000 }, async (t) => {
  const single = async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const tab = await watchTab(page, 'single tab');
    try {
      const origin = env.stack.urls.portals[0];
      await signInTyped(page, origin);
      tab.auth.length = 0; // from here on, es-login must stay signed in
      const start = Date.now();
      for (let round = 1; Date.now() - start < SINGLE_MS; round++) {
        await useOnce(page, round);
        await page.waitForTimeout(3_000);
      }
      await assertNoErrorShown(page, 'after 3 minutes');
      const worked = tab.refreshes.filter((r) => r.status === 200).length;
      assert.ok(worked >= Math.floor(SINGLE_MS / 1000 / (TTL * 1.5)),
        `at least ${Math.floor(SINGLE_MS / 1000 / (TTL * 1.5))} renewals in ${SINGLE_MS / 1000} s (got ${worked})`);
      assertTabHealthy(tab);
      // The access token this page uses now is one of the last minute (it really was renewed).
      const exp = await page.evaluate(() => /** @type {any} */ (document.querySelector('es-provider')).session.state.user.expiresAt);
      assert.ok(exp * 1000 > Date.now(), 'the current access token is still valid');
      return { tab, worked };
    } finally {
      await context.close();
    }
  };

  const twoTabs = async () => {
    const context = await env.browser.newContext();
    const one = await context.newPage();
    const tabOne = await watchTab(one, 'tab 1');
    const two = await context.newPage();
    const tabTwo = await watchTab(two, 'tab 2');
    try {
      const origin = env.stack.urls.portals[1];
      await signInTyped(one, origin);
      // The second tab gets the session from the first (no sign-in of its own).
      await two.goto(`${origin}/portal.html#/cases`);
      await waitForView(two, 'signed-in');
      tabOne.auth.length = 0;
      tabTwo.auth.length = 0;
      const start = Date.now();
      const run = async (page, offset) => {
        await page.waitForTimeout(offset);
        for (let round = 1; Date.now() - start < TABS_MS; round++) {
          await useOnce(page, round, { reloadEvery: 5, withCase: round % 2 === 0 });
          await page.waitForTimeout(2_500);
        }
      };
      await Promise.all([run(one, 0), run(two, 1_300)]);
      for (const page of [one, two]) await assertNoErrorShown(page, 'after 2 minutes');
      assertTabHealthy(tabOne);
      assertTabHealthy(tabTwo);
      const worked = [...tabOne.refreshes, ...tabTwo.refreshes].filter((r) => r.status === 200).length;
      assert.ok(worked >= Math.floor(TABS_MS / 1000 / (TTL * 1.5)), `both tabs together renewed (got ${worked})`);
      // One renewal per expiry, not one per tab: the other tab took the new tokens over the channel.
      assert.ok(worked <= Math.ceil(TABS_MS / 1000 / 15) + 2, `the tabs did not both refresh every time (got ${worked})`);
      return { worked };
    } finally {
      await context.close();
    }
  };

  // A tab that is away (another site, then Back) while the other tab refreshes comes back with a used refresh
  // token in its storage; it must take the other tab's tokens instead of sending that one (grant revoked).
  const awayAndBack = async () => {
    const context = await env.browser.newContext();
    const one = await context.newPage();
    const tabOne = await watchTab(one, 'away tab');
    const two = await context.newPage();
    const tabTwo = await watchTab(two, 'staying tab');
    try {
      const origin = env.stack.urls.portals[2];
      await signInTyped(one, origin);
      await two.goto(`${origin}/portal.html#/kb`);
      await waitForView(two, 'signed-in');
      tabOne.auth.length = 0;
      tabTwo.auth.length = 0;
      await one.goto(`${env.stack.urls.portals[0]}/index.html`); // away, on another site
      const before = tabTwo.refreshes.length;
        for (let i = 0; i < 200 && !tabTwo.refreshes.slice(before).some((r) => r.status === 200); i++) await two.waitForTimeout(250);
      assert.ok(tabTwo.refreshes.slice(before).some((r) => r.status === 200), 'the staying tab refreshed while the other was away');
      await one.goBack();
      await waitForView(one, 'signed-in');
      await waitForCaseRows(one);
      // Past the expiry of the tokens the away tab came back with.
      await one.waitForTimeout((TTL - 5) * 1000);
      for (const page of [one, two]) await assertNoErrorShown(page, 'after coming back');
      await useOnce(one, 1);
      assertTabHealthy(tabOne);
      assertTabHealthy(tabTwo);
    } finally {
      await context.close();
    }
  };

  let failed = false;
  const tracked = (fn) => async () => { try { return await fn(); } catch (e) { failed = true; throw e; } };
  await Promise.all([
    t.test('one tab keeps using the portal for 3 minutes and stays signed in', tracked(single)),
    t.test('two tabs of the same portal stay signed in for 2 minutes (cross-tab lock)', tracked(twoTabs)),
    t.test('a tab that was away while the other refreshed takes the new tokens (no reused refresh token)', tracked(awayAndBack)),
  ]);
  if (failed || provider.errors.length || process.env.ES_E2E_TIMELINE) t.diagnostic(`timeline:\n${timeline.join('\n')}`);

  // The provider side: no reused refresh token, no revoked grant, for either portal.
  assert.deepEqual(provider.errors, [], 'no grant errors at the provider (e.g. "refresh token already used")');
  assert.deepEqual(provider.revoked, [], 'no grant was revoked');
  const least = Math.floor(SINGLE_MS / 1000 / (TTL * 1.5));
  assert.ok((provider.refreshes.get('portal-a') ?? 0) >= least, `portal-a refreshed at least ${least} times (${provider.refreshes.get('portal-a')})`);
  assert.ok((provider.refreshes.get('portal-b') ?? 0) >= 1, `portal-b refreshed (${provider.refreshes.get('portal-b')})`);
  assert.ok((provider.refreshes.get('portal-c') ?? 0) >= 1, `portal-c refreshed (${provider.refreshes.get('portal-c')})`);
});
