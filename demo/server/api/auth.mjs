// Bearer token verification (JWT access tokens of the identity provider, checked against its JWKS) and the
// portal-user lookup that decides what a token may see.
import { createRemoteJWKSet, jwtVerify, errors as joseErrors } from 'jose';
import { problem } from './util.mjs';

/**
 * @param {{ issuer: string, audience: string, jwksUri?: string, jwks?: any }} opts
 * @returns {(token: string) => Promise<import('jose').JWTPayload>}
 */
export function createTokenVerifier({ issuer, audience, jwksUri, jwks }) {
  const base = issuer.replace(/\/$/, '');
  const remote = (uri) => createRemoteJWKSet(new URL(uri), { cooldownDuration: 5_000, timeoutDuration: 5_000 });
  /** The key set: given, or at the provider's discovery jwks_uri (oidc-provider: `${issuer}/jwks`). */
  let resolved = jwks ?? (jwksUri ? remote(jwksUri) : null);
  let pending = null;
  async function keySet() {
    if (resolved) return resolved;
    pending ??= (async () => {
      let uri = `${base}/jwks`;
      try {
        const res = await fetch(`${base}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) {
          const meta = await res.json();
          if (typeof meta.jwks_uri === 'string') uri = meta.jwks_uri;
        }
      } catch {
        // Provider not reachable yet: try the default path now, ask discovery again next time.
        pending = null;
        return remote(uri);
      }
      resolved = remote(uri);
      return resolved;
    })();
    return pending;
  }
  const keyResolver = async (header, token) => (await keySet())(header, token);
  /** Verified tokens, until they expire: verification is the hot path of every protected request. */
  const cache = new Map();
  return async function verify(token) {
    const now = Math.floor(Date.now() / 1000);
    const hit = cache.get(token);
    if (hit && hit.exp > now) return hit.payload;
    if (hit) cache.delete(token);
    const { payload } = await jwtVerify(token, keyResolver, { issuer, audience, clockTolerance: 5, requiredClaims: ['sub', 'exp'] });
    if (cache.size > 5000) cache.clear();
    cache.set(token, { payload, exp: payload.exp ?? now });
    return payload;
  };
}

export function unauthorized(detail = 'A valid access token is required.', error = 'invalid_token') {
  return problem(401, 'Unauthorized', detail, {
    type: 'unauthorized',
    headers: { 'www-authenticate': error ? `Bearer error="${error}"` : 'Bearer' },
  });
}

/**
 * Reads and verifies the bearer token of a request; sets request.user = { sub, claims }.
 * @param {(t: string) => Promise<any>} verify
 */
export async function authenticate(request, verify) {
  const h = request.headers.authorization;
  if (!h) throw problem(401, 'Unauthorized', 'Sign in: this request needs an access token.', {
    type: 'unauthorized', headers: { 'www-authenticate': 'Bearer' },
  });
  const m = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(h);
  if (!m) throw unauthorized('The Authorization header is not a bearer token.', 'invalid_request');
  let claims;
  try {
    claims = await verify(m[1]);
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw unauthorized('The access token has expired.');
    if (!(e instanceof joseErrors.JOSEError) || e instanceof joseErrors.JWKSTimeout) {
      throw problem(503, 'Identity provider unreachable', 'The signing keys could not be fetched; try again.', {
        headers: { 'retry-after': '5' },
      });
    }
    throw unauthorized('The access token is not valid for this API.');
  }
  request.user = { sub: String(claims.sub), claims };
  return request.user;
}
