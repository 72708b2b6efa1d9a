// Small helpers shared by the API routes: ids, cursors, problem errors, hashing.
import { createHash, randomBytes } from 'node:crypto';

/** Random id with a readable prefix, e.g. `case_3f9a…`. */
export function newId(prefix) {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

export function nowIso() {
  return new Date().toISOString();
}

/** Opaque cursor: base64url of a JSON array. */
export function encodeCursor(values) {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor; throws a 400 problem when it is not one.
 * @param {string} cursor
 * @param {(v: unknown[]) => boolean} check shape check of the decoded array
 */
export function decodeCursor(cursor, check) {
  let v;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  if (!Array.isArray(v) || !check(v)) {
    throw problem(400, 'Invalid cursor', 'The cursor is not one this server returned.', {
      type: 'validation', errors: [{ field: 'cursor', message: 'must be a cursor returned by a previous page' }],
    });
  }
  return v;
}

/** JSON with sorted keys, so equal bodies hash equally whatever the key order. */
export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

export const PROBLEM_BASE = 'https://eservice-widgets.example/problems/';

/**
 * An Error the error handler renders as application/problem+json.
 * @param {number} status
 * @param {string} title
 * @param {string} [detail]
 * @param {{ type?: string, errors?: {field: string, message: string}[], headers?: Record<string,string> }} [extra]
 */
export function problem(status, title, detail, extra = {}) {
  const err = /** @type {any} */ (new Error(detail || title));
  err.statusCode = status;
  err.problem = {
    type: extra.type ? PROBLEM_BASE + extra.type : 'about:blank',
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  err.headers = extra.headers;
  return err;
}

/** `{ field, message }` list for one field → a 400 validation problem. */
export function fieldProblem(field, message, status = 400) {
  return problem(status, 'Invalid request', `${field} ${message}`, { type: 'validation', errors: [{ field, message }] });
}

export const SEVERITY_RANK = { low: 1, medium: 2, high: 3, critical: 4 };
export const SEVERITIES = ['critical', 'high', 'medium', 'low'];
export const CASE_STATUSES = ['new', 'in_progress', 'waiting_on_customer', 'escalated', 'solved', 'closed'];

/**
 * Memoises computed values until anything in the database changes: this connection's total_changes() or a commit
 * by another connection (PRAGMA data_version). Bounded; cleared when full.
 * @param {import('better-sqlite3').Database} db
 * @returns {<T>(key: string, compute: () => T) => T}
 */
export function createMemo(db, max = 500) {
  const changes = db.prepare('SELECT total_changes()').pluck();
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const map = new Map();
  return (key, compute) => {
    const v = `${changes.get()}:${dataVersion.get()}`;
    const hit = map.get(key);
    if (hit && hit.v === v) return hit.value;
    const value = compute();
    if (map.size >= max) map.clear();
    map.set(key, { v, value });
    return value;
  };
}
