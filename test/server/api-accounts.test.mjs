// Account life cycle: request (public, validated, duplicates, rate limited) → admin approves (admin token) →
// Business Account created + activation email when the email has none / no activation when it has one → portal
// user enabled → welcome email → /me enabled. Also the admin CLI, and the whole path through the real identity
// provider (sign-in with PKCE, JWKS verification) when the stack is available.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, AUDIENCE, OLLI, PEKKA } from './api-helpers.mjs';
import { createApiServer } from '../../demo/server/api/server.mjs';
import { findAccountByEmail } from '../../demo/server/idp/accounts.mjs';
import { openDatabase } from '../../demo/server/db.mjs';
import { seedDatabase } from '../../demo/server/seed/seed.mjs';

const run = promisify(execFile);
let s;
const ADMIN = { 'x-admin-token': 'test-admin' };

before(async () => { s = await startApi({ rateLimit: { max: 50, timeWindow: 60_000 } }); });
after(() => s?.close());

const request = (body) => s.call('POST', '/api/v1/account-requests', { body, headers: { 'x-forwarded-for': '1.1.1.1' } });

test('new person: request → receipt email → approve → activation + welcome emails → /me enabled → can list cases', async () => {
  const email = 'emilia.koski@nordicbank.example';
  const r = await request({ firstName: 'Emilia', lastName: 'Koski', email: 'Emilia.Koski@NordicBank.example', accountId: 'ACC-104233', message: 'New in the SOC team' });
  assert.equal(r.status, 201);
  assert.deepEqual(Object.keys(r.body).sort(), ['hasBusinessAccount', 'id', 'status']);
  assert.equal(r.body.status, 'received');
  assert.equal(r.body.hasBusinessAccount, false);
  const receipt = s.outbox.list({ to: email, kind: 'account-request-received' });
  assert.equal(receipt.length, 1);
  assert.match(receipt[0].text, /4-5 business days/);

  const dup = await request({ firstName: 'Emilia', lastName: 'Koski', email, accountId: 'ACC-104233' });
  assert.equal(dup.status, 200);
  assert.deepEqual(dup.body, { id: r.body.id, status: 'duplicate', hasBusinessAccount: false });
  assert.equal(s.outbox.list({ to: email, kind: 'account-request-received' }).length, 1, 'no second receipt');

  const unauth = await s.call('POST', `/admin/account-requests/${r.body.id}/approve`);
  assert.equal(unauth.status, 401);
  const wrong = await s.call('POST', `/admin/account-requests/${r.body.id}/approve`, { headers: { 'x-admin-token': 'nope' } });
  assert.equal(wrong.status, 401);
  const listed = await s.call('GET', '/admin/account-requests', { headers: ADMIN });
  const row = listed.body.items.find((i) => i.id === r.body.id);
  assert.equal(row.organisationName, 'Nordic Bank Oyj');
  assert.equal(row.email, email, 'emails are stored lower-case');

  const ok = await s.call('POST', `/admin/account-requests/${r.body.id}/approve`, { headers: { authorization: 'Bearer test-admin' } });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.accountCreated, true);
  assert.equal(ok.body.activationSent, true);
  assert.equal(ok.body.welcomeSent, true);
  const account = findAccountByEmail(s.db, email);
  assert.equal(account.status, 'inactive', 'no password until activation');
  assert.equal(account.firstName, 'Emilia');
  const activation = s.outbox.list({ to: email, kind: 'activation' });
  assert.equal(activation.length, 1);
  assert.match(activation[0].text, new RegExp(`${s.issuer}/activate/[A-Za-z0-9_-]+`));
  const welcome = s.outbox.list({ to: email, kind: 'welcome' });
  assert.equal(welcome.length, 1);
  assert.match(welcome[0].text, /http:\/\/localhost:8080/);
  assert.match(welcome[0].text, /username is your email address/);

  const token = await s.token(account.id);
  const me = await s.call('GET', '/api/v1/me', { token });
  assert.equal(me.body.portalAccess, 'enabled');
  assert.equal(me.body.organisation.accountId, 'ACC-104233');
  assert.equal((await s.call('GET', '/api/v1/cases?limit=1', { token })).status, 200);

  const twice = await s.call('POST', `/admin/account-requests/${r.body.id}/approve`, { headers: ADMIN });
  assert.equal(twice.status, 409);
  const again = await request({ firstName: 'Emilia', lastName: 'Koski', email, accountId: 'ACC-104233' });
  assert.equal(again.body.status, 'received', 'a decided request is no longer a duplicate');
  assert.equal(again.body.hasBusinessAccount, true);
});

