import { expect, waitUntil } from '@open-wc/testing';
import type { UserManager, UserManagerSettings } from 'oidc-client-ts';
import { validateConfig } from '../../src/core/config.js';
import type { TokenStorage } from '../../src/core/config.types.js';
import { loadOidc, type OidcModule } from '../../src/core/oidc-loader.js';
import { createSession, POPUP_WINDOW_NAME, silentSignInKey, type OidcSession, type SessionDeps } from '../../src/core/session.js';
import { withLock } from '../../src/core/session-lock.js';
import { classifySessionError } from '../../src/core/session-impl.js';
import { mockBase, requests, script, uniqueKey } from './mock.js';
import { FakeNavigator } from '../helpers/fake-navigator.js';

const b64url = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const idToken = (claims: Record<string, unknown>) => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2ln`;
const nowS = () => Math.floor(Date.now() / 1000);


const sessions: OidcSession[] = [];
let originalUrl = '';

function setup(tokenStorage: TokenStorage = 'memory', extra: SessionDeps = {}) {
  const key = uniqueKey('oidc');
  const authority = mockBase(key);
  const clientId = `client-${key}`;
  const config = validateConfig({ apiUrl: 'http://api.test/api/v1', authority, clientId, tokenStorage, resource: 'http://api.test/api/v1' });
  const metadata = {
    issuer: authority, authorization_endpoint: `${authority}/auth`, token_endpoint: `${authority}/token`,
    revocation_endpoint: `${authority}/revoke`, end_session_endpoint: `${authority}/end`,
  };
  const nav = new FakeNavigator();
  let loads = 0;
  const deps: SessionDeps = {
    peerWaitMs: 0,
    settings: { metadata },
    loadOidc: () => { loads += 1; return loadOidc(); },
    userManagerFactory: (s: UserManagerSettings, oidc: OidcModule) => new oidc.UserManager(s, nav as never),
    ...extra,
  };
  const make = (more: SessionDeps = {}) => { const s = createSession(config, { ...deps, ...more }); sessions.push(s); return s; };
  const user = (over: Record<string, unknown> = {}) => ({
    access_token: 'at-1', refresh_token: 'rt-1', token_type: 'Bearer', scope: 'openid profile email',
    id_token: idToken({ sub: 'u-anna', email: 'anna.virtanen@nordicbank.example' }),
    profile: { sub: 'u-anna', email: 'anna.virtanen@nordicbank.example', name: 'Anna Virtanen', preferred_username: 'anna.virtanen@nordicbank.example' },
    expires_at: nowS() + 3600, ...over,
  });
  const userKey = `oidc.user:${authority}:${clientId}`;
  /** Plays "another tab" on the session channel. */
  const peer = () => new BroadcastChannel(`eservice-widgets-session:${clientId}`);
  /** Opens `count` tabs and signs them in the way a real second tab does: a peer shares `shared` on the channel. */
  const signedIn = async (count = 1, shared = user()) => {
    const tabs = Array.from({ length: count }, () => make());
    await Promise.all(tabs.map((tab) => tab.ready));
    const ch = peer();
    ch.postMessage({ v: 1, type: 'user', from: 'test', user: JSON.stringify(shared) });
    ch.close();
    await waitUntil(() => tabs.every((tab) => tab.state.status === 'signed-in'), 'the tabs adopt the shared session');
    return tabs;
  };
  return { key, authority, clientId, config, nav, make, user, userKey, peer, signedIn, loads: () => loads };
}

const tokenAnswer = (at: string, rt: string, extra: Record<string, unknown> = {}) => ({
  json: { access_token: at, refresh_token: rt, token_type: 'Bearer', expires_in: 3600, scope: 'openid profile email', ...extra },
});

describe('session', () => {
  beforeEach(() => { originalUrl = location.href; });
  afterEach(() => {
    sessions.splice(0).forEach((s) => s.dispose());
    history.replaceState(null, '', originalUrl);
    window.name = '';
  });

  it('without authority stays signed out, never loads oidc-client-ts, and reports sign-in as not configured', async () => {
    let loads = 0;
    const s = createSession(validateConfig({ apiUrl: 'http://api.test/api/v1' }), { loadOidc: () => { loads += 1; return loadOidc(); } });
    sessions.push(s);
    await s.ready;
    expect(s.state.status).to.equal('signed-out');
    expect(await s.getAccessToken()).to.equal(null);
    expect(await s.renew()).to.equal(null);
    await s.signIn();
    expect(s.state.status).to.equal('error');
    expect(s.state.error?.message).to.contain('authority');
    expect(loads).to.equal(0);
  });

  it('a public page (no callback, nothing stored) does not download oidc-client-ts', async () => {
    const t = setup('session');
    const s = t.make();
    await s.ready;
    expect(s.state.status).to.equal('signed-out');
    expect(await s.getAccessToken()).to.equal(null);
    expect(t.loads()).to.equal(0);
  });

  it('restores a stored session without loading oidc-client-ts until a renewal is due', async () => {
    const t = setup('session');
    sessionStorage.setItem(t.userKey, JSON.stringify(t.user()));
    try {
      const s = t.make();
      await s.ready;
      expect(s.state.status).to.equal('signed-in');
      expect(s.state.user).to.include({ sub: 'u-anna', email: 'anna.virtanen@nordicbank.example', name: 'Anna Virtanen' });
      expect(await s.getAccessToken()).to.equal('at-1');
      expect(t.loads()).to.equal(0);
    } finally { sessionStorage.removeItem(t.userKey); }
  });

  it('a stored session whose access token expired is renewed at start (reload after a while)', async () => {
    const t = setup('session');
    sessionStorage.setItem(t.userKey, JSON.stringify(t.user({ expires_at: nowS() - 30 })));
    await script(t.key, [tokenAnswer('at-reloaded', 'rt-2')]);
    try {
      const s = t.make();
      await s.ready;
      expect(s.state.status).to.equal('signed-in');
      expect(await s.getAccessToken()).to.equal('at-reloaded');
      expect(JSON.parse(sessionStorage.getItem(t.userKey)!).refresh_token).to.equal('rt-2');
    } finally { sessionStorage.removeItem(t.userKey); }
  });

  it('recover(): a top-level prompt=none redirect; "login_required" comes back as a quiet signed-out', async () => {
    const t = setup('session');
    const first = t.make();
    await first.ready;
    await first.recover();
    const auth = new URL(t.nav.urls[0]);
    expect(auth.searchParams.get('prompt')).to.equal('none');
    const state = auth.searchParams.get('state')!;
    first.dispose();
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}error=login_required&state=${state}`);
    const s = t.make();
    await s.ready;
    expect(s.state).to.deep.equal({ status: 'signed-out', user: null, error: null });
    expect(location.search).to.not.contain('login_required');
  });

  describe('silent sign-in on arrival (silentSignIn)', () => {
    let key = '';
    afterEach(() => { if (key) sessionStorage.removeItem(key); key = ''; });

    it('one prompt=none redirect per tab; "login_required" comes back signed out and starts no second one', async () => {
      const t = setup('session');
      key = silentSignInKey(t.config);
      const first = t.make();
      await first.ready;
      const attempt = first.trySilentSignIn();
      expect(first.trySilentSignIn()).to.equal(attempt, 'a second call joins the first');
      expect(await attempt).to.equal(true);
      expect(first.state.status).to.equal('signing-in');
      expect(t.nav.urls).to.have.length(1);
      const auth = new URL(t.nav.urls[0]!);
      expect(auth.searchParams.get('prompt')).to.equal('none');
      expect(sessionStorage.getItem(key), 'the attempt is remembered before the page leaves').to.be.a('string');
      // The provider answers that nobody is signed in there: the page loads again with the error in its URL.
      first.dispose();
      history.replaceState(null, '', `${location.pathname}?error=login_required&state=${auth.searchParams.get('state')}`);
      const back = t.make();
      await back.ready;
      expect(back.state).to.deep.equal({ status: 'signed-out', user: null, error: null });
      expect(await back.trySilentSignIn()).to.equal(false);
      expect(t.nav.urls, 'no redirect loop').to.have.length(1);
    });

    it('called at once, as es-provider does: "signing-in" meanwhile (no sign-in button flashes), and a stored session wins without a redirect', async () => {
      const t = setup('session');
      key = silentSignInKey(t.config);
      sessionStorage.setItem(t.userKey, JSON.stringify(t.user()));
      try {
        const s = t.make();
        const attempt = s.trySilentSignIn();
        expect(s.state.status).to.equal('signing-in');
        expect(await attempt).to.equal(false);
        expect(s.state.status).to.equal('signed-in');
        expect(t.nav.urls).to.deep.equal([]);
        expect(sessionStorage.getItem(key), 'nothing tried, nothing remembered').to.equal(null);
      } finally { sessionStorage.removeItem(t.userKey); }

      const anonymous = setup('session');
      const k2 = silentSignInKey(anonymous.config);
      try {
        const s = anonymous.make();
        const attempt = s.trySilentSignIn();
        expect(s.state.status).to.equal('signing-in');
        expect(await attempt).to.equal(true);
        expect(anonymous.nav.urls).to.have.length(1);
      } finally { sessionStorage.removeItem(k2); }
    });

    it('not while signed in, not in the sign-in popup, not after a sign-out in this tab', async () => {
      const t = setup('session');
      key = silentSignInKey(t.config);
      const [signedIn] = await t.signedIn(1);
      expect(await signedIn!.trySilentSignIn()).to.equal(false);
      signedIn!.dispose();
      sessionStorage.removeItem(t.userKey);

      window.name = POPUP_WINDOW_NAME;
      const popup = t.make();
      await popup.ready;
      expect(await popup.trySilentSignIn()).to.equal(false);
      window.name = '';

      const out = t.make();
      await out.ready;
      await out.signOut();
      expect(sessionStorage.getItem(key)).to.equal('signed-out');
      const next = t.make();
      await next.ready;
      expect(await next.trySilentSignIn()).to.equal(false);
      expect(t.nav.urls, 'no redirect at all').to.deep.equal([]);
    });

    it('a provider that cannot be reached ends signed out without an error: nobody asked to sign in', async () => {
      const t = setup('session', { loadOidc: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) });
      key = silentSignInKey(t.config);
      const s = t.make();
      await s.ready;
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...a: unknown[]) => { warnings.push(a.map(String).join(' ')); };
      try {
        expect(await s.trySilentSignIn()).to.equal(false);
      } finally { console.warn = original; }
      expect(s.state).to.deep.equal({ status: 'signed-out', user: null, error: null });
      expect(t.nav.urls).to.deep.equal([]);
      expect(warnings.filter((w) => w.includes('silent sign-in could not start')), 'still told to the developer').to.have.length(1);
    });

    it('storage that refuses the mark: sign-out still signs out, and no silent attempt is made (it could not be remembered)', async () => {
      const t = setup('session');
      key = silentSignInKey(t.config);
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, k: string, v: string) {
        if (k === key) throw new DOMException('quota', 'QuotaExceededError');
        return setItem.call(this, k, v);
      };
      try {
        const s = t.make();
        await s.ready;
        await s.signOut();
        expect(s.state).to.deep.equal({ status: 'signed-out', user: null, error: null });
        expect(await s.trySilentSignIn()).to.equal(false);
        expect(s.state.status).to.equal('signed-out', 'the "signing-in" placeholder is taken back');
        expect(t.nav.urls).to.deep.equal([]);
      } finally { Storage.prototype.setItem = setItem; }
    });

    it('a sign-in clears the mark, so a memory-mode tab signs in silently again after a reload', async () => {
      const t = setup('memory');
      key = silentSignInKey(t.config);
      sessionStorage.setItem(key, '1');
      await t.signedIn(1);
      expect(sessionStorage.getItem(key)).to.equal(null);
    });
  });

  it('redirect sign-in: PKCE + resource in the request, callback handled on the page, URL cleaned and deep link restored', async () => {
    const t = setup('session');
    const first = t.make();
    await first.ready;
    const returnTo = `${location.origin}${location.pathname}${location.search}#/cases/42`;
    await first.signIn({ returnTo });
    expect(first.state.status).to.equal('signing-in');
    expect(t.nav.urls).to.have.length(1);
    const auth = new URL(t.nav.urls[0]);
    expect(auth.pathname).to.match(/\/auth$/);
    expect(auth.searchParams.get('response_type')).to.equal('code');
    expect(auth.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(auth.searchParams.get('code_challenge')).to.be.a('string');
    expect(auth.searchParams.get('resource')).to.equal('http://api.test/api/v1');
    expect(auth.searchParams.get('client_id')).to.equal(t.clientId);
    const state = auth.searchParams.get('state')!;
    first.dispose();

    await script(t.key, [tokenAnswer('at-1', 'rt-1', {
      id_token: idToken({ sub: 'u-anna', email: 'anna.virtanen@nordicbank.example', name: 'Anna Virtanen', preferred_username: 'anna.virtanen@nordicbank.example', aud: t.clientId, iss: t.authority, iat: nowS(), exp: nowS() + 300 }),
    })]);
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}code=the-code&state=${state}&iss=x`);
    const s = t.make();
    await s.ready;
    try {
      expect(s.state.status).to.equal('signed-in');
      expect(s.state.user?.email).to.equal('anna.virtanen@nordicbank.example');
      expect(location.href).to.equal(returnTo);
      expect(location.search).to.not.contain('code=');
      const [tokenReq] = await requests(t.key);
      const body = new URLSearchParams(tokenReq.body);
      expect(body.get('grant_type')).to.equal('authorization_code');
      expect(body.get('code')).to.equal('the-code');
      expect(body.get('code_verifier')).to.have.length.greaterThan(40);
      expect(await s.getAccessToken()).to.equal('at-1');
    } finally { sessionStorage.removeItem(t.userKey); }
  });

  it('"No matching state found in storage" becomes state-mismatch with a clean URL', async () => {
    const t = setup('session');
    const keep = location.search;
    history.replaceState(null, '', `${location.pathname}${keep}${keep ? '&' : '?'}code=old-code&state=not-ours#/kb`);
    const s = t.make();
    await s.ready;
    expect(s.state.status).to.equal('error');
    expect(s.state.error?.code).to.equal('state-mismatch');
    expect(s.state.error?.message).to.match(/sign in again/i);
    expect(location.search).to.equal(keep);
    expect(location.hash).to.equal('#/kb');
    s.clearError();
    expect(s.state).to.deep.equal({ status: 'signed-out', user: null, error: null });
  });

  it('access_denied in the callback becomes cancelled', async () => {
    const t = setup('session');
    const first = t.make();
    await first.signIn();
    const state = new URL(t.nav.urls[0]).searchParams.get('state')!;
    first.dispose();
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}error=access_denied&state=${state}`);
    const s = t.make();
    await s.ready;
    expect(s.state.error?.code).to.equal('cancelled');
    expect(location.search).to.not.contain('error=');
  });

  it('in the sign-in popup, hands the answer to the opener (signinPopupCallback)', async () => {
    const calls: string[] = [];
    const t = setup('session', {
      userManagerFactory: () => ({ signinPopupCallback: async (url: string) => { calls.push(url); } }) as unknown as UserManager,
    });
    window.name = POPUP_WINDOW_NAME;
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}code=c&state=s-popup`);
    const s = t.make();
    await s.ready;
    expect(calls).to.have.length(1);
    expect(calls[0]).to.contain('state=s-popup');
    expect(s.state.status).to.equal('signing-in');
  });

  it('one lock: two tabs renewing at once send ONE refresh; the other adopts the new tokens', async () => {
    const t = setup('memory');
    const [a, b] = await t.signedIn(2);
    await script(t.key, [{ ...tokenAnswer('at-2', 'rt-2'), delayMs: 150 }]);
    const [ta, tb] = await Promise.all([a.renew(), b.renew()]);
    expect(ta).to.equal('at-2');
    expect(tb).to.equal('at-2');
    const log = (await requests(t.key)).filter((r) => r.path === '/token');
    expect(log).to.have.length(1);
    expect(new URLSearchParams(log[0].body).get('refresh_token')).to.equal('rt-1');
    expect(await a.getAccessToken()).to.equal('at-2');
    expect(await b.getAccessToken()).to.equal('at-2');
  });

  it('renewals in one tab are coalesced and queued behind the lock', async () => {
    const t = setup('memory');
    const [a] = await t.signedIn();
    await script(t.key, [{ ...tokenAnswer('at-2', 'rt-2'), delayMs: 100 }, tokenAnswer('at-3', 'rt-3')]);
    const [x, y] = await Promise.all([a.renew(), a.renew()]);
    expect([x, y]).to.deep.equal(['at-2', 'at-2']);
    expect(await a.renew()).to.equal('at-3');
    const log = (await requests(t.key)).filter((r) => r.path === '/token');
    expect(log.map((r) => new URLSearchParams(r.body).get('refresh_token'))).to.deep.equal(['rt-1', 'rt-2']);
  });

  it('renews by itself before expiry (timer) and when a token is requested near expiry', async () => {
    const t = setup('memory');
    await script(t.key, [tokenAnswer('at-timer', 'rt-2')]);
    const [a] = await t.signedIn(1, t.user({ expires_at: nowS() + 3 }));
    await waitUntil(async () => (await requests(t.key)).length === 1, 'the timer renews before expiry', { timeout: 4000 });
    await waitUntil(() => (a.state.user?.expiresAt ?? 0) > nowS() + 600);
    expect(await a.getAccessToken()).to.equal('at-timer');

    const t2 = setup('memory');
    const [b] = await t2.signedIn(1, t2.user({ expires_at: nowS() + 5 }));
    await script(t2.key, [tokenAnswer('at-fresh', 'rt-9')]);
    expect(await b.getAccessToken()).to.equal('at-fresh');
  });

  it('a failed renewal (invalid_grant) ends the session with expired', async () => {
    const t = setup('memory');
    const [a] = await t.signedIn();
    await script(t.key, [{ status: 400, json: { error: 'invalid_grant', error_description: 'grant request is invalid' } }]);
    expect(await a.renew()).to.equal(null);
    expect(a.state.status).to.equal('error');
    expect(a.state.error?.code).to.equal('expired');
    expect(await a.getAccessToken()).to.equal(null);
  });

  it('sign-out revokes the tokens, ends the provider session with id_token_hint and signs out the other tabs', async () => {
    const t = setup('memory');
    const [a, b] = await t.signedIn(2);
    await script(t.key, [{ json: {} }, { json: {} }]);
    await a.signOut();
    await waitUntil(() => b.state.status === 'signed-out', 'the other tab follows');
    expect(a.state.status).to.equal('signed-out');
    const revokes = (await requests(t.key)).filter((r) => r.path === '/revoke').map((r) => new URLSearchParams(r.body).get('token_type_hint'));
    expect(revokes).to.deep.equal(['refresh_token']);
    const end = new URL(t.nav.urls.at(-1)!);
    expect(end.pathname).to.match(/\/end$/);
    expect(end.searchParams.get('id_token_hint')).to.equal(t.user().id_token);
    expect(end.searchParams.get('post_logout_redirect_uri')).to.equal(t.config.postLogoutRedirectUri);
    expect(await b.getAccessToken()).to.equal(null);
  });

  it('a new tab gets the session from an open tab (session storage mode)', async () => {
    const t = setup('session');
    sessionStorage.setItem(t.userKey, JSON.stringify(t.user()));
    const a = t.make();
    await a.ready;
    expect(a.state.status).to.equal('signed-in');
    sessionStorage.removeItem(t.userKey); // the new tab's own sessionStorage is empty
    const b = t.make({ peerWaitMs: 500 });
    await b.ready;
    try {
      expect(b.state.status).to.equal('signed-in');
      expect(await b.getAccessToken()).to.equal('at-1');
    } finally { sessionStorage.removeItem(t.userKey); }
  });

  it('markExpired (second 401) drops the tokens of this tab', async () => {
    const t = setup('memory');
    const [a] = await t.signedIn();
    const seen: string[] = [];
    a.subscribe((s) => seen.push(s.status));
    a.markExpired();
    expect(a.state.error?.code).to.equal('expired');
    expect(seen).to.deep.equal(['error']);
    expect(await a.getAccessToken()).to.equal(null);
  });
});

