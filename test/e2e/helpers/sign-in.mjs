// Signing in for browser tests and benchmarks, always through the identity provider's real login page: a page with
// <es-provider> starts the sign-in, the login form is filled in like a person would. (Over plain HTTP, use
// signIn() of test/server/helpers/start-stack.mjs, re-exported here as signInOverHttp.)
export { signIn as signInOverHttp } from '../../server/helpers/start-stack.mjs';

export const DEMO_PASSWORD = 'Support!2026';
export const DEMO_USER = 'anna.virtanen@nordicbank.example';

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
  await page.waitForFunction(() => /** @type {any} */ (document.querySelector('es-provider'))?.session?.state?.status === 'signed-in', null, { timeout });
}