test('existing Business Account (olli): approve sends no activation email, only the welcome email', async () => {
  const r = await request({ firstName: 'Olli', lastName: 'Noaccess', email: OLLI, accountId: 'ACC-220871' });
  assert.equal(r.body.hasBusinessAccount, true);
  const ok = await s.call('POST', `/admin/account-requests/${r.body.id}/approve`, { headers: ADMIN });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.accountCreated, false);
  assert.equal(ok.body.activationSent, false);
  assert.equal(s.outbox.list({ to: OLLI, kind: 'activation' }).length, 0);
  const welcome = s.outbox.list({ to: OLLI, kind: 'welcome' });
  assert.equal(welcome.length, 1);
  assert.match(welcome[0].text, /Fabrikam Logistics GmbH/);
  const me = await s.call('GET', '/api/v1/me', { token: await s.tokenFor(OLLI) });
  assert.equal(me.body.portalAccess, 'enabled');
  assert.equal(me.body.organisation.name, 'Fabrikam Logistics GmbH');
});

test('existing but never activated Business Account: approval sends a fresh activation link', async () => {
  const { createAccount } = await import('../../demo/server/idp/accounts.mjs');
  const email = 'never.activated@contoso.example';
  createAccount(s.db, { email, firstName: 'Never', lastName: 'Activated' });
  const r = await request({ firstName: 'Never', lastName: 'Activated', email, accountId: 'ACC-318560' });
  assert.equal(r.body.hasBusinessAccount, true);
  const ok = await s.call('POST', `/admin/account-requests/${r.body.id}/approve`, { headers: ADMIN });
  assert.equal(ok.body.accountCreated, false);
  assert.equal(ok.body.activationSent, true);
  assert.equal(s.outbox.list({ to: email, kind: 'activation' }).length, 1);
  assert.match(s.outbox.list({ to: email, kind: 'welcome' })[0].text, /activation link/);
});

test('pending portal user (pekka): approval enables the existing pending portal user', async () => {
  const before = await s.call('GET', '/api/v1/me', { token: await s.tokenFor(PEKKA) });
  assert.equal(before.body.portalAccess, 'pending');
  const r = await request({ firstName: 'Pekka', lastName: 'Pending', email: PEKKA, accountId: 'ACC-104233' });
  const ok = await s.call('POST', `/admin/account-requests/${r.body.id}/approve`, { headers: ADMIN });
  assert.equal(ok.status, 200);
  const me = await s.call('GET', '/api/v1/me', { token: await s.tokenFor(PEKKA) });
  assert.equal(me.body.portalAccess, 'enabled');
});

test('unknown Account ID: approval fails clearly and changes nothing; reject works', async () => {
  const email = 'nobody@unknown.example';
  const r = await request({ firstName: 'No', lastName: 'Body', email, accountId: 'ACC-999999' });
  assert.equal(r.status, 201);
  const res = await s.call('POST', `/admin/account-requests/${r.body.id}/approve`, { headers: ADMIN });
  assert.equal(res.status, 422);
  assert.match(res.body.detail, /ACC-999999/);
  assert.equal(findAccountByEmail(s.db, email), null, 'no account was created (one transaction)');
  const rej = await s.call('POST', `/admin/account-requests/${r.body.id}/reject`, { headers: ADMIN, body: { note: 'Unknown customer' } });
  assert.deepEqual(rej.body, { requestId: r.body.id, status: 'rejected' });
  assert.equal((await s.call('POST', '/admin/account-requests/areq_nope/approve', { headers: ADMIN })).status, 404);
  const all = await s.call('GET', '/admin/account-requests?status=rejected', { headers: ADMIN });
  assert.ok(all.body.items.some((i) => i.id === r.body.id));
});

test('rate limit: 429 problem with Retry-After after the configured number of requests', async () => {
  const lim = await startApi({ seed: false, rateLimit: { max: 3, timeWindow: 60_000 } });
  try {
    const statuses = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await lim.call('POST', '/api/v1/account-requests', { body: { firstName: 'R', lastName: 'L', email: `rl${i}@example.com`, accountId: 'ACC-104233' }, headers: { origin: 'http://localhost:8080' } });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    assert.match(last.type, /^application\/problem\+json/);
    assert.equal(last.body.status, 429);
    assert.ok(Number(last.headers.get('retry-after')) > 0);
    assert.match(last.headers.get('access-control-expose-headers'), /Retry-After/);
  } finally {
    await lim.close();
  }
});

