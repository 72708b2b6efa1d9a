// The provider's pages and emails in Finnish, over HTTP against the real stack: the login page follows ui_locales of
// the authorization request (es-provider's locale), its guidance after a wrong password and after too many attempts
// is Finnish, the language switch works, the standalone pages (forgot password, reset, activation, account) follow
// `lang`, the remembered cookie and Accept-Language, emails are in the language of the request that caused them,
// and English stays the default.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  startTestStack, createBrowser, parseForms, authorizeRequest, exchangeCode, signIn,
} from './helpers/start-stack.mjs';
import { createAccount, createActivationLink } from '../../demo/server/idp/accounts.mjs';
import { MESSAGES } from '../../demo/server/idp/messages.mjs';
import { forgotPasswordPath } from '../../demo/server/idp/provider.mjs';

const PW = 'Oikea-salasana-42';
const FI = MESSAGES.fi;
const EN = MESSAGES.en;
let stack;
let aino;

before(async () => {
  stack = await startTestStack({ seed: 'none' });
  aino = createAccount(stack.db, { email: 'aino.korhonen@idp-lang.example', firstName: 'Aino', lastName: 'Korhonen', password: PW });
});
after(async () => { await stack?.cleanup(); });

const htmlLang = (html) => /<html lang="([^"]*)">/.exec(html)?.[1];
const heading = (html) => /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1];
const alertText = (html) => /<div class="alert[^"]*" role="(?:alert|status)"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1].trim();
const switchLink = (html) => /<a class="lang-switch" href="([^"]*)" lang="([^"]*)"/.exec(html);
const unescape = (s) => s.replace(/&amp;/g, '&');

/**
 * Starts an authorization request like the SDK does (PKCE, plus `ui_locales` when given) and follows it to the
 * interaction (login) page.
 */
async function openLogin({ uiLocales, headers = {}, browser = createBrowser() } = {}) {
  const a = authorizeRequest(stack);
  const u = new URL(a.url);
  if (uiLocales !== undefined) u.searchParams.set('ui_locales', uiLocales);
  // Like a browser, every request of the redirect chain carries the headers (e.g. Accept-Language).
  let url = u.href;
  let res = await browser.request(url, { headers });
  while (res.status >= 300 && res.status < 400) {
    url = new URL(res.headers.get('location'), url).href;
    await res.arrayBuffer();
    res = await browser.request(url, { headers });
  }
  const html = await res.text();
  const form = parseForms(html).find((f) => f.action?.endsWith('/login'));
  return { a, res, url, html, form, browser, loginUrl: form && new URL(form.action, url).href };
}

describe('login page', () => {
  test('is Finnish when the authorization request has ui_locales=fi', async () => {
    const { res, html, form, url } = await openLogin({ uiLocales: 'fi' });
    assert.equal(res.status, 200);
    assert.match(url, /\/interaction\/[\w-]+$/);
    assert.equal(htmlLang(html), 'fi');
    assert.equal(heading(html), 'Kirjaudu sisään');
    assert.match(html, /<label for="username">Sähköpostiosoite \(käyttäjätunnus\)<\/label>/);
    assert.match(html, /<label for="password">Salasana<\/label>/);
    assert.match(html, />Kirjaudu<\/button>/);
    assert.ok(html.includes(FI.login.usernameHint), 'the username-is-the-email hint');
    assert.match(html, /Peruuta ja palaa takaisin/);
    assert.match(html, /<title>Kirjaudu sisään · Business Account<\/title>/);
    assert.doesNotMatch(html, /Email address|Forgot your password|Sign in</, 'no English left');
    assert.equal(form.fields.lang, 'fi', 'the form posts the page language');
    // The forgot-password link keeps the language and the way back.
    const forgot = /<a href="([^"]*)">Unohditko salasanasi\?<\/a>/.exec(html)?.[1];
    assert.ok(forgot);
    const f = new URL(unescape(forgot), url);
    assert.equal(f.pathname, forgotPasswordPath);
    assert.equal(f.searchParams.get('lang'), 'fi');
    assert.equal(f.searchParams.get('return'), new URL(url).pathname);
    // The switch leads to the same page in English.
    const [, href, lang] = switchLink(html);
    assert.equal(lang, 'en');
    assert.equal(unescape(href), `${new URL(url).pathname}?lang=en`);
    assert.match(html, /hreflang="en">In English<\/a>/);
  });

  test('ui_locales: the first supported tag wins, and beats Accept-Language', async () => {
    assert.equal(htmlLang((await openLogin({ uiLocales: 'sv fi-FI en' })).html), 'fi');
    const en = await openLogin({ uiLocales: 'en', headers: { 'accept-language': 'fi-FI,fi;q=0.9' } });
    assert.equal(htmlLang(en.html), 'en');
    assert.equal(heading(en.html), 'Sign in');
  });

  test('without ui_locales: Accept-Language, else English', async () => {
    const fi = await openLogin({ headers: { 'accept-language': 'sv-SE,fi;q=0.8,en;q=0.5' } });
    assert.equal(htmlLang(fi.html), 'fi');
    assert.equal(heading(fi.html), 'Kirjaudu sisään');
    for (const o of [{}, { uiLocales: 'de' }, { headers: { 'accept-language': 'de-DE,sv;q=0.5' } }]) {
      const { html } = await openLogin(o);
      assert.equal(htmlLang(html), 'en', JSON.stringify(o));
      assert.equal(heading(html), 'Sign in');
      assert.match(html, /<label for="username">Email address \(username\)<\/label>/);
      assert.match(html, /hreflang="fi">Suomeksi<\/a>/, 'the switch to Finnish');
    }
  });

  test('a wrong password gets the Finnish guidance, and the typed username stays escaped', async () => {
    const { browser, loginUrl, form } = await openLogin({ uiLocales: 'fi' });
    const res = await browser.postForm(loginUrl, { ...form.fields, username: '"><b>aino</b>', password: 'väärä-salasana' });
    assert.equal(res.status, 401);
    const html = await res.text();
    assert.equal(htmlLang(html), 'fi');
    assert.equal(alertText(html), FI.login.error);
    assert.equal(alertText(html), 'Sähköpostiosoite tai salasana on väärin.');
    assert.match(html, /value="&quot;&gt;&lt;b&gt;aino&lt;\/b&gt;"/);
    assert.doesNotMatch(html, /<b>aino/);
    // Posted without the hidden field (an old page): the interaction's ui_locales still decides.
    const bare = await browser.postForm(loginUrl, { username: aino.email, password: 'väärä-salasana' });
    assert.equal(alertText(await bare.text()), FI.login.error);
    // And the right password signs in from the Finnish page.
    const ok = await browser.postForm(loginUrl, { ...form.fields, username: aino.email, password: PW });
    assert.equal(ok.status, 303);
  });

  test('after 10 failures the lock-out guidance is Finnish too', async () => {
    const { browser, loginUrl, form } = await openLogin({ uiLocales: 'fi' });
    const who = 'lukittu@idp-lang.example';
    for (let i = 0; i < 10; i++) {
      assert.equal((await browser.postForm(loginUrl, { ...form.fields, username: who, password: `väärin-${i}` })).status, 401);
    }
    const locked = await browser.postForm(loginUrl, { ...form.fields, username: who, password: PW });
    assert.equal(locked.status, 429);
    const html = await locked.text();
    assert.equal(alertText(html), FI.login.tooMany);
    assert.match(alertText(html), /Odota 15 minuuttia/);
  });

  test('the language switch turns a ui_locales=fi login page English, and sign-in still works', async () => {
    const { browser, html, url, a } = await openLogin({ uiLocales: 'fi' });
    const [, href] = switchLink(html);
    const res = await browser.request(new URL(unescape(href), url).href);
    assert.equal(res.status, 200);
    const en = await res.text();
    assert.equal(htmlLang(en), 'en');
    assert.equal(heading(en), 'Sign in');
    const form = parseForms(en).find((f) => f.action?.endsWith('/login'));
    assert.equal(form.fields.lang, 'en');
    const wrong = await browser.postForm(new URL(form.action, url).href, { ...form.fields, username: aino.email, password: 'nope-nope-1' });
    assert.equal(alertText(await wrong.text()), EN.login.error, 'the answer stays in the chosen language');
    const post = await browser.postForm(new URL(form.action, url).href, { ...form.fields, username: aino.email, password: PW });
    assert.equal(post.status, 303);
    const { url: back } = await browser.follow(new URL(post.headers.get('location'), url).href, {}, { stopAt: [a.origin] });
    const code = new URL(back).searchParams.get('code');
    assert.ok(code);
    const { res: tr } = await exchangeCode(stack, { code, verifier: a.verifier, redirectUri: a.redirectUri, client: a.client });
    assert.equal(tr.status, 200);
  });

  test('an unknown lang is ignored, and nothing of it reaches the page', async () => {
    const { browser, url } = await openLogin({ uiLocales: 'fi' });
    const res = await browser.request(`${url}?lang=${encodeURIComponent('"><script>alert(1)</script>')}`);
    const html = await res.text();
    assert.equal(htmlLang(html), 'fi');
    assert.doesNotMatch(html, /<script>alert|alert\(1\)/);
    assert.equal(res.headers.getSetCookie().filter((c) => c.startsWith('idp_lang=')).length, 0, 'no cookie for it');
  });

  test('the discovery document lists the supported ui_locales', async () => {
    const d = await (await fetch(`${stack.urls.idp}/.well-known/openid-configuration`)).json();
    assert.deepEqual(d.ui_locales_supported, ['en', 'fi']);
  });

  test('an authorization error page follows ui_locales', async () => {
    const a = authorizeRequest(stack);
    const u = new URL(a.url);
    u.searchParams.set('ui_locales', 'fi');
    u.searchParams.set('redirect_uri', 'http://evil.example/cb');
    const res = await fetch(u, { redirect: 'manual', headers: { accept: 'text/html' } });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.equal(htmlLang(html), 'fi');
    assert.equal(heading(html), FI.error.title);
    assert.ok(html.includes(FI.error.advice), 'the private window / other browser advice, in Finnish');
  });
});