describe('classifySessionError', () => {
  it('maps what oidc-client-ts throws onto the session error codes', () => {
    const response = (error: string, error_description?: string) => Object.assign(new Error(error_description ?? error), { name: 'ErrorResponse', error, error_description });
    expect(classifySessionError(response('access_denied')).code).to.equal('cancelled');
    expect(classifySessionError(new Error('Popup closed by user')).code).to.equal('cancelled');
    expect(classifySessionError(new Error('No matching state found in storage')).code).to.equal('state-mismatch');
    expect(classifySessionError(new TypeError('Failed to fetch')).code).to.equal('unreachable');
    expect(classifySessionError(Object.assign(new Error('Network timed out'), { name: 'ErrorTimeout' })).code).to.equal('unreachable');
    expect(classifySessionError(response('invalid_grant', 'grant request is invalid'), 'renew').code).to.equal('expired');
    expect(classifySessionError(new Error('odd'), 'renew').code).to.equal('expired');
    const failed = classifySessionError(response('invalid_request', 'redirect_uri did not match'));
    expect(failed.code).to.equal('failed');
    expect(failed.message).to.contain('redirect_uri did not match');
  });

  it('a provider that cannot be reached makes signIn end in unreachable', async () => {
    const s = createSession(validateConfig({ apiUrl: 'http://api.test/api/v1', authority: 'http://127.0.0.1:9', clientId: `down-${uniqueKey()}`, tokenStorage: 'memory' }), { peerWaitMs: 0 });
    try {
      await s.signIn();
      expect(s.state.status).to.equal('error');
      expect(s.state.error?.code).to.equal('unreachable');
    } finally { s.dispose(); }
  });
});

describe('withLock', () => {
  it('serialises callers of the same name (navigator.locks and the in-tab fallback)', async () => {
    for (const locks of [undefined, null]) {
      const events: string[] = [];
      const job = (id: string) => async () => { events.push(`${id}+`); await new Promise((r) => setTimeout(r, 30)); events.push(`${id}-`); return id; };
      const name = `test-lock-${Math.random()}`;
      const results = await Promise.all([withLock(name, job('a'), locks), withLock(name, job('b'), locks)]);
      expect(results).to.deep.equal(['a', 'b']);
      expect(events).to.deep.equal(['a+', 'a-', 'b+', 'b-']);
    }
  });
});
