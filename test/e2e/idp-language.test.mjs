// End to end: the identity provider's pages and emails follow the portal's language. The portal page
// (demo/pages/portal.html) is switched to Finnish at run time with its demo language switch, which sets
// es-provider's `locale` like any host page would; the SDK sends it as `ui_locales`, so the provider's login,
// forgot-password and reset pages, and the reset email, are in Finnish. The language order is language.mjs's:
// `lang` of the request > ui_locales > the idp_lang cookie > Accept-Language > English. Every provider page visited
// is checked with axe, and no page may log an error (the provider's CSP violations are console errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import { assertNoAxeViolations } from './helpers/axe.mjs';
import {
  DEMO_PASSWORD, DEMO_USER, typeCredentials, esLogin as login, waitForLoginView as waitForView,
} from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';
import { openMail as openOutboxMail } from './helpers/outbox.mjs';
import { MESSAGES } from '../../demo/server/idp/messages.mjs';

const env = useStack({ seed: 'demo' });
const { skip } = env;
const { en, fi } = MESSAGES;

/**
 * The errors a page logged. A failed password is answered 401 and Chromium logs every 4xx document as "Failed to
 * load resource"; that one is expected when the test typed a wrong password, nothing else is.
 */
function unexpectedErrors(log, { allow401 = false } = {}) {
  const ignored = (m) => allow401 && /Failed to load resource: .*status of 401/.test(m);
  return [...log.pageErrors, ...log.consoleErrors.filter((m) => !ignored(m))];
}

/** The `lang` of the document the browser shows. */
const documentLanguage = (page) => page.locator('html').getAttribute('lang');

/** The provider's <h1>, once the page with `lang` has loaded. */
async function providerHeading(page, lang) {
  await page.locator(`html[lang="${lang}"]`).waitFor({ timeout: 15_000 });
  return page.locator('main h1').innerText();
}

/**
 * Opens portal.html in `page`, switches it to Finnish with the demo language switch (keyboard: the switch is a
 * button like any other), waits for es-login to speak Finnish and starts the sign-in with its button. Resolves on
 * the provider's login page.
 */
async function openFinnishLogin(page) {
  const origin = env.stack.urls.portals[0];
  await page.goto(`${origin}/portal.html`);
  await waitForView(page, 'signed-out');
  const button = login(page).locator('[part~="sign-in-button"]');
  assert.doesNotMatch(await button.innerText(), /kirjautuminen/i, 'the portal starts in English (locale="en" in its HTML)');
  const suomi = page.locator('button[data-demo-locale="fi"]');
  await suomi.focus();
  await page.keyboard.press('Enter');
  assert.equal(await suomi.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('button[data-demo-locale="en"]').getAttribute('aria-pressed'), 'false');
  await assertNoAxeViolations(page, "the demo page's language switch", '.demo-lang');
  assert.equal(await page.locator('es-provider').evaluate((p) => /** @type {any} */ (p).locale), 'fi', 'the switch sets es-provider.locale');
  // @lit/localize loads the Finnish templates, then every element re-renders.
  await page.waitForFunction(() => {
    const find = (root) => root.querySelector('es-login') ?? [...root.querySelectorAll('*')].map((n) => n.shadowRoot && find(n.shadowRoot)).find(Boolean);
    return /kirjautuminen/i.test(find(document)?.shadowRoot?.querySelector('[part~="sign-in-button"]')?.textContent ?? '');
  }, null, { timeout: 10_000 });
  await button.click();
  await page.waitForURL((u) => u.origin === env.stack.urls.idp && u.pathname.startsWith('/interaction/'), { timeout: 20_000 });
  await page.locator('#username').waitFor();
}

/** Moves the focus with Shift+Tab (at most `max` presses) until `selector` has it; fails when it never does. */
async function shiftTabTo(page, selector, max = 10) {
  for (let i = 0; i < max; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Shift+Tab');
  }
  assert.fail(`Shift+Tab never reached ${selector}`);
}

test('a portal switched to Finnish at run time: the provider login page is Finnish and signing in brings the user back signed in', { skip, timeout: 90_000 }, async () => {
  const origin = env.stack.urls.portals[0];
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await openFinnishLogin(page);
    assert.equal(await documentLanguage(page), 'fi');
    assert.equal(await providerHeading(page, 'fi'), fi.login.title);
    assert.equal(await page.locator('label[for=username]').innerText(), fi.login.username);
    assert.equal(await page.locator('label[for=password]').innerText(), fi.login.password);
    assert.equal(await page.locator('form.form button[type=submit]').innerText(), fi.login.submit);
    assert.equal(await page.locator('a.lang-switch').innerText(), en.language.switchTo, 'the switch offers English');
    await assertNoAxeViolations(page, 'the Finnish login page');

    await typeCredentials(page, { login: DEMO_USER, password: DEMO_PASSWORD, origin });
    await waitForView(page, 'signed-in');
    assert.equal(await login(page).locator('[part~="user-name"]').innerText(), 'Anna Virtanen');
    // The portal came back in Finnish too: the demo remembers the visitor's choice over the round trip.
    assert.equal(await page.locator('es-provider').evaluate((p) => /** @type {any} */ (p).locale), 'fi');
    assert.equal(await page.locator('es-provider').getAttribute('lang'), 'fi');
    assert.deepEqual(unexpectedErrors(log), []);
  } finally {
    await context.close();
  }
});