describe('forgot password, reset and activation', () => {
  test('forgot password from a Finnish login page: Finnish page, Finnish email, Finnish reset page', async () => {
    const { browser, html, url } = await openLogin({ uiLocales: 'fi' });
    const forgotHref = new URL(unescape(/<a href="([^"]*)">Unohditko salasanasi\?<\/a>/.exec(html)[1]), url).href;
    const page = await browser.request(forgotHref);
    assert.equal(page.status, 200);
    const forgot = await page.text();
    assert.equal(htmlLang(forgot), 'fi');
    assert.equal(heading(forgot), FI.forgot.title);
    assert.ok(forgot.includes(FI.forgot.intro));
    assert.match(forgot, /<a href="\/interaction\/[\w-]+\?lang=fi">Takaisin kirjautumiseen<\/a>/);
    const form = parseForms(forgot).find((f) => f.action === forgotPasswordPath);
    assert.equal(form.fields.lang, 'fi');

    const empty = await browser.postForm(`${stack.urls.idp}${forgotPasswordPath}`, { ...form.fields, email: '' });
    assert.equal(empty.status, 400);
    assert.equal(alertText(await empty.text()), FI.forgot.emailRequired);

    const done = await browser.postForm(`${stack.urls.idp}${forgotPasswordPath}`, { ...form.fields, email: aino.email });
    assert.equal(done.status, 200);
    const doneHtml = await done.text();
    assert.equal(alertText(doneHtml), FI.forgot.done);
    assert.match(doneHtml, /roskapostikansio/);

    const msg = stack.outbox.latest(aino.email, 'password-reset');
    assert.equal(msg.subject, FI.email.reset.subject);
    assert.match(msg.text, /^Hei Aino,/);
    assert.ok(msg.text.includes(FI.email.reset.chooseText));
    assert.match(msg.html, /<html lang="fi">/);
    assert.match(msg.html, /Jos painike ei toimi/);
    assert.doesNotMatch(`${msg.text}${msg.html}`, /Hello|If the button|Choose a new/, 'no English in the email');
    const link = msg.links.find((l) => l.includes('/password/reset/'));
    assert.equal(new URL(link).searchParams.get('lang'), 'fi', 'the link opens the page in Finnish');

    // Opened in another browser (no cookie, an English Accept-Language): the link's language wins.
    const other = createBrowser();
    const reset = await other.request(link, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const resetHtml = await reset.text();
    assert.equal(htmlLang(resetHtml), 'fi');
    assert.equal(heading(resetHtml), FI.reset.title);
    assert.ok(resetHtml.includes(FI.setPassword.rule(10)));
    const resetForm = parseForms(resetHtml).find((f) => f.action?.includes('/password/reset/'));
    const mismatch = await other.postForm(link, { ...resetForm.fields, password: 'Uusi-salasana-1', confirm: 'Uusi-salasana-2' });
    assert.equal(mismatch.status, 400);
    assert.equal(alertText(await mismatch.text()), FI.setPassword.mismatch);
    const short = await other.postForm(link, { ...resetForm.fields, password: 'lyhyt', confirm: 'lyhyt' });
    assert.equal(short.status, 400);
    assert.equal(alertText(await short.text()), `${FI.password.tooShort(10)} ${FI.setPassword.rule(10)}`);
    const ok = await other.postForm(link, { ...resetForm.fields, password: 'Uusi-salasana-1', confirm: 'Uusi-salasana-1' });
    assert.equal(ok.status, 200);
    const okHtml = await ok.text();
    assert.equal(heading(okHtml), FI.reset.doneTitle);
    assert.ok(okHtml.includes(FI.reset.done));
    const used = await other.request(link);
    assert.equal(used.status, 410);
    const usedHtml = await used.text();
    assert.equal(alertText(usedHtml), FI.reset.used);
    assert.match(usedHtml, /<a href="\/password\/forgot">Pyydä uusi linkki<\/a>/);
    await signIn(stack, { username: aino.email, password: 'Uusi-salasana-1' });
  });

  test('the forgot-password page honours lang, and the cookie remembers it', async () => {
    const b = createBrowser();
    const fi = await b.request(`${stack.urls.idp}${forgotPasswordPath}?lang=fi`);
    assert.equal(htmlLang(await fi.text()), 'fi');
    assert.ok(fi.headers.getSetCookie().some((c) => /^idp_lang=fi;.*HttpOnly/i.test(c)), 'remembered');
    const again = await b.request(`${stack.urls.idp}${forgotPasswordPath}`);
    assert.equal(htmlLang(await again.text()), 'fi', 'the cookie');
    const en = await b.request(`${stack.urls.idp}${forgotPasswordPath}?lang=en`);
    const enHtml = await en.text();
    assert.equal(htmlLang(enHtml), 'en');
    assert.equal(heading(enHtml), 'Forgot your password?');
    assert.equal(htmlLang(await (await b.request(`${stack.urls.idp}/`)).text()), 'en', 'the new choice is remembered');
    // English is the default: no lang, no cookie, no Accept-Language.
    const plain = await (await fetch(`${stack.urls.idp}${forgotPasswordPath}`)).text();
    assert.equal(htmlLang(plain), 'en');
    assert.ok(plain.includes(EN.forgot.intro));
    const accept = await (await fetch(`${stack.urls.idp}${forgotPasswordPath}`, { headers: { 'accept-language': 'fi' } })).text();
    assert.equal(htmlLang(accept), 'fi');
  });

  test('the forgot-password page follows ui_locales (es-login\'s link), after lang and before Accept-Language', async () => {
    const page = async (query, headers = {}) => (await fetch(`${stack.urls.idp}${forgotPasswordPath}${query}`, { headers })).text();
    assert.equal(htmlLang(await page('?ui_locales=fi', { 'accept-language': 'en' })), 'fi');
    assert.equal(htmlLang(await page('?ui_locales=en', { 'accept-language': 'fi' })), 'en');
    assert.equal(htmlLang(await page('?ui_locales=sv%20fi-FI')), 'fi', 'the first supported tag of the list');
    assert.equal(htmlLang(await page('?ui_locales=fi&lang=en')), 'en', 'a choice made on the provider\'s own switch wins');
    assert.equal(htmlLang(await page('?ui_locales=xx', { 'accept-language': 'fi' })), 'fi', 'unsupported: Accept-Language decides');
  });

  test('an English forgot-password request sends an English email with an English link', async () => {
    const before = stack.outbox.list().length;
    const res = await fetch(`${stack.urls.idp}${forgotPasswordPath}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
      body: new URLSearchParams({ email: aino.email, lang: 'en' }),
    });
    assert.equal(alertText(await res.text()), EN.forgot.done);
    assert.equal(stack.outbox.list().length, before + 1);
    const msg = stack.outbox.latest(aino.email, 'password-reset');
    assert.equal(msg.subject, EN.email.reset.subject);
    assert.match(msg.text, /^Hello Aino,/);
    assert.equal(new URL(msg.links.find((l) => l.includes('/password/reset/'))).searchParams.get('lang'), 'en');
  });

  test('activation page: lang, then Accept-Language; a Finnish request re-sends a Finnish activation email', async () => {
    const acc = createAccount(stack.db, { email: 'uusi.kayttaja@idp-lang.example', firstName: 'Eero' });
    const link = createActivationLink(stack.db, acc.id, { issuer: stack.urls.idp });
    const fi = await (await fetch(`${link}?lang=fi`)).text();
    assert.equal(htmlLang(fi), 'fi');
    assert.equal(heading(fi), FI.activation.title);
    assert.ok(fi.includes(FI.activation.intro));
    assert.match(fi, /Business Account -tili: <strong>uusi\.kayttaja@idp-lang\.example<\/strong>/);
    assert.equal(htmlLang(await (await fetch(link, { headers: { 'accept-language': 'fi-FI' } })).text()), 'fi');
    const en = await (await fetch(`${link}?lang=en`, { headers: { 'accept-language': 'fi-FI' } })).text();
    assert.equal(htmlLang(en), 'en');
    assert.equal(heading(en), 'Activate your Business Account');
    assert.equal(htmlLang(await (await fetch(link)).text()), 'en', 'English by default');
    const unknown = await fetch(`${stack.urls.idp}/activate/${'A'.repeat(43)}?lang=fi`);
    assert.equal(unknown.status, 404);
    assert.equal(alertText(await unknown.text()), FI.activation.unknown);

    await fetch(`${stack.urls.idp}${forgotPasswordPath}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: acc.email, lang: 'fi' }),
    });
    const msg = stack.outbox.latest(acc.email);
    assert.equal(msg.kind, 'activation');
    assert.equal(msg.subject, FI.email.activation.subject);
    assert.match(msg.text, /^Hei Eero,\n\nSinulle on luotu Business Account -tili/);
    const again = msg.links.find((l) => l.includes('/activate/'));
    assert.equal(new URL(again).searchParams.get('lang'), 'fi');
    const page = createBrowser();
    const form = parseForms(await (await page.request(again)).text()).find((f) => f.action?.includes('/activate/'));
    const done = await page.postForm(again, { ...form.fields, password: 'Eka-salasana-1', confirm: 'Eka-salasana-1' });
    assert.equal(done.status, 200);
    const doneHtml = await done.text();
    assert.equal(heading(doneHtml), FI.activation.doneTitle);
    assert.match(doneHtml, /Siirry tukiportaaliin \(http:\/\/localhost:\d+\)/);
  });
});

