// Business Accounts of the reference identity provider, kept in SQLite.
// Passwords are hashed with scrypt (node:crypto) and compared in constant time. Activation and password-reset
// links carry a random token; only its SHA-256 is stored, and each token works once.
import { randomBytes, randomUUID, scrypt, scryptSync, timingSafeEqual, createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { messagesFor } from './messages.mjs';

const scryptAsync = promisify(scrypt);

/** Minimum password length enforced by setPassword and the provider's pages. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
/** Lifetimes of the emailed links (milliseconds). */
export const ACTIVATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 30 * 60 * 1000;

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };

/**
 * Creates the identity provider's tables (idempotent).
 * Tables: idp_accounts, idp_link_tokens, idp_oidc (oidc-provider adapter), idp_settings (keys).
 * @param {import('better-sqlite3').Database} db
 */
export function migrateIdp(db) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS idp_accounts (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL DEFAULT '',
      password_hash TEXT,
      status TEXT NOT NULL DEFAULT 'inactive' CHECK (status IN ('active', 'inactive')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS idp_link_tokens (
      token_hash TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES idp_accounts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('activation', 'reset')),
      expires_at INTEGER NOT NULL,
      used_at INTEGER,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS idp_link_tokens_account ON idp_link_tokens(account_id, kind);
    CREATE TABLE IF NOT EXISTS idp_oidc (
      model TEXT NOT NULL,
      id TEXT NOT NULL,
      payload TEXT NOT NULL,
      expires_at INTEGER,
      grant_id TEXT,
      user_code TEXT,
      uid TEXT,
      consumed_at INTEGER,
      PRIMARY KEY (model, id)
    );
    CREATE INDEX IF NOT EXISTS idp_oidc_grant ON idp_oidc(grant_id);
    CREATE INDEX IF NOT EXISTS idp_oidc_uid ON idp_oidc(model, uid);
    CREATE INDEX IF NOT EXISTS idp_oidc_user_code ON idp_oidc(model, user_code);
    CREATE TABLE IF NOT EXISTS idp_settings (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `);
}

/** @typedef {{ id: string, email: string, username: string, firstName: string, lastName: string, status: 'active'|'inactive' }} Account */

function toAccount(row) {
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    status: row.status,
  };
}

/** @returns {Account|null} */
export function findAccountByEmail(db, email) {
  if (typeof email !== 'string' || !email) return null;
  return toAccount(db.prepare('SELECT * FROM idp_accounts WHERE email = ?').get(email.trim()));
}

/** @returns {Account|null} */
export function findAccountById(db, id) {
  if (typeof id !== 'string' || !id) return null;
  return toAccount(db.prepare('SELECT * FROM idp_accounts WHERE id = ?').get(id));
}

/** @returns {Account|null} */
export function findAccountByUsername(db, username) {
  if (typeof username !== 'string' || !username) return null;
  return toAccount(db.prepare('SELECT * FROM idp_accounts WHERE username = ?').get(username.trim()));
}

/** Finds by username first, then by email (login accepts either). @returns {Account|null} */
export function findAccountByLogin(db, usernameOrEmail) {
  return findAccountByUsername(db, usernameOrEmail) ?? findAccountByEmail(db, usernameOrEmail);
}

/** Number of Business Accounts (used by the stack to decide whether to seed). */
export function countAccounts(db) {
  return db.prepare('SELECT COUNT(*) AS n FROM idp_accounts').get().n;
}

/**
 * Checks the password rule; returns a message for a person (in `lang`, English by default), or null when the
 * password is acceptable.
 * @param {unknown} password
 * @param {string} [lang]
 */
export function passwordProblem(password, lang = 'en') {
  const t = messagesFor(lang).password;
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) return t.tooShort(MIN_PASSWORD_LENGTH);
  if (password.length > MAX_PASSWORD_LENGTH) return t.tooLong(MAX_PASSWORD_LENGTH);
  if (!password.trim()) return t.blank;
  return null;
}

/** Hashes a password: `scrypt$N$r$p$salt$hash` (base64url). */
export function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = scryptSync(String(password).normalize('NFKC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

function parseHash(stored) {
  const parts = typeof stored === 'string' ? stored.split('$') : [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  return { N: +parts[1], r: +parts[2], p: +parts[3], salt: Buffer.from(parts[4], 'base64url'), hash: Buffer.from(parts[5], 'base64url') };
}

// A fixed hash to compare against when the account does not exist, so both paths cost one scrypt.
let dummyHash;
function getDummyHash() {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}

function compareSync(password, stored) {
  const h = parseHash(stored);
  if (!h) return false;
  const got = scryptSync(String(password).normalize('NFKC'), h.salt, h.hash.length, { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r });
  return timingSafeEqual(got, h.hash);
}

async function compareAsync(password, stored) {
  const h = parseHash(stored);
  if (!h) return false;
  const got = await scryptAsync(String(password).normalize('NFKC'), h.salt, h.hash.length, { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r });
  return timingSafeEqual(got, h.hash);
}

const nowIso = () => new Date().toISOString();

/**
 * Creates a Business Account. Active when a password is given, otherwise inactive until activation.
 * Throws an Error with code 'ACCOUNT_EXISTS' when the email or username is taken.
 * @param {import('better-sqlite3').Database} db
 * @param {{ email: string, firstName?: string, lastName?: string, username?: string, password?: string }} input
 * @returns {Account}
 */
export function createAccount(db, { email, firstName = '', lastName = '', username = email, password } = {}) {
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
    throw Object.assign(new Error('A valid email address is required'), { code: 'INVALID_EMAIL' });
  }
  email = email.trim();
  username = (username ?? email).trim();
  if (password !== undefined && password !== null) {
    const problem = passwordProblem(password);
    if (problem) throw Object.assign(new Error(problem), { code: 'WEAK_PASSWORD' });
  }
  const clash = db.prepare('SELECT id FROM idp_accounts WHERE email = ? OR username = ? OR email = ? OR username = ?')
    .get(email, email, username, username);
  if (clash) throw Object.assign(new Error('A Business Account with this email or username already exists'), { code: 'ACCOUNT_EXISTS' });
  const id = randomUUID();
  const hasPassword = password !== undefined && password !== null;
  const ts = nowIso();
  db.prepare(`INSERT INTO idp_accounts (id, email, username, first_name, last_name, password_hash, status, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, email, username, String(firstName ?? ''), String(lastName ?? ''), hasPassword ? hashPassword(password) : null,
      hasPassword ? 'active' : 'inactive', ts, ts);
  return findAccountById(db, id);
}

/** Sets 'active' or 'inactive'. An inactive account cannot sign in. */
export function setAccountStatus(db, accountId, status) {
  if (status !== 'active' && status !== 'inactive') throw new TypeError('status must be active or inactive');
  db.prepare('UPDATE idp_accounts SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(), accountId);
  return findAccountById(db, accountId);
}

/** Changes the username (e.g. to the email address). Throws ACCOUNT_EXISTS when taken. */
export function setUsername(db, accountId, username) {
  const clash = db.prepare('SELECT id FROM idp_accounts WHERE (username = ? OR email = ?) AND id <> ?').get(username, username, accountId);
  if (clash) throw Object.assign(new Error('This username is already in use'), { code: 'ACCOUNT_EXISTS' });
  db.prepare('UPDATE idp_accounts SET username = ?, updated_at = ? WHERE id = ?').run(username.trim(), nowIso(), accountId);
  return findAccountById(db, accountId);
}

/** True when the account has a password (i.e. was activated at some point). */
export function hasPassword(db, accountId) {
  const row = db.prepare('SELECT password_hash FROM idp_accounts WHERE id = ?').get(accountId);
  return !!row?.password_hash;
}

/**
 * Sets the password (and activates the account). Throws WEAK_PASSWORD when the rule is not met.
 * Outstanding reset links of the account stop working.
 */
export function setPassword(db, accountId, password) {
  const problem = passwordProblem(password);
  if (problem) throw Object.assign(new Error(problem), { code: 'WEAK_PASSWORD' });
  const hash = hashPassword(password);
  const tx = db.transaction(() => {
    const r = db.prepare("UPDATE idp_accounts SET password_hash = ?, status = 'active', updated_at = ? WHERE id = ?").run(hash, nowIso(), accountId);
    if (r.changes !== 1) throw Object.assign(new Error('Account not found'), { code: 'NOT_FOUND' });
    db.prepare("UPDATE idp_link_tokens SET used_at = ? WHERE account_id = ? AND kind = 'reset' AND used_at IS NULL").run(Date.now(), accountId);
  });
  tx();
  return findAccountById(db, accountId);
}

function credentialRow(db, usernameOrEmail) {
  if (typeof usernameOrEmail !== 'string' || !usernameOrEmail.trim()) return null;
  const v = usernameOrEmail.trim();
  return db.prepare('SELECT * FROM idp_accounts WHERE username = ?').get(v)
    ?? db.prepare('SELECT * FROM idp_accounts WHERE email = ?').get(v) ?? null;
}

/**
 * Checks a username-or-email and password (synchronous scrypt). Returns the account only when it is active and the
 * password matches; otherwise null (one answer for unknown, inactive and wrong password).
 * @returns {Account|null}
 */
export function verifyPassword(db, usernameOrEmail, password) {
  const row = credentialRow(db, usernameOrEmail);
  const ok = compareSync(typeof password === 'string' ? password : '', row?.password_hash ?? getDummyHash());
  if (!row || !ok || !row.password_hash || row.status !== 'active') return null;
  return toAccount(row);
}

/** Same as verifyPassword, without blocking the event loop (used by the login page). */
export async function verifyPasswordAsync(db, usernameOrEmail, password) {
  const row = credentialRow(db, usernameOrEmail);
  const ok = await compareAsync(typeof password === 'string' ? password : '', row?.password_hash ?? getDummyHash());
  if (!row || !ok || !row.password_hash || row.status !== 'active') return null;
  return toAccount(row);
}

const sha256 = (s) => createHash('sha256').update(s).digest('hex');

function createLinkToken(db, accountId, kind, ttlMs) {
  if (!findAccountById(db, accountId)) throw Object.assign(new Error('Account not found'), { code: 'NOT_FOUND' });
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  db.transaction(() => {
    if (kind === 'reset') {
      // Only the newest reset link works.
      db.prepare("UPDATE idp_link_tokens SET used_at = ? WHERE account_id = ? AND kind = 'reset' AND used_at IS NULL").run(now, accountId);
    }
    db.prepare('DELETE FROM idp_link_tokens WHERE expires_at < ?').run(now - 24 * 60 * 60 * 1000);
    db.prepare('INSERT INTO idp_link_tokens (token_hash, account_id, kind, expires_at, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(sha256(token), accountId, kind, now + ttlMs, now);
  })();
  return token;
}

function trimSlash(s) { return String(s).replace(/\/+$/, ''); }

/** Absolute activation URL (sets the first password; single use; 7 days). */
export function createActivationLink(db, accountId, { issuer }) {
  const token = createLinkToken(db, accountId, 'activation', ACTIVATION_TTL_MS);
  return `${trimSlash(issuer)}/activate/${token}`;
}

/** Absolute password-reset URL (single use; 30 minutes). */
export function createPasswordResetLink(db, accountId, { issuer }) {
  const token = createLinkToken(db, accountId, 'reset', RESET_TTL_MS);
  return `${trimSlash(issuer)}/password/reset/${token}`;
}

/**
 * Looks a link token up. Returns `{ state: 'valid', account, kind }`, or `{ state: 'used' | 'expired' | 'unknown' }`.
 * @param {'activation'|'reset'} kind
 */
export function inspectLinkToken(db, token, kind) {
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return { state: 'unknown' };
  const row = db.prepare('SELECT * FROM idp_link_tokens WHERE token_hash = ? AND kind = ?').get(sha256(token), kind);
  if (!row) return { state: 'unknown' };
  if (row.used_at) return { state: 'used' };
  if (row.expires_at <= Date.now()) return { state: 'expired' };
  const account = findAccountById(db, row.account_id);
  if (!account) return { state: 'unknown' };
  return { state: 'valid', account, kind };
}

/**
 * Uses a link token to set a password, atomically (a second use fails).
 * @returns {{ ok: true, account: Account } | { ok: false, state: string, message?: string }}
 */
export function redeemLinkToken(db, token, kind, password) {
  const problem = passwordProblem(password);
  if (problem) return { ok: false, state: 'invalid-password', message: problem };
  const hash = hashPassword(password);
  return db.transaction(() => {
    const info = inspectLinkToken(db, token, kind);
    if (info.state !== 'valid') return { ok: false, state: info.state };
    const now = Date.now();
    const r = db.prepare('UPDATE idp_link_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL').run(now, sha256(token));
    if (r.changes !== 1) return { ok: false, state: 'used' };
    if (kind === 'reset') {
      // A reset does not re-activate an account an administrator switched off, and it signs the account out
      // everywhere (whoever knew the old password loses their sessions and refresh tokens).
      db.prepare('UPDATE idp_accounts SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, nowIso(), info.account.id);
      endAccountSessions(db, info.account.id);
    } else {
      db.prepare("UPDATE idp_accounts SET password_hash = ?, status = 'active', updated_at = ? WHERE id = ?").run(hash, nowIso(), info.account.id);
    }
    db.prepare("UPDATE idp_link_tokens SET used_at = ? WHERE account_id = ? AND kind = 'reset' AND used_at IS NULL").run(now, info.account.id);
    return { ok: true, account: findAccountById(db, info.account.id) };
  })();
}

/**
 * Ends every provider session of an account and revokes its grants and tokens (refresh tokens stop working;
 * already issued JWT access tokens run out within their short lifetime). Returns the number of rows removed.
 */
export function endAccountSessions(db, accountId) {
  return db.prepare(`DELETE FROM idp_oidc WHERE model IN ('Session', 'Grant', 'RefreshToken', 'AccessToken', 'AuthorizationCode')
    AND json_extract(payload, '$.accountId') = ?`).run(accountId).changes;
}

/** Test helper: moves a link token's expiry into the past. Returns true when a token was changed. */
export function expireLinkToken(db, token) {
  return db.prepare('UPDATE idp_link_tokens SET expires_at = ? WHERE token_hash = ?').run(Date.now() - 1000, sha256(token)).changes === 1;
}
