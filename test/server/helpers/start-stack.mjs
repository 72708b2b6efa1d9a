// Test helpers: start the reference stack on free ports and a temporary data folder, and drive the identity
// provider over plain HTTP like a browser would (cookie jar, manual redirects, PKCE).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { startStack } from '../../../demo/server/stack.mjs';

/** A free TCP port on localhost. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, 'localhost', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the stack for a test. Options are passed to startStack; ports default to free ones and dataDir to a new
 * temporary folder; seed defaults to 'demo'; quiet defaults to true.
 * Returns the stack plus `options` (to start it again on the same ports and data), `restart()` (closes this one and
 * starts a new one with the same options), and `cleanup()` (closes and deletes the temporary folder).
 */
export async function startTestStack(opts = {}) {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? await mkdtemp(join(tmpdir(), 'es-stack-'));
  const portalCount = opts.portalPorts?.length ?? opts.portalCount ?? 2;
  const { portalCount: _ignored, ...rest } = opts;
  const options = {
    seed: 'demo',
    quiet: true,
    ...rest,
    dataDir,
    idpPort: opts.idpPort ?? await freePort(),
    apiPort: opts.apiPort ?? await freePort(),
    portalPorts: opts.portalPorts ?? await Promise.all(Array.from({ length: portalCount }, () => freePort())),
  };
  const stack = await startStack(options);
  let closed = false;
  const close = async () => { if (!closed) { closed = true; await stack.close(); } };
  return {
    ...stack,
    options,
    close,
    async restart(extra = {}) {
      await close();
      return startTestStack({ ...options, ...extra });
    },
    async cleanup() {
      await close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// ----- a tiny browser ------------------------------------------------------------------------------------------

/** Cookie jar + fetch with manual redirects, enough to walk through the provider's pages. */
export function createBrowser() {
  /** @type {Map<string, { name: string, value: string, host: string, path: string, expires?: number }>} */
  const jar = new Map();

  function store(url, setCookies) {
    const u = new URL(url);
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expires;
      for (const a of attrs) {
        const [k, v = ''] = a.split('=');
        const key = k.toLowerCase();
        if (key === 'path') path = v || '/';
        if (key === 'expires') expires = Date.parse(v);
        if (key === 'max-age') expires = Date.now() + Number(v) * 1000;
      }
      const id = `${u.host}|${path}|${name}`;
      if (!value || (expires !== undefined && expires <= Date.now())) jar.delete(id);
      else jar.set(id, { name, value, host: u.host, path, expires });
    }
  }

  function cookieHeader(url) {
    const u = new URL(url);
    const now = Date.now();
    const out = [];
    for (const c of jar.values()) {
      if (c.host !== u.host) continue;
      if (c.expires !== undefined && c.expires <= now) continue;
      if (u.pathname === c.path || u.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/') out.push(`${c.name}=${c.value}`);
    }
    return out.join('; ');
  }

  /** One request (no redirect following). */
  async function request(url, init = {}) {
    const headers = new Headers(init.headers);
    const cookie = cookieHeader(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    store(url, res.headers.getSetCookie());
    return res;
  }

  /**
   * Follows redirects while they stay on `stayOn` origins (default: any origin except ones in `stopAt`).
   * Returns { res, url } of the last response (a 200 page, or a redirect to a stopAt origin, whose Location is url).
   */
  async function follow(url, init = {}, { stopAt = [], max = 20 } = {}) {
    let current = url;
    let res = await request(current, init);
    for (let i = 0; i < max; i++) {
      if (res.status < 300 || res.status >= 400) return { res, url: current };
      const next = new URL(res.headers.get('location'), current).href;
      if (stopAt.some((o) => next.startsWith(o))) return { res, url: next };
      await res.arrayBuffer().catch(() => {});
      current = next;
      res = await request(current);
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** POSTs a urlencoded form. */
  function postForm(url, fields, init = {}) {
    return request(url, {
      ...init,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(init.headers || {}) },
      body: new URLSearchParams(fields).toString(),
    });
  }

  return { request, follow, postForm, jar };
}

/** Reads `<form ... action="X">` targets and hidden inputs from an HTML page. */
export function parseForms(html) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1];
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replace(/&amp;/g, '&');
    const id = /id="([^"]*)"/.exec(attrs)?.[1];
    const fields = {};
    for (const inp of m[2].matchAll(/<input\b([^>]*)>/g)) {
      const name = /name="([^"]*)"/.exec(inp[1])?.[1];
      const value = /value="([^"]*)"/.exec(inp[1])?.[1] ?? '';
      if (name && /type="hidden"/.test(inp[1])) fields[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    }
    forms.push({ action, id, fields });
  }
  return forms;
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/**
 * Builds an authorization request for one portal client of the stack.
 * @param {{ urls: any, clients: any[], resource: string }} stack
 */
