// Identity provider over HTTP: PKCE sign-in through the real login page, tokens, refresh rotation, the login
// errors, inactive accounts, activation and reset links, SSO, sign-out, headers.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import {
  startTestStack, signIn, createBrowser, parseForms, authorizeRequest, exchangeCode, refreshTokens, decodeJwt,
} from './helpers/start-stack.mjs';
import {
  createAccount, createActivationLink, createPasswordResetLink, expireLinkToken, setAccountStatus, findAccountByEmail,
  verifyPassword,
} from '../../demo/server/idp/accounts.mjs';
import { LOGIN_ERROR, TOO_MANY_ATTEMPTS } from '../../demo/server/idp/views.mjs';
import { PORTAL_PAGE_PATHS, forgotPasswordPath } from '../../demo/server/idp/provider.mjs';

const PW = 'Correct-Horse-42';
let stack;
let ada;
let john;
let pending;

function alertText(html) {
  const m = /<div class="alert[^"]*" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  return m ? m[1].trim() : null;
}

/** Opens the login page of a fresh authorization request. */
async function openLogin(s = stack, { clientIndex = 0, browser = createBrowser() } = {}) {
  const a = authorizeRequest(s, { clientIndex });
  const { res, url } = await browser.follow(a.url, {}, { stopAt: [a.origin] });
  const html = await res.text();
  const form = parseForms(html).find((f) => f.action?.endsWith('/login'));
  return { a, res, url, html, form, browser, loginUrl: form && new URL(form.action, url).href };
}

async function postLogin(username, password) {
  const { browser, loginUrl } = await openLogin();
  const res = await browser.postForm(loginUrl, { username, password });
  return { res, html: await res.text() };
}

before(async () => {
  stack = await startTestStack({ seed: 'none' });
  ada = createAccount(stack.db, { email: 'ada.lovelace@idp-test.example', firstName: 'Ada', lastName: 'Lovelace', password: PW });
  john = createAccount(stack.db, { email: 'john.smith@idp-test.example', username: 'jsmith', firstName: 'John', lastName: 'Smith', password: PW });
  pending = createAccount(stack.db, { email: 'new.person@idp-test.example', firstName: 'New', lastName: 'Person' });
});
after(async () => { await stack?.cleanup(); });

