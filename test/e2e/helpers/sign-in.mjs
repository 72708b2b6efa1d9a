// Signing in for browser tests and benchmarks, always through the identity provider's real login page: a page with
// <es-provider> starts the sign-in, the login form is filled in like a person would. (Over plain HTTP, use
// signIn() of test/server/helpers/start-stack.mjs, re-exported here as signInOverHttp.)
export { signIn as signInOverHttp } from '../../server/helpers/start-stack.mjs';
import assert from 'node:assert/strict';
import { deepText } from './browser.mjs';

export const DEMO_PASSWORD = 'Support!2026';
export const DEMO_USER = 'anna.virtanen@nordicbank.example';

/** In-page: es-provider's session says signed-in. */
const SIGNED_IN = () => /** @type {any} */ (document.querySelector('es-provider'))?.session?.state?.status === 'signed-in';

/**
 * Signs a browser page in through the real login page. `startUrl` is a portal page (registered origin) with an
 * <es-provider>; its session's signIn() starts the redirect. Resolves once the page is back on the portal origin
 * and the provider's session says signed-in.
 * @param {import('playwright-core').Page} page
 * @param {{ startUrl: string, login?: string, password?: string, timeout?: number }} o
 */
export async function signInInBrowser(page, o) {
  const login = o.login ?? DEMO_USER;
  const password = o.password ?? DEMO_PASSWORD;
  const timeout = o.timeout ?? 45_000;
  const portalOrigin = new URL(o.startUrl).origin;
  await page.goto(o.startUrl);
  await page.waitForFunction(() => !!document.querySelector('es-provider')?.session, null, { timeout });
  await page.evaluate(async () => {
    const s = /** @type {any} */ (document.querySelector('es-provider')).session;
    await s.ready;
    if (s.state.status !== 'signed-in') s.signIn().catch(() => {});
  });
  // Either we are already signed in (SSO) or the provider's login page shows up.
  await page.waitForFunction((origin) => location.origin !== origin ||
    /** @type {any} */ (document.querySelector('es-provider'))?.session?.state?.status === 'signed-in', portalOrigin, { timeout });
  if (new URL(page.url()).origin !== portalOrigin) {
    const pw = page.locator('input[type=password]').first();
    await pw.waitFor({ timeout });
    const user = page.locator('input[name=username], input[autocomplete=username], input[type=email], input[name=email], input[name=login]').first();
    await user.fill(login);
    await pw.fill(password);
    await Promise.all([
      page.waitForURL((u) => u.origin === portalOrigin, { timeout }),
      pw.press('Enter'),
    ]);
  }
  await page.waitForFunction(SIGNED_IN, null, { timeout });
}

/**
 * On the identity provider's login page: types `login` and `password` into #username / #password like a person
 * (focus, keyboard) and presses Enter. With `origin`: checks that the login page is not on the portal origin,
 * waits to be back on it (and on `path`, when given) and, unless `signedIn` is false, for es-provider's session
 * to say signed-in. Without `origin` it does not wait after Enter (e.g. a wrong password stays on the provider).
 * On a failure the error names the page's URL and text.
 * @param {import('playwright-core').Page} page
 * @param {{ login?: string, password?: string, origin?: string, path?: string, signedIn?: boolean, timeout?: number }} [o]
 */
export async function typeCredentials(page, o = {}) {
  const { login = DEMO_USER, password = DEMO_PASSWORD, origin, path, signedIn = true, timeout = 20_000 } = o;
  try {
    await page.locator('#username').waitFor({ timeout });
    if (origin) assert.notEqual(new URL(page.url()).origin, origin, 'the provider login page is shown');
    await page.locator('#username').fill('');
    await page.locator('#username').focus();
    await page.keyboard.type(login);
    await page.locator('#password').focus();
    await page.keyboard.type(password);
    if (!origin) {
      await page.keyboard.press('Enter');
      return;
    }
    await Promise.all([
      page.waitForURL((u) => u.origin === origin && (path === undefined || u.pathname === path), { timeout }),
      page.keyboard.press('Enter'),
    ]);
    if (signedIn) await page.waitForFunction(SIGNED_IN, null, { timeout });
  } catch (e) {
    e.message += `\n  at ${page.url()}: ${(await deepText(page, 'body').catch(() => '?'))?.slice(0, 600)}`;
    throw e;
  }
}

/**
 * Signs in from a portal page: clicks the sign-in `button` (a locator or a CSS selector; Playwright's CSS pierces
 * open shadow roots), then types the credentials on the provider's login page (typeCredentials; `origin` is
 * required here: the portal origin to come back to).
 * @param {import('playwright-core').Page} page
 * @param {{ button: string | import('playwright-core').Locator, origin: string, login?: string, password?: string,
 *           path?: string, signedIn?: boolean, timeout?: number }} o
 */
export async function signInFromButton(page, o) {
  const timeout = o.timeout ?? 20_000;
  const button = typeof o.button === 'string' ? page.locator(o.button).first() : o.button;
  await button.waitFor({ timeout });
  await button.click();
  await typeCredentials(page, { ...o, timeout });
}

// ----- es-login, wherever it is (Playwright's CSS locators pierce open shadow roots) -----

/** es-login on the page (the first one, e.g. inside es-portal). */
export const esLogin = (page) => page.locator('es-login').first();

/** The view es-login reports (`signed-out`, `signed-in`, `mismatch`, `no-access`, ...). */
export const loginView = (page) => esLogin(page).evaluate((el) => /** @type {any} */ (el).view);

/** Waits until es-login shows one of `views`; the message names the view it got stuck in. */
export async function waitForLoginView(page, views, timeout = 20_000) {
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

/**
 * Opens `${origin}/portal.html${hash}` signed out, signs in through the portal's prompt and the real login page,
 * and waits until the portal is back at `hash` (the deep link survives the round trip). A failure says where the
 * page was and what it showed.
 * @param {import('playwright-core').Page} page
 */
export async function openPortalSignedIn(page, origin, hash) {
  try {
    await page.goto(`${origin}/portal.html${hash}`);
    await signInFromButton(page, { button: 'es-portal [part~="sign-in-button"]', origin });
    await page.waitForFunction((h) => location.hash === h, hash, { timeout: 20_000 });
  } catch (e) {
    e.message += `\n  at ${page.url()}: ${(await deepText(page, 'body').catch(() => '?'))?.slice(0, 600)}`;
    throw e;
  }
}
