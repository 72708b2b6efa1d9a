// The Business Account identity provider of the reference stack: oidc-provider with an SQLite adapter, keys kept
// in the database, first-party portal clients (code + PKCE, refresh tokens with rotation, JWT access tokens for
// the support API) and its own server-rendered login, forgot-password, reset and activation pages.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createHmac, generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';
import { createSqliteAdapter } from './sqlite-adapter.mjs';
import {
  findAccountById, findAccountByLogin, hasPassword, verifyPasswordAsync, createActivationLink,
  createPasswordResetLink, inspectLinkToken, redeemLinkToken, migrateIdp, setUsername, passwordProblem,
} from './accounts.mjs';
import { sendActivationEmail, sendPasswordResetEmail } from './emails.mjs';
import { messagesFor } from './messages.mjs';
import { LANGUAGES, pageLanguage, requestLanguage } from './language.mjs';
import * as views from './views.mjs';

/** oidc-provider routes that scripts call: their errors are JSON, never the HTML error page. */
const JSON_ROUTES = new Set(['token', 'revocation', 'introspection', 'userinfo', 'pushed_authorization_request',
  'registration', 'backchannel_authentication', 'device_authorization', 'jwks', 'discovery']);

/** Paths on every portal origin registered as redirect and post-logout URIs. */
export const PORTAL_PAGE_PATHS = Object.freeze([
  '/', '/index.html', '/callback.html', '/portal.html', '/partner.html', '/react.html', '/csp.html', '/e2e.html',
]);
/** Path of the provider's forgot-password page. */
export const forgotPasswordPath = '/password/forgot';
/** Path of the signed-in user's account page (change the username, e.g. to the email address). */
export const accountPath = '/account';
/** Scope the support API's resource server knows. */
export const API_SCOPE = 'api';