describe('sign-in with PKCE', () => {
  test('login page, code, token exchange: a JWT access token for the API and a refresh token', async () => {
    const { html, form, res, browser, loginUrl, a } = await openLogin();
    assert.equal(res.status, 200);
    assert.match(html, /<label for="username">Email address \(username\)<\/label>/);
    assert.match(html, /Forgot your password\?/);
    assert.ok(form, 'login form present');

    const post = await browser.postForm(loginUrl, { username: ada.email, password: PW });
    assert.equal(post.status, 303);
    const { url } = await browser.follow(new URL(post.headers.get('location'), loginUrl).href, {}, { stopAt: [a.origin] });
    assert.ok(url.startsWith(a.redirectUri), `back on the portal page: ${url}`);
    const code = new URL(url).searchParams.get('code');
    assert.ok(code);

    const { res: tr, body } = await exchangeCode(stack, { code, verifier: a.verifier, redirectUri: a.redirectUri, client: a.client });
    assert.equal(tr.status, 200, JSON.stringify(body));
    assert.equal(tr.headers.get('access-control-allow-origin'), a.origin, 'CORS for the registered portal origin');
    assert.ok(body.refresh_token, 'refresh token issued without offline_access');
    assert.equal(body.token_type, 'Bearer');

    const jwks = createRemoteJWKSet(new URL('/jwks', stack.urls.idp));
    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks, { issuer: stack.urls.idp, audience: stack.resource });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.sub, ada.id);
    assert.equal(payload.client_id, 'portal-a');
    assert.ok(payload.exp - payload.iat <= 300 && payload.exp - payload.iat > 0);

    const id = decodeJwt(body.id_token);
    assert.equal(id.email, ada.email);
    assert.equal(id.given_name, 'Ada');
    assert.equal(id.preferred_username, ada.email);
  });

  test('a code exchanged with the wrong code_verifier is refused', async () => {
    const { browser, loginUrl, a } = await openLogin();
    const post = await browser.postForm(loginUrl, { username: ada.email, password: PW });
    const { url } = await browser.follow(new URL(post.headers.get('location'), loginUrl).href, {}, { stopAt: [a.origin] });
    const code = new URL(url).searchParams.get('code');
    const { res, body } = await exchangeCode(stack, { code, verifier: 'x'.repeat(43), redirectUri: a.redirectUri, client: a.client });
    assert.equal(res.status, 400);
    assert.equal(body.error, 'invalid_grant');
  });

  test('an authorization request without PKCE is refused', async () => {
    const a = authorizeRequest(stack);
    const u = new URL(a.url);
    u.searchParams.delete('code_challenge');
    u.searchParams.delete('code_challenge_method');
    const { url } = await createBrowser().follow(u.href, {}, { stopAt: [a.origin] });
    const back = new URL(url);
    assert.equal(back.origin, a.origin);
    assert.equal(back.searchParams.get('error'), 'invalid_request');
    assert.equal(back.searchParams.get('code'), null);
  });

  test('an unregistered redirect URI is refused (no redirect to it)', async () => {
    const a = authorizeRequest(stack);
    const u = new URL(a.url);
    u.searchParams.set('redirect_uri', 'http://evil.example/cb');
    const res = await fetch(u, { redirect: 'manual' });
    assert.equal(res.status, 400);
    assert.ok(!res.headers.get('location'));
  });

  test('every demo page path is a registered redirect URI on both portals', async () => {
    for (const [i] of stack.clients.entries()) {
      for (const path of PORTAL_PAGE_PATHS) {
        const a = authorizeRequest(stack, { clientIndex: i, path });
        const res = await fetch(a.url, { redirect: 'manual' });
        assert.equal(res.status, 303, `${stack.clients[i].client_id} ${path}`);
        assert.match(res.headers.get('location'), /\/interaction\//);
      }
    }
  });

  test('the token endpoint does not allow CORS for an unregistered origin', async () => {
    // Preflights are answered for any origin; the real request is checked against the client's origin.
    const t = await signIn(stack, { username: ada.email, password: PW });
    const res = await fetch(new URL('/token', stack.urls.idp), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: t.refreshToken, client_id: 'portal-a' }),
    });
    assert.notEqual(res.headers.get('access-control-allow-origin'), 'http://evil.example');
    assert.equal(res.status, 400);
    // Portal B's origin is not portal A's either.
    const res2 = await fetch(new URL('/token', stack.urls.idp), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.clients[1].origin },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: t.refreshToken, client_id: 'portal-a' }),
    });
    assert.equal(res2.headers.get('access-control-allow-origin'), null);
  });

  test('the username that is not the email (jsmith) signs in, and so does that email', async () => {
    const t1 = await signIn(stack, { username: 'jsmith', password: PW });
    assert.equal(decodeJwt(t1.accessToken).sub, john.id);
    assert.equal(decodeJwt(t1.idToken).preferred_username, 'jsmith');
    const t2 = await signIn(stack, { username: 'JOHN.SMITH@idp-test.example', password: PW });
    assert.equal(decodeJwt(t2.accessToken).sub, john.id);
  });

  test('cancel on the login page returns access_denied to the portal', async () => {
    const { html, browser, url, a } = await openLogin();
    const abort = parseForms(html).find((f) => f.action?.endsWith('/abort'));
    const res = await browser.postForm(new URL(abort.action, url).href, {});
    const { url: back } = await browser.follow(new URL(res.headers.get('location'), url).href, {}, { stopAt: [a.origin] });
    assert.equal(new URL(back).searchParams.get('error'), 'access_denied');
  });
});