test('rate limit counters live in the database: a restarted (or second) API process keeps counting', async () => {
  const lim = await startApi({ seed: false, rateLimit: { max: 3, timeWindow: 60_000 } });
  let second;
  try {
    const body = (i) => JSON.stringify({ firstName: 'R', lastName: 'L', email: `persist${i}@example.com`, accountId: 'ACC-104233' });
    const post = (base, i) => fetch(`${base}/api/v1/account-requests`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:8080' }, body: body(i) });
    assert.deepEqual([(await post(lim.base, 1)).status, (await post(lim.base, 2)).status], [201, 201]);
    // A new server on the same database file, as after a restart.
    second = createApiServer({ db: lim.db, outbox: lim.outbox, issuer: lim.issuer, audience: AUDIENCE, dataDir: lim.dir, quiet: true,
      accountRequestRateLimit: { max: 3, timeWindow: 60_000 } });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const base2 = `http://127.0.0.1:${second.server.address().port}`;
    assert.deepEqual([(await post(base2, 3)).status, (await post(base2, 4)).status], [201, 429], 'the allowance was not reset');
    assert.equal((await post(lim.base, 5)).status, 429, 'and the first process sees the same count');
  } finally {
    await second?.close();
    await lim.close();
  }
});

test('admin CLI: list and approve against a data folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-admin-cli-'));
  try {
    const db = openDatabase(join(dir, 'eservice.sqlite'));
    await seedDatabase(db, { size: { cases: 5, articles: 5 } });
    db.close();
    const env = { ...process.env, ES_DATA_DIR: dir };
    const listed = await run(process.execPath, ['demo/server/admin-cli.mjs', 'list'], { env });
    assert.match(listed.stdout, /areq_demo_emma .*<emma\.nieminen@nordicbank\.example>\s+ACC-104233 \(Nordic Bank Oyj\)/);
    const approved = await run(process.execPath, ['demo/server/admin-cli.mjs', 'approve', 'areq_demo_emma'], { env });
    assert.match(approved.stdout, /activation email sent/);
    const again = await run(process.execPath, ['demo/server/admin-cli.mjs', 'approve', 'areq_demo_emma'], { env }).catch((e) => e);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already approved/);
    const db2 = openDatabase(join(dir, 'eservice.sqlite'));
    const mails = db2.prepare("SELECT kind FROM outbox_messages WHERE to_addr = 'emma.nieminen@nordicbank.example' ORDER BY seq").all().map((m) => m.kind);
    db2.close();
    assert.deepEqual(mails, ['activation', 'welcome']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const stackReady = existsSync(new URL('./helpers/start-stack.mjs', import.meta.url)) && existsSync(new URL('../../demo/server/stack.mjs', import.meta.url));

test('through the real identity provider: activation link sets the password, sign-in with PKCE, /me enabled', { skip: !stackReady && 'stack helpers missing', timeout: 60_000 }, async () => {
  const { startTestStack, signIn, createBrowser } = await import('./helpers/start-stack.mjs');
  const stack = await startTestStack({ seed: 'demo' });
  try {
    const api = stack.urls.apiBase;
    const anna = await signIn(stack, { username: 'anna.virtanen@nordicbank.example', password: 'Support!2026' });
    const me = await (await fetch(`${api}/me`, { headers: { authorization: `Bearer ${anna.accessToken}` } })).json();
    assert.equal(me.portalAccess, 'enabled');
    assert.equal(me.organisation.accountId, 'ACC-104233');
    const john = await signIn(stack, { username: 'jsmith', password: 'Support!2026' });
    const jme = await (await fetch(`${api}/me`, { headers: { authorization: `Bearer ${john.accessToken}` } })).json();
    assert.equal(jme.username, 'jsmith');

    const email = 'ville.uusi@contoso.example';
    const req = await fetch(`${api}/account-requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ firstName: 'Ville', lastName: 'Uusi', email, accountId: 'ACC-318560' }) });
    assert.equal(req.status, 201);
    const { id } = await req.json();
    const approve = await fetch(`${stack.urls.api}/admin/account-requests/${id}/approve`, { method: 'POST', headers: { 'x-admin-token': process.env.ES_ADMIN_TOKEN ?? 'demo-admin' } });
    assert.equal(approve.status, 200);
    const activation = stack.outbox.list({ to: email, kind: 'activation' })[0];
    const link = /(http\S+\/activate\/[A-Za-z0-9_-]+)/.exec(activation.text)[1];
    const browser = createBrowser();
    const set = await browser.postForm(link, { password: 'Brand-new-pass-2026', confirm: 'Brand-new-pass-2026' });
    assert.equal(set.status, 200);
    const ville = await signIn(stack, { username: email, password: 'Brand-new-pass-2026' });
    const vme = await (await fetch(`${api}/me`, { headers: { authorization: `Bearer ${ville.accessToken}` } })).json();
    assert.equal(vme.portalAccess, 'enabled');
    assert.equal(vme.organisation.name, 'Contoso Health Ltd');
    const cases = await fetch(`${api}/cases?limit=3`, { headers: { authorization: `Bearer ${ville.accessToken}` } });
    assert.equal(cases.status, 200);
  } finally {
    await stack.cleanup();
  }
});