test('on the Finnish login page the language switch goes to English and back by keyboard, and a wrong password gets the Finnish error', { skip, timeout: 90_000 }, async () => {
  const origin = env.stack.urls.portals[0];
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await openFinnishLogin(page);
    const loginUrl = new URL(page.url());

    // The username field has autofocus; the switch is in the header just before it.
    await shiftTabTo(page, 'a.lang-switch');
    assert.equal(await page.locator('a.lang-switch').getAttribute('lang'), 'en', 'the link text is marked as English');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('lang') === 'en'), page.keyboard.press('Enter')]);
    assert.equal(await providerHeading(page, 'en'), en.login.title);
    assert.equal(new URL(page.url()).pathname, loginUrl.pathname, 'the same sign-in, now in English');
    assert.equal(await page.locator('label[for=username]').innerText(), en.login.username);
    await assertNoAxeViolations(page, 'the login page switched to English');

    await shiftTabTo(page, 'a.lang-switch');
    assert.equal(await page.locator('a.lang-switch').innerText(), fi.language.switchTo);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('lang') === 'fi'), page.keyboard.press('Enter')]);
    assert.equal(await providerHeading(page, 'fi'), fi.login.title);

    await typeCredentials(page, { login: DEMO_USER, password: 'not the password' }); // no origin: stays on the provider
    const alert = page.locator('[role=alert]');
    await alert.waitFor({ timeout: 10_000 });
    assert.equal(await alert.innerText(), fi.login.error);
    assert.equal(await documentLanguage(page), 'fi', 'the answer to the posted form keeps its language');
    assert.equal(await page.locator('#password').getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page, 'the Finnish login page with an error');

    // The right password still gets through from the page that showed the error.
    await typeCredentials(page, { login: DEMO_USER, password: DEMO_PASSWORD, origin });
    await waitForView(page, 'signed-in');
    assert.deepEqual(unexpectedErrors(log, { allow401: true }), []);
  } finally {
    await context.close();
  }
});

/** openMail of helpers/outbox.mjs on the first portal. */
const openMail = (page, to, kind) => openOutboxMail(page, env.stack.urls.portals[0], to, kind);

test('forgot password from the Finnish login page: Finnish form, Finnish email, its link opens the reset page in Finnish, the new password signs in', { skip, timeout: 120_000 }, async () => {
  const origin = env.stack.urls.portals[0];
  const email = 'mikko.laine@nordicbank.example';
  const newPassword = 'Uusi salalause kesällä 2026';
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await openFinnishLogin(page);
    const forgot = page.locator('main a', { hasText: fi.login.forgot });
    await Promise.all([page.waitForURL((u) => u.pathname === '/password/forgot'), forgot.click()]);
    assert.equal(await providerHeading(page, 'fi'), fi.forgot.title);
    assert.equal(await page.locator('label[for=email]').innerText(), fi.forgot.email);
    await assertNoAxeViolations(page, 'the Finnish forgot-password page');
    await page.locator('#email').focus();
    await page.keyboard.type(email);
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.locator('[role=status]', { hasText: fi.forgot.done }).waitFor({ timeout: 10_000 });
    assert.equal(await documentLanguage(page), 'fi');
    assert.equal(await page.locator('main a', { hasText: fi.forgot.back }).count(), 1, 'the way back to the sign-in');
    await assertNoAxeViolations(page, 'the Finnish forgot-password page after sending');

    const mail = await openMail(page, email, 'password-reset');
    assert.equal(mail.subject, fi.email.reset.subject);
    assert.match(mail.text, new RegExp(`^${fi.email.hello('Mikko')}`));
    assert.ok(mail.text.includes(fi.email.reset.asked(email)), mail.text);
    assert.equal(mail.htmlLang, 'fi', 'the HTML part says it is Finnish');
    const resetLink = mail.links.find((u) => u.startsWith(`${env.stack.urls.idp}/password/reset/`));
    assert.ok(resetLink, `a reset link in ${JSON.stringify(mail.links)}`);
    assert.equal(new URL(resetLink).searchParams.get('lang'), 'fi', 'the link keeps the language of the email');

    await page.locator('#ob-links a', { hasText: '/password/reset/' }).click();
    await page.waitForURL((u) => u.href === resetLink);
    assert.equal(await providerHeading(page, 'fi'), fi.reset.title);
    assert.equal(await page.locator('label[for=password]').innerText(), fi.setPassword.password);
    assert.equal(await page.locator('label[for=confirm]').innerText(), fi.setPassword.confirm);
    await assertNoAxeViolations(page, 'the Finnish reset page');
    await page.locator('#password').focus();
    await page.keyboard.type(newPassword);
    await page.keyboard.press('Tab');
    await page.keyboard.type(newPassword);
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    assert.equal(await providerHeading(page, 'fi'), fi.reset.doneTitle);
    assert.equal(await page.locator('main p').first().innerText(), fi.reset.done);
    await assertNoAxeViolations(page, 'the Finnish password-changed page');

    // Back on the portal (still Finnish: the demo remembers it), the new password signs in.
    await page.goto(`${origin}/portal.html`);
    await waitForView(page, 'signed-out');
    assert.equal(await page.locator('es-provider').evaluate((p) => /** @type {any} */ (p).locale), 'fi');
    await login(page).locator('[part~="sign-in-button"]').click();
    await page.locator('html[lang="fi"] #username').waitFor({ timeout: 20_000 });
    await typeCredentials(page, { login: email, password: newPassword, origin });
    await waitForView(page, 'signed-in');
    assert.equal(await login(page).locator('[part~="user-name"]').innerText(), 'Mikko Laine');
    assert.deepEqual(unexpectedErrors(log), []);
  } finally {
    await context.close();
  }
});

