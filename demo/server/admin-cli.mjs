#!/usr/bin/env node
// npm run admin -- list [--all] | approve <id> | reject <id> [note]
// Works on the database in ES_DATA_DIR (default .data) directly; emails go to the same outbox the demo shows.
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { openDatabase } from './db.mjs';
import { migrateIdp } from './idp/accounts.mjs';
import { createOutbox } from './outbox.mjs';
import { migrateApi } from './api/schema.mjs';
import { approveAccountRequest, rejectAccountRequest, listAccountRequests, LifecycleError } from './api/account-lifecycle.mjs';

const [cmd, arg, ...rest] = process.argv.slice(2);
const usage = 'Usage: npm run admin -- list [--all] | approve <request-id> | reject <request-id> [note]';
if (!cmd || !['list', 'approve', 'reject'].includes(cmd) || (cmd !== 'list' && !arg)) {
  console.error(usage);
  process.exit(2);
}
const dataDir = resolve(process.env.ES_DATA_DIR ?? '.data');
const file = join(dataDir, 'eservice.sqlite');
if (!existsSync(file)) {
  console.error(`No database at ${file}. Start the stack once (npm start) or set ES_DATA_DIR.`);
  process.exit(1);
}
const db = openDatabase(file);
migrateIdp(db);
migrateApi(db);
const issuer = process.env.ES_ISSUER ?? `http://localhost:${process.env.ES_IDP_PORT ?? 4100}`;
const portalUrl = process.env.ES_PORTAL_URL ?? 'http://localhost:8080';
try {
  if (cmd === 'list') {
    const items = listAccountRequests(db, { status: arg === '--all' ? 'all' : 'open' });
    if (!items.length) console.log('No account requests.');
    for (const r of items) {
      console.log(`${r.id}  ${r.status.padEnd(8)}  ${r.createdAt.slice(0, 16).replace('T', ' ')}  ${r.firstName} ${r.lastName} <${r.email}>  ${r.accountId}${r.organisationName ? ` (${r.organisationName})` : ' (unknown Account ID)'}${r.hasBusinessAccount ? '  [has Business Account]' : ''}`);
    }
  } else if (cmd === 'approve') {
    const outbox = createOutbox(db);
    const r = await approveAccountRequest(db, outbox, { requestId: arg, issuer, portalUrl });
    console.log(`Approved ${r.requestId}: portal user enabled for ${r.organisation.name} (${r.organisation.accountId}).`);
    console.log(r.accountCreated ? 'A new Business Account was created; activation email sent.' : 'The email already had a Business Account; no activation email.');
    console.log(`Welcome email ${r.welcomeSent ? 'sent' : 'FAILED'}.`);
  } else {
    rejectAccountRequest(db, { requestId: arg, note: rest.join(' ') || null });
    console.log(`Rejected ${arg}.`);
  }
} catch (e) {
  console.error(e instanceof LifecycleError ? e.message : e);
  process.exitCode = 1;
} finally {
  db.close();
}