describe('account page', () => {
  test('follows the language the person chose on the login page', async () => {
    const acc = createAccount(stack.db, { email: 'tunnus.eri@idp-lang.example', username: 'tunnuseri', password: PW });
    const { browser, loginUrl, form, a } = await openLogin({ uiLocales: 'fi' });
    const post = await browser.postForm(loginUrl, { ...form.fields, username: 'tunnuseri', password: PW });
    assert.equal(post.status, 303);
    await browser.follow(new URL(post.headers.get('location'), loginUrl).href, {}, { stopAt: [a.origin] });
    const page = await browser.request(`${stack.urls.idp}/account`);
    const html = await page.text();
    assert.equal(htmlLang(html), 'fi', 'the cookie set by the ui_locales=fi login page');
    assert.equal(heading(html), FI.account.title);
    assert.ok(html.includes(FI.account.mismatch), 'the username-is-not-the-email guidance');
    const fix = parseForms(html).find((f) => f.fields.useEmail);
    assert.equal(fix.fields.lang, 'fi');
    const done = await browser.postForm(`${stack.urls.idp}/account`, fix.fields);
    assert.equal(done.status, 200);
    assert.equal(alertText(await done.text()), FI.account.usernameNow(acc.email));
    const anon = await (await fetch(`${stack.urls.idp}/account?lang=fi`)).text();
    assert.ok(anon.includes(FI.account.signedOut));
  });
});
