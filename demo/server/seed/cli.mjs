#!/usr/bin/env node
// npm run seed -- [--cases N] [--articles N] [--data-dir DIR] [--reset]
// Seeds the stack's database (<data-dir>/eservice.sqlite). Refuses a database that already has accounts unless
// --reset is given (which deletes the database and stored attachments first; stop the stack before).
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db.mjs';
import { migrateIdp } from '../idp/accounts.mjs';
import { seedDatabase, DEFAULT_SIZE } from './seed.mjs';

const { values } = parseArgs({
  options: {
    cases: { type: 'string' }, articles: { type: 'string' }, 'data-dir': { type: 'string' }, reset: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: npm run seed -- [--cases N] [--articles N] [--data-dir DIR] [--reset]');
  process.exit(0);
}
const int = (v, name, d) => {
  if (v === undefined) return d;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) { console.error(`--${name} must be a whole number`); process.exit(2); }
  return n;
};
const size = { cases: int(values.cases, 'cases', DEFAULT_SIZE.cases), articles: int(values.articles, 'articles', DEFAULT_SIZE.articles) };
const dataDir = resolve(values['data-dir'] ?? process.env.ES_DATA_DIR ?? '.data');
const file = join(dataDir, 'eservice.sqlite');
if (values.reset) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  rmSync(join(dataDir, 'attachments'), { recursive: true, force: true });
}
const db = openDatabase(file);
migrateIdp(db);
const accounts = db.prepare('SELECT COUNT(*) AS n FROM idp_accounts').get().n;
if (accounts > 0) {
  console.error(`${file} already has data. Run with --reset to delete it and seed again (stop the stack first).`);
  db.close();
  process.exit(1);
}
const r = await seedDatabase(db, { size, issuer: process.env.ES_ISSUER ?? 'http://localhost:4100' });
db.close();
console.log(`Seeded ${file}: ${r.cases} cases, ${r.comments} comments, ${r.articles} KB articles, ${r.documents} documents, ${r.accounts} accounts in ${(r.ms / 1000).toFixed(2)} s`);
if (!existsSync(file)) process.exit(1);