describe('login errors', () => {
  test('wrong password and unknown email give the same message', async () => {
    const wrong = await postLogin(ada.email, 'not-the-password');
    const unknown = await postLogin('nobody@idp-test.example', 'not-the-password');
    assert.equal(wrong.res.status, 401);
    assert.equal(unknown.res.status, 401);
    assert.equal(alertText(wrong.html), LOGIN_ERROR);
    assert.equal(alertText(unknown.html), LOGIN_ERROR);
    assert.equal(LOGIN_ERROR, 'The email address or password is not correct.');
  });

  test('an inactive account cannot sign in, with the same message', async () => {
    const never = await postLogin(pending.email, PW);
    assert.equal(never.res.status, 401);
    assert.equal(alertText(never.html), LOGIN_ERROR);

    const off = createAccount(stack.db, { email: 'switched.off@idp-test.example', password: PW });
    setAccountStatus(stack.db, off.id, 'inactive');
    const r = await postLogin(off.email, PW);
    assert.equal(r.res.status, 401);
    assert.equal(alertText(r.html), LOGIN_ERROR);
    setAccountStatus(stack.db, off.id, 'active');
    const ok = await postLogin(off.email, PW);
    assert.equal(ok.res.status, 303, 'the same credentials work once active');
  });

  test('after 10 failures an identifier is locked for a while, known or not', async () => {
    const acc = createAccount(stack.db, { email: 'brute.forced@idp-test.example', password: PW });
    for (const id of [acc.email, 'not.a.user@idp-test.example']) {
      for (let i = 0; i < 10; i++) assert.equal((await postLogin(id, `wrong-${i}`)).res.status, 401);
      const locked = await postLogin(id, PW);
      assert.equal(locked.res.status, 429);
      assert.equal(alertText(locked.html), TOO_MANY_ATTEMPTS);
    }
    assert.equal((await postLogin(ada.email, PW)).res.status, 303, 'other accounts are not affected');
  });

  test('the typed username is kept and escaped', async () => {
    const r = await postLogin('"><script>alert(1)</script>', 'x');
    assert.doesNotMatch(r.html, /<script>alert/);
    assert.match(r.html, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  });
});

describe('refresh tokens', () => {
  test('rotate; reusing a used refresh token is refused', async () => {
    const t = await signIn(stack, { username: ada.email, password: PW });
    const r1 = await refreshTokens(stack, { refreshToken: t.refreshToken });
    assert.equal(r1.res.status, 200, JSON.stringify(r1.body));
    assert.ok(r1.body.refresh_token);
    assert.notEqual(r1.body.refresh_token, t.refreshToken, 'a new refresh token');
    assert.equal(decodeJwt(r1.body.access_token).aud, stack.resource, 'renewed access token keeps the audience');

    const reuse = await refreshTokens(stack, { refreshToken: t.refreshToken });
    assert.equal(reuse.res.status, 400);
    assert.equal(reuse.body.error, 'invalid_grant');
    // Reuse is treated as theft: the whole grant is revoked.
    const after = await refreshTokens(stack, { refreshToken: r1.body.refresh_token });
    assert.equal(after.body.error, 'invalid_grant');
  });

  test('a refresh token stops working when the account becomes inactive', async () => {
    const acc = createAccount(stack.db, { email: 'soon.off@idp-test.example', password: PW });
    const t = await signIn(stack, { username: acc.email, password: PW });
    setAccountStatus(stack.db, acc.id, 'inactive');
    const r = await refreshTokens(stack, { refreshToken: t.refreshToken });
    assert.equal(r.body.error, 'invalid_grant');
  });
});

describe('activation link', () => {
  test('sets the first password once; the account can then sign in', async () => {
    const acc = createAccount(stack.db, { email: 'activate.me@idp-test.example', firstName: 'Ava' });
    assert.equal(acc.status, 'inactive');
    const link = createActivationLink(stack.db, acc.id, { issuer: stack.urls.idp });
    assert.ok(link.startsWith(`${stack.urls.idp}/activate/`));
    const b = createBrowser();
    const page = await b.request(link);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /at least 10 characters/);
    assert.match(html, /activate\.me@idp-test\.example/);

    const mismatch = await b.postForm(link, { password: 'Long-enough-1', confirm: 'Long-enough-2' });
    assert.equal(mismatch.status, 400);
    assert.match(await mismatch.text(), /not the same/);
    const short = await b.postForm(link, { password: 'short', confirm: 'short' });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /at least 10 characters/);

    const ok = await b.postForm(link, { password: 'First-password-1', confirm: 'First-password-1' });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /active/);
    assert.equal(findAccountByEmail(stack.db, acc.email).status, 'active');
    const t = await signIn(stack, { username: acc.email, password: 'First-password-1' });
    assert.equal(decodeJwt(t.accessToken).sub, acc.id);

    const again = await b.request(link);
    assert.equal(again.status, 410);
    assert.match(await again.text(), /already been used/);
    const again2 = await b.postForm(link, { password: 'Other-password-1', confirm: 'Other-password-1' });
    assert.equal(again2.status, 410);
    assert.ok(verifyPassword(stack.db, acc.email, 'First-password-1'), 'the second use changed nothing');
  });

  test('a made-up token is not valid', async () => {
    const res = await fetch(`${stack.urls.idp}/activate/${'A'.repeat(43)}`);
    assert.equal(res.status, 404);
    assert.match(await res.text(), /not valid/);
  });
});

