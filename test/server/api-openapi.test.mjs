// docs/openapi.json is the contract: every route fastify registers is in it and vice versa, the committed file is
// current, and real responses validate against its schemas (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startApi, ANNA, OLLI } from './api-helpers.mjs';
import { createApiServer } from '../../demo/server/api/server.mjs';
import { buildOpenApi } from '../../demo/server/api/openapi.mjs';
import { openDatabase } from '../../demo/server/db.mjs';
import { migrateIdp } from '../../demo/server/idp/accounts.mjs';

const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
let s;
let ajv;

before(async () => {
  s = await startApi();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi');
});
after(() => s?.close());

function assertValid(name, data) {
  const validate = ajv.compile({ $ref: `openapi#/components/schemas/${name}` });
  assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

test('the committed docs/openapi.json is current (node demo/server/api/openapi.mjs)', () => {
  assert.deepEqual(doc, JSON.parse(JSON.stringify(buildOpenApi())));
  assert.equal(doc.openapi, '3.1.0');
});

test('every registered route is documented, and every documented route exists', async () => {
  const db = openDatabase(':memory:');
  migrateIdp(db);
  const app = createApiServer({ db, outbox: null, issuer: 'http://127.0.0.1:1', audience: 'x', dataDir: s.dir, quiet: true });
  const registered = new Set();
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) {
      if (m === 'HEAD' || m === 'OPTIONS') continue;
      registered.add(`${m.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    }
  });
  await app.ready();
  await app.close();
  db.close();
  const documented = new Set();
  for (const [path, ops] of Object.entries(doc.paths)) for (const m of Object.keys(ops)) documented.add(`${m} ${path}`);
  assert.ok(registered.size >= 22, `registered ${registered.size}`);
  assert.deepEqual([...registered].filter((r) => !documented.has(r)), [], 'registered but not documented');
  assert.deepEqual([...documented].filter((r) => !registered.has(r)), [], 'documented but not registered');
  // Every operation documents its success response and an error shape.
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      assert.ok(Object.keys(op.responses).some((c) => c.startsWith('2')), `${m} ${path}: success response`);
      assert.ok(op.operationId, `${m} ${path}: operationId`);
    }
  }
});

test('the document names every model of src/core/models.ts that crosses the wire', () => {
  const models = readFileSync(new URL('../../src/core/models.ts', import.meta.url), 'utf8');
  const names = [...models.matchAll(/export interface (\w+)/g)].map((m) => m[1])
    .filter((n) => !['Page', 'CaseQuery', 'CommentQuery', 'NewCase', 'NewComment', 'KbQuery', 'DocumentQuery', 'AccountRequestInput'].includes(n));
  for (const n of names) assert.ok(doc.components.schemas[n], `components.schemas.${n}`);
});

test('real responses validate against the documented schemas', async () => {
  const anna = await s.tokenFor(ANNA);
  const get = async (p, token) => (await s.call('GET', p, { token })).body;
  assertValid('Me', await get('/api/v1/me', anna));
  assertValid('Me', await get('/api/v1/me', await s.tokenFor(OLLI)));
  const page = await get('/api/v1/cases?limit=20', anna);
  assertValid('CaseSummaryPage', page);
  for (const c of page.items.slice(0, 10)) {
    assertValid('SupportCase', await get(`/api/v1/cases/${c.id}`, anna));
    const comments = await get(`/api/v1/cases/${c.id}/comments`, anna);
    assertValid('CommentPage', comments);
  }
  const made = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'oa-1' }, body: { subject: 'OpenAPI check', description: 'Validating the response against the document.', productId: 'aegis-edr', severity: 'medium' } });
  assertValid('SupportCase', made.body);
  const cm = await s.call('POST', `/api/v1/cases/${made.body.id}/comments`, { token: anna, headers: { 'idempotency-key': 'oa-2' }, body: { body: 'hello' } });
  assertValid('Comment', cm.body);
  assertValid('SupportCase', (await s.call('POST', `/api/v1/cases/${made.body.id}/escalations`, { token: anna, body: { reason: 'Checking the shape' } })).body);
  const fd = new FormData();
  fd.append('file', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
  assertValid('Attachment', (await s.call('POST', '/api/v1/attachments', { token: anna, raw: fd })).body);
  for (const p of (await get('/api/v1/products'))) assertValid('Product', p);
  const kb = await get('/api/v1/kb/search?q=certificate');
  assertValid('KbSearchPage', kb);
  assertValid('KbArticle', await get(`/api/v1/kb/articles/${kb.items[0].id}`));
  assertValid('Contacts', await get('/api/v1/contacts'));
  for (const d of await get('/api/v1/documents')) assertValid('DocumentInfo', d);
  const rq = await s.call('POST', '/api/v1/account-requests', { body: { firstName: 'A', lastName: 'B', email: 'ab@example.com', accountId: 'ACC-104233' } });
  assertValid('AccountRequestReceipt', rq.body);
  const admin = await s.call('GET', '/admin/account-requests', { headers: { 'x-admin-token': 'test-admin' } });
  assertValid('AdminAccountRequestList', admin.body);
  const approved = await s.call('POST', `/admin/account-requests/${rq.body.id}/approve`, { headers: { 'x-admin-token': 'test-admin' } });
  assertValid('ApprovalResult', approved.body);
  for (const bad of [await s.call('GET', '/api/v1/cases'), await s.call('GET', '/api/v1/cases?limit=0', { token: anna }), await s.call('GET', '/api/v1/nope')]) {
    assertValid('ProblemDetails', bad.body);
  }
  // A wrong shape does fail (the check can fail).
  const v = ajv.compile({ $ref: 'openapi#/components/schemas/CaseSummary' });
  assert.equal(v({ ...page.items[0], extra: 1 }), false);
});
