// End to end (issue 4): the account life cycle and the forgotten password, all through the browser against the
// real stack — es-account-request on the portal page, the demo admin page, the demo outbox page, the identity
// provider's activation / reset pages and es-login. Typing goes through the keyboard like a person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import {
  DEMO_PASSWORD, typeCredentials, esLogin as login, waitForLoginView as waitForView,
} from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';
import { openMail as openOutboxMail } from './helpers/outbox.mjs';

const env = useStack({ seed: 'demo' });
const { skip } = env;

/** On the provider's set-password page (activation or reset): the new password twice, Enter. */
async function setPassword(page, password) {
  await page.locator('#password').waitFor({ timeout: 10_000 });
  await page.locator('#password').focus();
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => !document.querySelector('#confirm'), null, { timeout: 10_000 });
}

/** openMail of helpers/outbox.mjs on the first portal. */
const openMail = (page, to, kind) => openOutboxMail(page, env.stack.urls.portals[0], to, kind);

/** Kinds of the outbox messages to `to`, oldest first (over the page server's /api/outbox). */
async function mailKinds(to) {
  const res = await fetch(`${env.stack.urls.portals[0]}/api/outbox?to=${encodeURIComponent(to)}`);
  const { items } = await res.json();
  return items.map((m) => m.kind).reverse();
}