describe('forgot password', () => {
  test('reset email in the outbox -> link -> new password works once; the old one stops working', async () => {
    const acc = createAccount(stack.db, { email: 'forgetful@idp-test.example', firstName: 'Fred', password: PW });
    const before = await signIn(stack, { username: acc.email, password: PW });
    const b = createBrowser();
    const page = await b.request(`${stack.urls.idp}${forgotPasswordPath}`);
    assert.equal(page.status, 200);
    const form = parseForms(await page.text()).find((f) => f.action === forgotPasswordPath);
    assert.ok(form);
    const res = await b.postForm(`${stack.urls.idp}${forgotPasswordPath}`, { email: acc.email });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /If an account exists for that email, we sent a link/);

    const msg = stack.outbox.latest(acc.email, 'password-reset');
    assert.ok(msg, 'password-reset email in the outbox');
    assert.equal(msg.to, acc.email);
    const link = msg.links.find((l) => l.includes('/password/reset/'));
    assert.ok(link);
    assert.ok(msg.text.includes(link));

    const form2 = await b.request(link);
    assert.equal(form2.status, 200);
    const done = await b.postForm(link, { password: 'Brand-new-pass-7', confirm: 'Brand-new-pass-7' });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /password has been changed/);

    assert.equal((await refreshTokens(stack, { refreshToken: before.refreshToken })).body.error, 'invalid_grant',
      'a reset signs the account out everywhere');
    const t = await signIn(stack, { username: acc.email, password: 'Brand-new-pass-7' });
    assert.equal(decodeJwt(t.accessToken).sub, acc.id);
    await assert.rejects(signIn(stack, { username: acc.email, password: PW }), (e) => e.status === 401);

    const twice = await b.request(link);
    assert.equal(twice.status, 410);
    const text = await twice.text();
    assert.match(text, /already been used/);
    assert.match(text, /href="\/password\/forgot"/, 'a link to ask again');
  });

  test('an unknown email gets the same answer and no email', async () => {
    const before = stack.outbox.list().length;
    const res = await fetch(`${stack.urls.idp}${forgotPasswordPath}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'nobody.here@idp-test.example' }),
    });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /If an account exists for that email, we sent a link/);
    assert.equal(stack.outbox.list().length, before);
  });

  test('a never-activated account gets a fresh activation link instead', async () => {
    const acc = createAccount(stack.db, { email: 'never.activated@idp-test.example' });
    await fetch(`${stack.urls.idp}${forgotPasswordPath}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: acc.email }),
    });
    const msg = stack.outbox.latest(acc.email);
    assert.equal(msg?.kind, 'activation');
    assert.ok(msg.links.some((l) => l.includes('/activate/')));
  });

  test('an expired reset link fails with a clear message', async () => {
    const link = createPasswordResetLink(stack.db, ada.id, { issuer: stack.urls.idp });
    assert.ok(expireLinkToken(stack.db, link.split('/').pop()));
    const res = await fetch(link);
    assert.equal(res.status, 410);
    assert.match(await res.text(), /expired/);
    const post = await fetch(link, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ password: 'Another-pass-99', confirm: 'Another-pass-99' }),
    });
    assert.equal(post.status, 410);
    assert.ok(verifyPassword(stack.db, ada.email, PW), 'password unchanged');
  });

  test('only the newest reset link works', async () => {
    const first = createPasswordResetLink(stack.db, ada.id, { issuer: stack.urls.idp });
    const second = createPasswordResetLink(stack.db, ada.id, { issuer: stack.urls.idp });
    assert.equal((await fetch(first)).status, 410);
    assert.equal((await fetch(second)).status, 200);
  });
});

