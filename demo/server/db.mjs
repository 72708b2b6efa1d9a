// One SQLite database for the whole reference stack (identity provider + support API run in one process and
// share this connection). Each part owns its own tables and migrations; see idp/schema.mjs and api/schema.mjs.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Opens (and creates) the database file, with WAL and foreign keys on.
 * @param {string} file path, or ':memory:'
 */
export function openDatabase(file) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
