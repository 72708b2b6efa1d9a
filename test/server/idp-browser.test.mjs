// The provider's pages and the outbox page in real Chromium: the login page works under its own CSP (no
// violations, stylesheet applied), sign-out auto-submits and ends the session, and the outbox page shows a
// message with clickable links. Skipped when no Chromium is installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startTestStack, authorizeRequest } from './helpers/start-stack.mjs';
import { createAccount, createActivationLink } from '../../demo/server/idp/accounts.mjs';
import { sendActivationEmail } from '../../demo/server/idp/emails.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const skip = existsSync(executablePath) ? false : `no Chromium at ${executablePath}`;
const PW = 'Browser-pass-123';
let stack;
let browser;

before(async () => {
  if (skip) return;
  stack = await startTestStack({ seed: 'none' });
  browser = await chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
after(async () => {
  await browser?.close();
  await stack?.cleanup();
});

function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`${m.text()} (${m.location().url})`); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
  page.on('pageerror', (e) => problems.push(String(e)));
  return problems;
}

test('login, SSO and auto-submitted sign-out in Chromium, without CSP violations', { skip }, async () => {
  const acc = createAccount(stack.db, { email: 'chromium.user@idp-test.example', firstName: 'Chro', password: PW });
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  // The portal pages themselves are not under test here: only what happens on the provider's origin counts.
  const onIdp = (p) => p.includes(stack.urls.idp);

  const a = authorizeRequest(stack);
  await page.goto(a.url);
  await page.waitForSelector('#username');
  const color = await page.$eval('.btn-primary', (el) => getComputedStyle(el).color);
  assert.equal(color, 'rgb(255, 255, 255)', 'stylesheet applied');
  await page.getByLabel('Email address (username)').fill('chromium.user@idp-test.example');
  await page.getByLabel('Password').fill('wrong-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('[role=alert]');
  assert.equal((await page.textContent('[role=alert]')).trim(), 'The email address or password is not correct.');
  await page.getByLabel('Password').fill(PW);
  await Promise.all([page.waitForURL(`${a.redirectUri}?**`), page.getByRole('button', { name: 'Sign in' }).click()]);
  assert.ok(new URL(page.url()).searchParams.get('code'));

  // SSO: portal B comes straight back with a code.
  const b = authorizeRequest(stack, { clientIndex: 1 });
  await page.goto(b.url);
  await page.waitForURL(`${b.redirectUri}?**`);
  assert.ok(new URL(page.url()).searchParams.get('code'));

  // RP-initiated logout: the confirmation submits itself and returns to the portal.
  const end = new URL('/session/end', stack.urls.idp);
  end.search = new URLSearchParams({ client_id: 'portal-a', post_logout_redirect_uri: `${stack.urls.portals[0]}/portal.html` }).toString();
  await page.goto(end.href);
  await page.waitForURL(`${stack.urls.portals[0]}/portal.html**`);

  // The session is gone on both portals.
  const again = authorizeRequest(stack, { clientIndex: 1 });
  await page.goto(again.url);
  await page.waitForSelector('#username');
  assert.deepEqual(problems.filter((p) => /Content Security Policy|Refused/.test(p) && onIdp(p)), [], 'no CSP violations');
  assert.deepEqual(problems.filter((p) => onIdp(p) && !/^401 .*\/login$/.test(p)), [], 'no failed requests except the wrong password');
  await context.close();
  assert.ok(acc.id);
});

test('the provider refuses to be framed', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const origin = stack.urls.portals[0];
  await context.route(`${origin}/frame-test.html`, (route) => route.fulfill({
    status: 200, contentType: 'text/html', body: `<!doctype html><iframe src="${stack.urls.idp}/password/forgot"></iframe>`,
  }));
  await page.goto(`${origin}/frame-test.html`);
  await page.waitForTimeout(500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const inner = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
  assert.doesNotMatch(inner, /Forgot your password/, 'the page did not render inside the frame');
  await context.close();
});

test('activation email in the outbox page -> click the link -> set the password', { skip }, async () => {
  const acc = createAccount(stack.db, { email: 'outbox.reader@idp-test.example', firstName: 'Otto' });
  await sendActivationEmail(stack.outbox, acc, createActivationLink(stack.db, acc.id, { issuer: stack.urls.idp }));
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${stack.urls.portals[0]}/outbox.html?to=${encodeURIComponent(acc.email)}`);
  await page.getByRole('button', { name: /Activate your Business Account/ }).click();
  await page.waitForSelector('#ob-links a');
  const href = await page.$eval('#ob-links a', (a) => a.href);
  assert.ok(href.startsWith(`${stack.urls.idp}/activate/`));
  await Promise.all([page.waitForURL(`${stack.urls.idp}/activate/**`), page.click('#ob-links a')]);
  await page.getByLabel('New password', { exact: true }).fill('Outbox-pass-2026');
  await page.getByLabel('Type the new password again').fill('Outbox-pass-2026');
  await page.getByRole('button', { name: 'Activate my account' }).click();
  await page.waitForSelector('text=Your Business Account is active');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the outbox page shows hostile message content as text; the HTML version runs no script', { skip }, async () => {
  const to = 'hostile.reader@idp-test.example';
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await stack.outbox.send({
    to, kind: 'case-update', subject: `Re: ${evil}`, text: `Hello ${evil} javascript:alert(1) http://ok.example/case?id=1`,
    html: `<p>${evil}</p><a href="javascript:window.top.__pwned=3">x</a>`,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.urls.portals[0]}/outbox.html?to=${encodeURIComponent(to)}`);
  await page.getByRole('button', { name: /Re: / }).click();
  await page.waitForSelector('#ob-text a');
  assert.equal(await page.textContent('#ob-subject'), `Re: ${evil}`);
  assert.equal(await page.$$eval('#ob-text img, #ob-text script, #ob-subject img', (n) => n.length), 0);
  assert.deepEqual(await page.$$eval('#ob-text a', (as) => as.map((a) => a.href)), ['http://ok.example/case?id=1']);
  await page.click('summary:has-text("HTML version")');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.getAttribute('#ob-html', 'sandbox'), 'allow-popups allow-popups-to-escape-sandbox');
  await context.close();
});