describe('sessions', () => {
  test('single sign-on: the second portal gets a code without the login page', async () => {
    const t = await signIn(stack, { username: ada.email, password: PW, clientIndex: 0 });
    const a = authorizeRequest(stack, { clientIndex: 1 });
    const { url } = await t.browser.follow(a.url, {}, { stopAt: [a.origin] });
    assert.ok(url.startsWith(a.redirectUri), `straight back to portal B: ${url}`);
    const code = new URL(url).searchParams.get('code');
    const { body } = await exchangeCode(stack, { code, verifier: a.verifier, redirectUri: a.redirectUri, client: a.client });
    assert.equal(decodeJwt(body.access_token).sub, ada.id);
    assert.equal(decodeJwt(body.access_token).client_id, 'portal-b');
  });

  test('RP-initiated logout ends the provider session for both portals', async () => {
    const t = await signIn(stack, { username: ada.email, password: PW, clientIndex: 0 });
    const b = t.browser;
    const tB = await signIn(stack, { browser: b, clientIndex: 1 });
    const origin = stack.clients[0].origin;
    const end = new URL('/session/end', stack.urls.idp);
    end.search = new URLSearchParams({ id_token_hint: t.idToken, post_logout_redirect_uri: `${origin}/portal.html`, state: 'bye' }).toString();
    const page = await b.request(end.href);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /data-auto-submit="true"/);
    assert.match(html, /<script src="\/assets\/logout\.js"/);
    const form = parseForms(html).find((f) => f.id === 'op.logoutForm');
    const confirm = await b.postForm(new URL(form.action, end).href, { ...form.fields, logout: 'yes' });
    assert.equal(confirm.status, 303);
    const back = new URL(confirm.headers.get('location'));
    assert.equal(`${back.origin}${back.pathname}`, `${origin}/portal.html`);
    assert.equal(back.searchParams.get('state'), 'bye');

    for (const clientIndex of [0, 1]) {
      const a = authorizeRequest(stack, { clientIndex });
      const { url } = await b.follow(a.url, {}, { stopAt: [a.origin] });
      assert.match(url, /\/interaction\//, `portal ${clientIndex} must show the login page again`);
    }
    assert.equal((await refreshTokens(stack, { refreshToken: t.refreshToken })).body.error, 'invalid_grant');
    assert.equal((await refreshTokens(stack, { refreshToken: tB.refreshToken, clientIndex: 1 })).body.error, 'invalid_grant');
  });

  test('sign-out without a provider session still returns to the portal (auto-post allowed by a CSP hash)', async () => {
    const origin = stack.clients[0].origin;
    const end = new URL('/session/end', stack.urls.idp);
    end.search = new URLSearchParams({ client_id: 'portal-a', post_logout_redirect_uri: `${origin}/portal.html` }).toString();
    const b = createBrowser();
    const res = await b.request(end.href);
    assert.equal(res.status, 200);
    const html = await res.text();
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
    assert.ok(inline, 'the provider auto-posts with a small inline script');
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(inline).digest('base64');
    const csp = res.headers.get('content-security-policy');
    assert.ok(csp.includes(`'sha256-${hash}'`), `CSP allows exactly that script: ${csp}`);
    assert.match(csp, /frame-ancestors 'none'/);
    const form = parseForms(html)[0];
    const confirm = await b.postForm(new URL(form.action, end).href, form.fields);
    assert.equal(confirm.status, 303);
    assert.equal(confirm.headers.get('location'), `${origin}/portal.html`);
  });

  test('prompt=none without a session answers login_required to the portal', async () => {
    const a = authorizeRequest(stack, { prompt: 'none' });
    const { url } = await createBrowser().follow(a.url, {}, { stopAt: [a.origin] });
    assert.equal(new URL(url).searchParams.get('error'), 'login_required');
  });
});