test('a portal in English gets the English login page even when the browser prefers Finnish (ui_locales beats Accept-Language)', { skip, timeout: 90_000 }, async () => {
  const origin = env.stack.urls.portals[0];
  // locale sets both navigator.language and the Accept-Language header of every request.
  const context = await env.browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    // Control: without ui_locales (the provider's home page) this browser does get Finnish from Accept-Language.
    await page.goto(`${env.stack.urls.idp}/`);
    assert.equal(await providerHeading(page, 'fi'), fi.home.title);
    assert.equal(await page.locator('main p').first().innerText(), fi.home.text);

    await page.goto(`${origin}/portal.html`);
    await waitForView(page, 'signed-out');
    assert.equal(await page.locator('es-provider').evaluate((p) => /** @type {any} */ (p).locale), 'en');
    await login(page).locator('[part~="sign-in-button"]').click();
    await page.waitForURL((u) => u.origin === env.stack.urls.idp && u.pathname.startsWith('/interaction/'), { timeout: 20_000 });
    assert.equal(await providerHeading(page, 'en'), en.login.title);
    assert.equal(await page.locator('label[for=username]').innerText(), en.login.username);
    assert.equal(await page.locator('a.lang-switch').innerText(), fi.language.switchTo, 'Finnish is one keypress away');
    await assertNoAxeViolations(page, 'the English login page');
    await typeCredentials(page, { login: DEMO_USER, password: DEMO_PASSWORD, origin });
    await waitForView(page, 'signed-in');
    assert.deepEqual(unexpectedErrors(log), []);
  } finally {
    await context.close();
  }
});

test("es-login's \"Forgot your password?\" on a Finnish portal opens the provider's page in Finnish, even for an English browser", { skip, timeout: 90_000 }, async () => {
  const origin = env.stack.urls.portals[0];
  // A fresh browser that prefers English and has no idp_lang cookie: only the link can carry the language.
  const context = await env.browser.newContext({ locale: 'en-GB', extraHTTPHeaders: { 'accept-language': 'en-GB,en;q=0.9' } });
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${origin}/portal.html`);
    await waitForView(page, 'signed-out');
    await page.locator('button[data-demo-locale="fi"]').click();
    const link = login(page).locator('[part~="forgot-password-link"]');
    await page.waitForFunction(() => {
      const find = (root) => root.querySelector('es-login') ?? [...root.querySelectorAll('*')].map((n) => n.shadowRoot && find(n.shadowRoot)).find(Boolean);
      const a = find(document)?.shadowRoot?.querySelector('[part~="forgot-password-link"]');
      return !!a && new URL(a.href).searchParams.get('ui_locales') === 'fi';
    }, null, { timeout: 10_000 });
    assert.equal(await link.innerText(), 'Unohditko salasanasi?');
    await link.focus();
    await Promise.all([page.waitForURL((u) => u.origin === env.stack.urls.idp, { timeout: 20_000 }), page.keyboard.press('Enter')]);
    assert.equal(await providerHeading(page, 'fi'), fi.forgot.title);
    await assertNoAxeViolations(page, 'the Finnish forgot-password page');
    assert.deepEqual(unexpectedErrors(log), []);
  } finally {
    await context.close();
  }
});