test('account life cycle: request in es-account-request → admin approves → activation → welcome → sign in shows own name', { skip }, async () => {
  const origin = env.stack.urls.portals[0];
  const email = `e2e.${Date.now().toString(36)}@nordicbank.example`;
  const password = 'Lifecycle passphrase 42';
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    // 1. The request, typed into es-account-request on the portal page.
    await page.goto(`${origin}/portal.html#/request-account`);
    const form = page.locator('es-account-request').first();
    await form.locator('#f-firstName').waitFor({ timeout: 20_000 });
    await form.locator('#f-firstName').focus();
    await page.keyboard.type('Eevi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Esimerkki');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('acc-104233'); // normalised to ACC-104233 when the field is left
    await page.keyboard.press('Tab');
    await page.keyboard.type('I handle the VPN cases of our team.');
    await page.keyboard.press('Tab');
    assert.equal(await form.locator('[part~="submit-button"]').evaluate((b) => b.matches(':focus')), true, 'Tab reaches the submit button');
    await page.keyboard.press('Enter');
    const heading = form.locator('[part~="success-heading"]');
    await heading.waitFor({ timeout: 10_000 });
    assert.match(await heading.innerText(), /request has been received/i);
    const steps = await form.locator('[part~="next-steps"]').innerText();
    assert.match(steps, new RegExp(`activation email at ${email.replace(/\./g, '\\.')}`), 'a new Business Account: the activation email comes first');
    assert.match(steps, /welcome email/i);
    assert.match(steps, /4–5 business days/);
    const reference = (await form.locator('[part~="reference"]').innerText()).replace(/^Reference:\s*/, '');
    const stored = env.stack.db.prepare('SELECT id, account_id, status FROM account_requests WHERE email = ?').get(email);
    assert.deepEqual(stored, { id: reference, account_id: 'ACC-104233', status: 'open' });
    assert.deepEqual(await mailKinds(email), ['account-request-received'], 'only the receipt before the approval');

    // 2. The demo admin approves it on the admin page (default demo token).
    await page.goto(`${origin}/admin.html`);
    const row = page.locator('#ad-rows tr', { hasText: email });
    await row.waitFor({ timeout: 10_000 });
    assert.match(await row.innerText(), /Nordic Bank Oyj/);
    assert.match(await row.innerText(), /Will be created/);
    await row.locator('button.ad-approve').click();
    await page.locator('#ad-status-line', { hasText: `Approved ${email}` }).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('#ad-status-line').innerText(), /Business Account created, activation email sent\. Welcome email sent\./);
    assert.equal(env.stack.db.prepare('SELECT status FROM account_requests WHERE id = ?').get(reference).status, 'approved');

    // 3. The activation email on the outbox page; its link opens the provider's activation page.
    const activation = await openMail(page, email, 'activation');
    assert.match(activation.subject, /Activate your Business Account/);
    const activateLink = activation.links.find((u) => u.startsWith(`${env.stack.urls.idp}/activate/`));
    assert.ok(activateLink, `an activation link in ${JSON.stringify(activation.links)}`);
    await page.locator('#ob-links a', { hasText: '/activate/' }).click();
    await page.waitForURL((u) => u.href === activateLink);
    assert.match(await page.locator('body').innerText(), new RegExp(email.replace(/\./g, '\\.')));
    await setPassword(page, password);
    assert.match(await page.locator('body').innerText(), /Your Business Account is active/);

    // 4. The welcome email is in the outbox too.
    const welcome = await openMail(page, email, 'welcome');
    assert.match(welcome.subject, /Welcome to the support portal – Nordic Bank Oyj/);
    assert.match(welcome.text, /Your username is your email address/);
    assert.deepEqual((await mailKinds(email)).sort(), ['account-request-received', 'activation', 'welcome']);

    // 5. Sign in with the email through es-login: es-login shows the user's own name and organisation.
    await page.goto(`${origin}/portal.html`);
    await waitForView(page, 'signed-out');
    await login(page).locator('[part~="sign-in-button"]').click();
    await typeCredentials(page, { login: email, password, origin });
    await waitForView(page, 'signed-in');
    assert.equal(await login(page).locator('[part~="user-name"]').innerText(), 'Eevi Esimerkki');
    assert.equal(await login(page).locator('[part~="user-email"]').innerText(), email);
    assert.equal(await login(page).locator('[part~="organisation"]').innerText(), 'Nordic Bank Oyj (ACC-104233)');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('forgot password: es-login link → reset email → new password works, the old one does not, the link works once', { skip }, async () => {
  const origin = env.stack.urls.portals[0];
  const email = 'mikko.laine@nordicbank.example';
  const newPassword = 'A brand new passphrase 7';
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${origin}/portal.html`);
    await waitForView(page, 'signed-out');
    const forgot = login(page).locator('[part~="forgot-password-link"]');
    assert.equal(await forgot.innerText(), 'Forgot your password?');
    await forgot.click();
    await page.waitForURL((u) => u.origin === env.stack.urls.idp && u.pathname === '/password/forgot');
    await page.locator('#email').focus();
    await page.keyboard.type(email);
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.locator('[role=status]', { hasText: /If an account exists for that email/i }).waitFor({ timeout: 10_000 });

    const mail = await openMail(page, email, 'password-reset');
    const resetLink = mail.links.find((u) => u.startsWith(`${env.stack.urls.idp}/password/reset/`));
    assert.ok(resetLink, `a reset link in ${JSON.stringify(mail.links)}`);
    await page.locator('#ob-links a', { hasText: '/password/reset/' }).click();
    await page.waitForURL((u) => u.href === resetLink);
    await setPassword(page, newPassword);
    assert.match(await page.locator('body').innerText(), /Your password has been changed/);

    // The link works once.
    await page.goto(resetLink);
    assert.match(await page.locator('body').innerText(), /already been used/i);
    assert.equal(await page.locator('#password').count(), 0, 'no password form for a used link');

    // Sign in on the portal: the old password is refused on the provider's page, the new one works.
    await page.goto(`${origin}/portal.html`);
    await waitForView(page, 'signed-out');
    await login(page).locator('[part~="sign-in-button"]').click();
    await typeCredentials(page, { login: email, password: DEMO_PASSWORD }); // no origin: it stays on the provider
    await page.locator('[role=alert]').waitFor({ timeout: 10_000 });
    assert.equal(new URL(page.url()).origin, env.stack.urls.idp, 'the old password does not get back to the portal');
    assert.match(await page.locator('[role=alert]').innerText(), /password|not right|incorrect|wrong/i);
    await typeCredentials(page, { login: email, password: newPassword, origin });
    await waitForView(page, 'signed-in');
    assert.equal(await login(page).locator('[part~="user-name"]').innerText(), 'Mikko Laine');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