export function authorizeRequest(stack, { clientIndex = 0, path = '/portal.html', scope = 'openid profile email', prompt, state } = {}) {
  const client = stack.clients[clientIndex];
  const redirectUri = `${client.origin}${path}`;
  const { verifier, challenge } = pkcePair();
  const url = new URL('/auth', stack.urls.idp);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: state ?? randomBytes(8).toString('hex'),
    resource: stack.resource,
    ...(prompt ? { prompt } : {}),
  }).toString();
  return { url: url.href, verifier, redirectUri, client, origin: client.origin };
}

/** Exchanges an authorization code at the token endpoint (as the portal page would, with its Origin). */
export async function exchangeCode(stack, { code, verifier, redirectUri, client }) {
  const res = await fetch(new URL('/token', stack.urls.idp), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: client.origin },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri, client_id: client.client_id,
    }),
  });
  return { res, body: await res.json() };
}

/** Uses a refresh token. */
export async function refreshTokens(stack, { refreshToken, clientIndex = 0 }) {
  const client = stack.clients[clientIndex];
  const res = await fetch(new URL('/token', stack.urls.idp), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: client.origin },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.client_id }),
  });
  return { res, body: await res.json() };
}

/**
 * Signs in through the provider's real login page and returns the token response.
 * @returns {Promise<{ accessToken: string, refreshToken: string, idToken: string, expiresIn: number, browser: any, tokens: any }>}
 */
export async function signIn(stack, { username, password, clientIndex = 0, browser = createBrowser(), path } = {}) {
  const a = authorizeRequest(stack, { clientIndex, path });
  let { res, url } = await browser.follow(a.url, {}, { stopAt: [a.origin] });
  if (!url.startsWith(a.origin)) {
    const html = await res.text();
    const form = parseForms(html).find((f) => f.action?.endsWith('/login'));
    if (!form) throw new Error(`no login form at ${url} (status ${res.status})`);
    const post = await browser.postForm(new URL(form.action, url).href, { username, password });
    if (post.status !== 303) {
      const page = await post.text();
      const err = new Error(`sign-in failed (${post.status})`);
      err.page = page;
      err.status = post.status;
      throw err;
    }
    ({ url } = await browser.follow(new URL(post.headers.get('location'), url).href, {}, { stopAt: [a.origin] }));
  }
  const cb = new URL(url);
  const code = cb.searchParams.get('code');
  if (!code) throw new Error(`no code in callback: ${url}`);
  const { res: tr, body } = await exchangeCode(stack, { code, verifier: a.verifier, redirectUri: a.redirectUri, client: a.client });
  if (!tr.ok) throw new Error(`token exchange failed: ${JSON.stringify(body)}`);
  return {
    accessToken: body.access_token, refreshToken: body.refresh_token, idToken: body.id_token,
    expiresIn: body.expires_in, tokens: body, browser,
  };
}

/** Decodes a JWT payload without verifying it. */
export function decodeJwt(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
