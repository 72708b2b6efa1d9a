// Test harness for the support API: a temporary database (identity tables, outbox, API tables, seed), the API on
// port 0, and a tiny JWKS server whose key signs the test's access tokens (the real identity provider signs with
// its own keys; the API only needs issuer + JWKS + audience, which is what these tests exercise).
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import { openDatabase } from '../../demo/server/db.mjs';
import { migrateIdp, findAccountByEmail } from '../../demo/server/idp/accounts.mjs';
import { createOutbox } from '../../demo/server/outbox.mjs';
import { createApiServer } from '../../demo/server/api/server.mjs';
import { seedDatabase } from '../../demo/server/seed/seed.mjs';

export const AUDIENCE = 'http://localhost:4200/api/v1';
export const PORTAL_ORIGIN = 'http://localhost:8080';

/**
 * @param {{ orphanUploadTtlMs?: number, seed?: boolean, size?: {cases?: number, articles?: number}, rateLimit?: {max: number, timeWindow: number}, adminToken?: string }} [o]
 */
export async function startApi(o = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'es-api-test-'));
  const db = openDatabase(join(dir, 'eservice.sqlite'));
  migrateIdp(db);
  const outbox = createOutbox(db);

  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const jwks = createServer((req, res) => {
    if (req.url === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => jwks.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${jwks.address().port}`;

  const api = createApiServer({
    db, outbox, issuer, audience: AUDIENCE, corsOrigins: [PORTAL_ORIGIN, 'http://localhost:8081'], dataDir: dir, quiet: true,
    accountRequestRateLimit: o.rateLimit ?? { max: 1000, timeWindow: 60000 }, adminToken: o.adminToken ?? 'test-admin',
    portalUrl: PORTAL_ORIGIN, ...(o.orphanUploadTtlMs ? { orphanUploadTtlMs: o.orphanUploadTtlMs } : {}),
  });
  if (o.seed !== false) await seedDatabase(db, { outbox, issuer, size: o.size ?? { cases: 240, articles: 360 } });
  await api.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${api.server.address().port}`;

  /**
   * Signs an access token like the provider's (RS256, at+jwt).
   * @param {string} sub
   * @param {{ aud?: string, iss?: string, expiresIn?: number, key?: 'test' | 'other', claims?: object }} [t]
   */
  async function token(sub, t = {}) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ scope: 'openid api', client_id: 'portal-a', ...(t.claims ?? {}) })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'at+jwt' })
      .setSubject(sub).setIssuer(t.iss ?? issuer).setAudience(t.aud ?? AUDIENCE)
      .setIssuedAt(now - 10).setExpirationTime(now + (t.expiresIn ?? 300))
      .sign(t.key === 'other' ? other.privateKey : privateKey);
  }

  /** Token of a seeded user by email. */
  async function tokenFor(email, t) {
    const a = findAccountByEmail(db, email);
    if (!a) throw new Error(`no account ${email}`);
    return token(a.id, t);
  }

  /**
   * @param {string} method
   * @param {string} path under the server root (e.g. /api/v1/cases)
   * @param {{ token?: string, body?: any, raw?: string | Buffer | FormData, headers?: Record<string,string> }} [r]
   */
  async function call(method, path, r = {}) {
    const headers = { ...(r.headers ?? {}) };
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    let body;
    if (r.body !== undefined) { headers['content-type'] ??= 'application/json'; body = JSON.stringify(r.body); }
    if (r.raw !== undefined) body = r.raw;
    const res = await fetch(base + path, { method, headers, body });
    const type = res.headers.get('content-type') ?? '';
    let data;
    if (/json/.test(type)) { const t = await res.text(); data = t ? JSON.parse(t) : undefined; } else data = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: data, type };
  }

  async function close() {
    await api.close();
    await new Promise((r) => jwks.close(r));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return { db, outbox, api, base, issuer, dir, token, tokenFor, call, close };
}

export const ANNA = 'anna.virtanen@nordicbank.example';
export const MIKKO = 'mikko.laine@nordicbank.example';
export const PEKKA = 'pekka.pending@nordicbank.example';
export const JSMITH = 'john.smith@fabrikam.example';
export const OLLI = 'olli.noaccess@example.com';
export const SARAH = 'sarah.jones@contoso.example';