describe('account page', () => {
  test('a signed-in user whose username is not the email can switch to the email', async () => {
    const acc = createAccount(stack.db, { email: 'mismatch.user@idp-test.example', username: 'muser', firstName: 'Mia', password: PW });
    const anon = await fetch(`${stack.urls.idp}/account`);
    assert.equal(anon.status, 401);
    assert.match(await anon.text(), /not signed in/);

    const t = await signIn(stack, { username: 'muser', password: PW });
    const page = await t.browser.request(`${stack.urls.idp}/account`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<dd id="current-username">muser<\/dd>/);
    assert.match(html, /Your username is not your email address/);
    const form = parseForms(html).find((f) => f.fields.useEmail);
    assert.ok(form?.fields.csrf);

    const forged = await t.browser.postForm(`${stack.urls.idp}/account`, { useEmail: '1', csrf: 'x'.repeat(43) });
    assert.equal(forged.status, 403);
    const taken = await t.browser.postForm(`${stack.urls.idp}/account`, { username: ada.email, csrf: form.fields.csrf });
    assert.equal(taken.status, 409);
    const done = await t.browser.postForm(`${stack.urls.idp}/account`, form.fields);
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Your username is now mismatch\.user@idp-test\.example/);
    assert.equal(findAccountByEmail(stack.db, acc.email).username, acc.email);
    assert.equal((await postLogin('muser', PW)).res.status, 401, 'the old username is gone');
    const t2 = await signIn(stack, { username: acc.email, password: PW });
    assert.equal(decodeJwt(t2.idToken).preferred_username, acc.email);
  });
});

describe('headers and pages', () => {
  test('provider pages refuse framing and carry a CSP without inline code', async () => {
    const { res, html } = await openLogin();
    for (const r of [res, await fetch(`${stack.urls.idp}${forgotPasswordPath}`), await fetch(`${stack.urls.idp}/.well-known/openid-configuration`)]) {
      const csp = r.headers.get('content-security-policy');
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /default-src 'self'/);
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
    }
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline style');
    const css = await fetch(`${stack.urls.idp}/assets/idp.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type'), /text\/css/);
  });

  test('the discovery document advertises S256 only and the revocation endpoint', async () => {
    const d = await (await fetch(`${stack.urls.idp}/.well-known/openid-configuration`)).json();
    assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
    assert.ok(d.revocation_endpoint);
    assert.ok(d.end_session_endpoint);
    assert.equal(d.issuer, stack.urls.idp);
  });

  test('revoking a refresh token makes it unusable', async () => {
    const t = await signIn(stack, { username: ada.email, password: PW });
    const origin = stack.clients[0].origin;
    const r = await fetch(`${stack.urls.idp}/token/revocation`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ token: t.refreshToken, token_type_hint: 'refresh_token', client_id: 'portal-a' }),
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), origin);
    assert.equal((await refreshTokens(stack, { refreshToken: t.refreshToken })).body.error, 'invalid_grant');
  });

  test('revoking a JWT access token answers 200 (oidc-client-ts revokes it first on sign-out)', async () => {
    const t = await signIn(stack, { username: ada.email, password: PW });
    const origin = stack.clients[0].origin;
    const r = await fetch(`${stack.urls.idp}/token/revocation`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ token: t.accessToken, token_type_hint: 'access_token', client_id: 'portal-a' }),
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), origin);
  });
});