export const IDP_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const ASSETS = {
  '/assets/idp.css': { file: new URL('./assets/idp.css', import.meta.url), type: 'text/css; charset=utf-8' },
  '/assets/logout.js': { file: new URL('./assets/logout.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  '/assets/favicon.svg': { file: new URL('./assets/favicon.svg', import.meta.url), type: 'image/svg+xml' },
};

/** Redirect URIs of one portal origin: the standard page list plus extra paths. */
export function redirectUrisFor(origin, extraPaths = []) {
  const o = String(origin).replace(/\/+$/, '');
  return [...new Set([...PORTAL_PAGE_PATHS, ...extraPaths])].map((p) => `${o}${p.startsWith('/') ? p : `/${p}`}`);
}

function loadOrCreateSetting(db, name, create) {
  const row = db.prepare('SELECT value FROM idp_settings WHERE name = ?').get(name);
  if (row) return JSON.parse(row.value);
  const value = create();
  db.prepare('INSERT OR IGNORE INTO idp_settings (name, value) VALUES (?, ?)').run(name, JSON.stringify(value));
  return JSON.parse(db.prepare('SELECT value FROM idp_settings WHERE name = ?').get(name).value);
}

/** RS256 signing key (private JWK), generated on first start and kept in idp_settings. */
export function loadSigningKeys(db) {
  return loadOrCreateSetting(db, 'jwks', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' }] };
  });
}

function loadCookieKeys(db) {
  return loadOrCreateSetting(db, 'cookie_keys', () => [randomBytes(32).toString('base64url')]);
}

function setPageHeaders(res) {
  res.setHeader('Content-Security-Policy', IDP_CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

function sendHtml(res, status, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

/** The language of a page oidc-provider renders (sign-out, errors): its ui_locales, else cookie / Accept-Language. */
function oidcLanguage(ctx) {
  return requestLanguage(ctx.req, { uiLocales: ctx.oidc?.params?.ui_locales });
}

function redirect(res, location, status = 303) {
  res.statusCode = status;
  res.setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}

async function readForm(req, limit = 16 * 1024) {
  const type = String(req.headers['content-type'] || '');
  if (!type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('form too large'), { status: 413 });
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})$/;

/**
 * @param {{
 *   db: import('better-sqlite3').Database,
 *   outbox: ReturnType<import('../outbox.mjs').createOutbox>,
 *   issuer: string,
 *   clients: { client_id: string, origin: string, client_name?: string }[],
 *   resource: string,
 *   accessTokenTtl?: number,
 *   refreshTokenTtl?: number,
 *   pagePaths?: string[],
 *   quiet?: boolean,
 *   maxFailedLogins?: number,
 * }} options
 */
export function createIdentityProvider({
  db, outbox, issuer, clients, resource, accessTokenTtl = 300, refreshTokenTtl = 14 * 24 * 60 * 60,
  pagePaths = [], quiet = false, maxFailedLogins = 10,
}) {
  migrateIdp(db);
  issuer = issuer.replace(/\/+$/, '');
  const log = quiet ? () => {} : (...a) => console.error('[idp]', ...a);
  const clientOrigins = new Map(clients.map((c) => [c.client_id, new URL(c.origin).origin]));
  const clientNames = new Map(clients.map((c) => [c.client_id, c.client_name || `Support portal (${new URL(c.origin).host})`]));
  const firstParty = new Set(clients.map((c) => c.client_id));

  const adapter = createSqliteAdapter(db);
  const purgeTimer = setInterval(() => {
    try { adapter.purgeExpired(); } catch { clearInterval(purgeTimer); }
  }, 10 * 60 * 1000);
  purgeTimer.unref();

  const configuration = {
    adapter,
    clients: clients.map((c) => ({
      client_id: c.client_id,
      client_name: clientNames.get(c.client_id),
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: redirectUrisFor(c.origin, pagePaths),
      post_logout_redirect_uris: redirectUrisFor(c.origin, pagePaths),
    })),
    jwks: loadSigningKeys(db),
    cookies: {
      keys: loadCookieKeys(db),
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    discovery: { ui_locales_supported: LANGUAGES },
    responseTypes: ['code'],
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    clientBasedCORS(ctx, origin, client) {
      return clientOrigins.get(client.clientId) === origin;
    },
    async findAccount(ctx, sub) {
      const account = findAccountById(db, sub);
      if (!account || account.status !== 'active') return undefined;
      return {
        accountId: account.id,
        async claims() {
          return {
            sub: account.id,
            name: `${account.firstName} ${account.lastName}`.trim() || account.email,
            given_name: account.firstName,
            family_name: account.lastName,
            preferred_username: account.username,
            email: account.email,
            email_verified: true,
          };
        },
      };
    },
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (!firstParty.has(client.clientId)) return grant;
      // First-party portals never show a consent screen: the grant covers what they ask for.
      if (grant && grant.accountId !== session.accountId) grant = undefined;
      grant ??= new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      const scopes = [...(ctx.oidc.requestParamOIDCScopes ?? [])];
      if (scopes.length) grant.addOIDCScope(scopes.join(' '));
      grant.addResourceScope(resource, API_SCOPE);
      await grant.save();
      return grant;
    },
    issueRefreshToken(ctx, client) {
      return client.grantTypeAllowed('refresh_token');
    },
    rotateRefreshToken() {
      return true;
    },
    ttl: {
      AccessToken: (ctx, token) => token.resourceServer?.accessTokenTTL || accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: refreshTokenTtl,
      Grant: refreshTokenTtl,
      RefreshToken(ctx, token, client) {
        if (ctx?.oidc?.entities.RotatedRefreshToken && client.clientAuthMethod === 'none' && !token.isSenderConstrained()) {
          return ctx.oidc.entities.RotatedRefreshToken.remainingTTL;
        }
        return refreshTokenTtl;
      },
    },
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        // A portal may revoke only its own tokens (sign-out revokes the refresh token).
        async allowedPolicy(ctx, client, token) {
          return token.clientId === client.clientId;
        },
      },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource(ctx, client, oneOf) {
          if (Array.isArray(oneOf)) return oneOf.includes(resource) ? resource : oneOf[0];
          return resource;
        },
        useGrantedResource() {
          return true;
        },
        getResourceServerInfo(ctx, indicator) {
          if (indicator !== resource) throw new errors.InvalidTarget('unknown resource');
          return {
            scope: API_SCOPE,
            audience: resource,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          const client = ctx.oidc.client;
          ctx.body = views.logoutPage({
            form, clientName: client ? clientNames.get(client.clientId) : undefined, auto: !!client, lang: oidcLanguage(ctx),
          });
        },
        async postLogoutSuccessSource(ctx) {
          const lang = oidcLanguage(ctx);
          const t = messagesFor(lang);
          ctx.body = views.messagePage({
            lang,
            title: t.logout.doneTitle,
            message: t.logout.done,
            links: [...clientOrigins.values()].map((o) => ({ href: `${o}/`, label: t.links.goTo(o) })),
          });
        },
      },
    },
    async renderError(ctx, out) {
      // oidc-provider renders an HTML page whenever the request accepts HTML at least as much as JSON; oidc-client-ts
      // sends `Accept: text/plain, text/html, application/json` to the token endpoint (its additional content types
      // come first), so a failed refresh or code exchange got this page and the client lost the `invalid_grant`
      // code. Endpoints that scripts call always answer JSON (RFC 6749 5.2, RFC 7009 2.2.1).
      if (JSON_ROUTES.has(ctx.oidc?.route)) {
        ctx.type = 'json';
        ctx.body = out;
        return;
      }
      ctx.type = 'html';
      ctx.body = views.errorPage({ out, lang: oidcLanguage(ctx) });
    },
  };

  const cookieKeys = configuration.cookies.keys;
  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  provider.use(async (ctx, next) => {
    ctx.set('Content-Security-Policy', IDP_CSP);
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    await next();
    // JWT access tokens cannot be revoked (they expire on their own, in accessTokenTtl). oidc-client-ts revokes the
    // access token before the refresh token on sign-out and stops at an error, which would skip the end-session
    // redirect; answer as RFC 7009 does for tokens the server has nothing to do about: 200.
    if (ctx.path === '/token/revocation' && ctx.status === 400 && ctx.body?.error === 'unsupported_token_type') {
      ctx.status = 200;
      ctx.body = '';
    }
  });
  provider.on('grant.error', (ctx, err) => log('grant.error:', err.error_detail || err.error_description || err.message));
  provider.on('server_error', (ctx, err) => log('server_error:', err));
  provider.on('authorization.error', (ctx, err) => log('authorization.error:', err.error_description || err.message));
  provider.on('end_session.error', (ctx, err) => log('end_session.error:', err.error_description || err.message));

  const oidcCallback = provider.callback();

  // Failed sign-ins per typed identifier (known or not, so the limit says nothing about which emails exist).
  const failures = new Map();
  const FAILURE_WINDOW_MS = 15 * 60 * 1000;
  function tooManyFailures(id) {
    const now = Date.now();
    const list = (failures.get(id) ?? []).filter((t) => now - t < FAILURE_WINDOW_MS);
    if (list.length) failures.set(id, list); else failures.delete(id);
    return list.length >= maxFailedLogins;
  }
  function recordFailure(id) {
    if (failures.size > 10000) failures.clear();
    failures.set(id, [...(failures.get(id) ?? []), Date.now()]);
  }
  const portalLinks = (lang) => [...clientOrigins.values()].map((o) => ({ href: `${o}/`, label: messagesFor(lang).links.portal(o) }));
  const forgotLink = (lang) => ({ href: forgotPasswordPath, label: messagesFor(lang).links.forgot });

  // ----- interaction pages -----------------------------------------------------------------------------------

  /** The language of an interaction page: `lang` of the request, else the authorization request's ui_locales. */
  const interactionLanguage = (req, res, explicit, details) => pageLanguage(req, res, { explicit, uiLocales: details?.params.ui_locales });

  async function interactionOrExpired(req, res, explicit, uid) {
    try {
      return await provider.interactionDetails(req, res);
    } catch (err) {
      if (err instanceof errors.SessionNotFound) {
        const lang = interactionLanguage(req, res, explicit);
        const t = messagesFor(lang);
        sendHtml(res, 400, views.messagePage({
          lang,
          switchHref: `/interaction/${uid}`,
          title: t.login.expiredTitle,
          status: 'error',
          message: t.login.expired,
          links: portalLinks(lang),
        }));
        return null;
      }
      throw err;
    }
  }

  function renderLogin(res, details, lang, { username = '', error, status = 200 } = {}) {
    const t = messagesFor(lang).login;
    sendHtml(res, status, views.loginPage({
      uid: details.uid,
      username,
      error: error && t[error],
      lang,
      clientName: clientNames.get(details.params.client_id),
      forgotHref: `${forgotPasswordPath}?${new URLSearchParams({ return: `/interaction/${details.uid}`, lang })}`,
    }));
  }

  async function interactionGet(req, res, url, uid) {
    const explicit = url.searchParams.get('lang');
    const details = await interactionOrExpired(req, res, explicit, uid);
    if (!details) return;
    const { prompt, params, session } = details;
    if (prompt.name === 'login') {
      renderLogin(res, details, interactionLanguage(req, res, explicit, details), {
        username: typeof params.login_hint === 'string' ? params.login_hint : '',
      });
      return;
    }
    if (prompt.name === 'consent' && firstParty.has(params.client_id)) {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
      const d = prompt.details || {};
      if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
      if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
      if (d.missingResourceScopes) {
        for (const [indicator, scopes] of Object.entries(d.missingResourceScopes)) grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Unsupported interaction' }, { mergeWithLastSubmission: false });
  }

  async function interactionLogin(req, res, url, uid) {
    const form = await readForm(req);
    const details = await interactionOrExpired(req, res, form.get('lang'), uid);
    if (!details) return;
    const lang = interactionLanguage(req, res, form.get('lang'), details);
    if (details.prompt.name !== 'login') {
      redirect(res, `/interaction/${details.uid}`);
      return;
    }
    const username = (form.get('username') || '').trim().slice(0, 320);
    const password = (form.get('password') || '').slice(0, 1024);
    const key = username.toLowerCase();
    if (tooManyFailures(key)) {
      renderLogin(res, details, lang, { username, error: 'tooMany', status: 429 });
      return;
    }
    const account = username && password ? await verifyPasswordAsync(db, username, password) : null;
    if (!account) {
      recordFailure(key);
      renderLogin(res, details, lang, { username, error: 'error', status: 401 });
      return;
    }
    failures.delete(key);
    await provider.interactionFinished(req, res, {
      login: { accountId: account.id, remember: true, amr: ['pwd'] },
    }, { mergeWithLastSubmission: false });
  }

  async function interactionAbort(req, res, url, uid) {
    const details = await interactionOrExpired(req, res, url.searchParams.get('lang'), uid);
    if (!details) return;
    await provider.interactionFinished(req, res, {
      error: 'access_denied', error_description: 'The sign-in was cancelled.',
    }, { mergeWithLastSubmission: false });
  }

  // ----- password pages --------------------------------------------------------------------------------------

  function safeReturn(value) {
    return typeof value === 'string' && INTERACTION_PATH.test(value) ? value : undefined;
  }

  async function forgot(req, res, url) {
    if (req.method === 'GET') {
      // `ui_locales`: es-login's "Forgot your password?" link asks for the portal's language the OIDC way.
      const lang = pageLanguage(req, res, { explicit: url.searchParams.get('lang'), uiLocales: url.searchParams.get('ui_locales') });
      sendHtml(res, 200, views.forgotPage({ backHref: safeReturn(url.searchParams.get('return')), lang }));
      return;
    }
    const form = await readForm(req);
    // The email goes out in the language of the page the address was typed on.
    const lang = pageLanguage(req, res, { explicit: form.get('lang') });
    const email = (form.get('email') || '').trim().slice(0, 320);
    const backHref = safeReturn(form.get('return'));
    if (!email) {
      sendHtml(res, 400, views.forgotPage({ backHref, lang, error: messagesFor(lang).forgot.emailRequired }));
      return;
    }
    const account = findAccountByLogin(db, email);
    if (account) {
      try {
        if (!hasPassword(db, account.id)) {
          // Never activated: a reset would not help; send a fresh activation link instead.
          await sendActivationEmail(outbox, account, createActivationLink(db, account.id, { issuer }), { lang });
        } else if (account.status === 'active') {
          await sendPasswordResetEmail(outbox, account, createPasswordResetLink(db, account.id, { issuer }), { lang });
        }
      } catch (err) {
        log('could not send the password email:', err);
      }
    }
    sendHtml(res, 200, views.forgotPage({ email, done: true, backHref, lang }));
  }

  /** Texts of the reset and activation link pages, in `lang`. */
  function linkText(kind, lang) {
    const m = messagesFor(lang);
    const t = kind === 'reset' ? m.reset : m.activation;
    return { ...t, again: { href: forgotPasswordPath, label: t.again } };
  }

  async function linkPage(req, res, url, kind, token) {
    const form = req.method === 'POST' ? await readForm(req) : null;
    const lang = pageLanguage(req, res, { explicit: form ? form.get('lang') : url.searchParams.get('lang') });
    const t = linkText(kind, lang);
    const action = kind === 'reset' ? `/password/reset/${token}` : `/activate/${token}`;
    const failed = (status, state) => sendHtml(res, status, views.messagePage({
      lang, switchHref: action, title: t.title, status: 'error', message: t[state] || t.unknown, links: [t.again],
    }));
    const info = inspectLinkToken(db, token, kind);
    if (info.state !== 'valid') {
      failed(info.state === 'unknown' ? 404 : 410, info.state);
      return;
    }
    const setPassword = (status, error) => sendHtml(res, status, views.setPasswordPage({
      title: t.title, intro: t.intro, action, account: info.account, submitLabel: t.submit, error, lang,
    }));
    if (!form) {
      setPassword(200);
      return;
    }
    const password = form.get('password') || '';
    const confirm = form.get('confirm') || '';
    if (password !== confirm) {
      setPassword(400, messagesFor(lang).setPassword.mismatch);
      return;
    }
    const result = redeemLinkToken(db, token, kind, password);
    if (!result.ok) {
      if (result.state === 'invalid-password') {
        setPassword(400, `${passwordProblem(password, lang)} ${views.passwordRule(lang)}`);
        return;
      }
      failed(410, result.state);
      return;
    }
    sendHtml(res, 200, views.messagePage({ lang, title: t.doneTitle, message: t.done, links: portalLinks(lang) }));
  }

  // ----- account page ----------------------------------------------------------------------------------------

  function csrfFor(sessionId) {
    return createHmac('sha256', cookieKeys[0]).update(`account:${sessionId}`).digest('base64url');
  }

  async function accountPage(req, res, url) {
    const form = req.method === 'POST' ? await readForm(req) : null;
    const lang = pageLanguage(req, res, { explicit: form ? form.get('lang') : url.searchParams.get('lang') });
    const t = messagesFor(lang).account;
    const ctx = provider.createContext(req, res);
    const session = await provider.Session.get(ctx);
    const account = session?.accountId ? findAccountById(db, session.accountId) : null;
    if (!account || account.status !== 'active') {
      sendHtml(res, 401, views.messagePage({
        lang,
        switchHref: accountPath,
        title: t.title,
        message: t.signedOut,
        links: [...portalLinks(lang), forgotLink(lang)],
      }));
      return;
    }
    const csrf = csrfFor(session.jti);
    const page = (status, p) => sendHtml(res, status, views.accountPage({ account, csrf, lang, ...p }));
    if (!form) {
      page(200);
      return;
    }
    const given = Buffer.from(String(form.get('csrf') || ''));
    const expected = Buffer.from(csrf);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      page(403, { error: t.outOfDate });
      return;
    }
    const wanted = (form.get('useEmail') ? account.email : String(form.get('username') || '')).trim();
    if (!/^[^\s]{3,254}$/.test(wanted)) {
      page(400, { username: wanted, error: t.usernameInvalid });
      return;
    }
    try {
      const updated = wanted === account.username ? account : setUsername(db, account.id, wanted);
      page(200, { account: updated, notice: t.usernameNow(updated.username) });
    } catch (err) {
      if (err.code !== 'ACCOUNT_EXISTS') throw err;
      page(409, { username: wanted, error: t.usernameTaken });
    }
  }

  // ----- request routing -------------------------------------------------------------------------------------

  async function handle(req, res) {
    const url = new URL(req.url, issuer);
    const path = url.pathname;
    const method = req.method;
    const asset = ASSETS[path];
    if (asset && (method === 'GET' || method === 'HEAD')) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Type', asset.type);
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.end(method === 'HEAD' ? undefined : readFileSync(asset.file));
      return;
    }
    let m;
    const own = (fn) => { setPageHeaders(res); return fn(); };
    if (path === '/' && method === 'GET') {
      return own(() => {
        const lang = pageLanguage(req, res, { explicit: url.searchParams.get('lang') });
        const t = messagesFor(lang);
        sendHtml(res, 200, views.messagePage({
          lang,
          switchHref: '/',
          title: t.home.title,
          message: t.home.text,
          links: [...portalLinks(lang), forgotLink(lang)],
        }));
      });
    }
    if ((m = INTERACTION_PATH.exec(path)) && method === 'GET') return own(() => interactionGet(req, res, url, m[1]));
    if ((m = /^\/interaction\/([A-Za-z0-9_-]{1,64})\/login$/.exec(path)) && method === 'POST') return own(() => interactionLogin(req, res, url, m[1]));
    if ((m = /^\/interaction\/([A-Za-z0-9_-]{1,64})\/abort$/.exec(path)) && method === 'POST') return own(() => interactionAbort(req, res, url, m[1]));
    if (path === forgotPasswordPath && (method === 'GET' || method === 'POST')) return own(() => forgot(req, res, url));
    if (path === accountPath && (method === 'GET' || method === 'POST')) return own(() => accountPage(req, res, url));
    if ((m = /^\/password\/reset\/([A-Za-z0-9_-]{1,200})$/.exec(path)) && (method === 'GET' || method === 'POST')) {
      return own(() => linkPage(req, res, url, 'reset', m[1]));
    }
    if ((m = /^\/activate\/([A-Za-z0-9_-]{1,200})$/.exec(path)) && (method === 'GET' || method === 'POST')) {
      return own(() => linkPage(req, res, url, 'activation', m[1]));
    }
    return oidcCallback(req, res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      log('request failed:', err);
      if (res.headersSent) { res.destroy(); return; }
      const status = err.status === 413 ? 413 : 500;
      const lang = requestLanguage(req);
      const t = messagesFor(lang).error;
      setPageHeaders(res);
      sendHtml(res, status, views.messagePage({
        lang, title: t.title, status: 'error', message: status === 413 ? t.tooLarge : t.server,
      }));
    });
  });

  return {
    provider,
    server,
    issuer,
    /** @param {number} port @param {string} [host] */
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => { server.off('error', reject); resolve(server.address()); });
      });
    },
    close() {
      clearInterval(purgeTimer);
      return new Promise((resolve) => {
        if (!server.listening) { resolve(); return; }
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}
