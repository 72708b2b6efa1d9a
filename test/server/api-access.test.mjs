// Support API: the access matrix (every protected route × anonymous / expired / wrong audience / wrong issuer /
// foreign key / no portal user / pending / other organisation), /me states, problem+json errors, CORS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, ANNA, JSMITH, OLLI, PEKKA, PORTAL_ORIGIN } from './api-helpers.mjs';

let s;
let anna;
let caseId;
let attachmentId;

before(async () => {
  s = await startApi();
  anna = await s.tokenFor(ANNA);
  const list = await s.call('GET', '/api/v1/cases?limit=1', { token: anna });
  caseId = list.body.items[0].id;
  const fd = new FormData();
  fd.append('file', new Blob(['log line\n'], { type: 'text/plain' }), 'a.log');
  const up = await s.call('POST', '/api/v1/attachments', { token: anna, raw: fd });
  attachmentId = up.body.id;
});
after(() => s?.close());

/** Protected routes; `org` = the item belongs to Anna's organisation (Nordic Bank). */
const routes = () => [
  { m: 'GET', p: '/api/v1/cases' },
  { m: 'POST', p: '/api/v1/cases', body: { subject: 'Matrix subject', description: 'A description that is long enough.', productId: 'aegis-edr', severity: 'low' }, idem: true },
  { m: 'GET', p: `/api/v1/cases/${caseId}`, org: true },
  { m: 'GET', p: `/api/v1/cases/${caseId}/comments`, org: true },
  { m: 'POST', p: `/api/v1/cases/${caseId}/comments`, body: { body: 'matrix comment' }, idem: true, org: true },
  { m: 'POST', p: `/api/v1/cases/${caseId}/close`, body: { reason: 'matrix close' }, org: true },
  { m: 'POST', p: `/api/v1/cases/${caseId}/reopen`, body: { reason: 'matrix reopen' }, org: true },
  { m: 'POST', p: `/api/v1/cases/${caseId}/escalations`, body: { reason: 'matrix escalation' }, org: true },
  { m: 'POST', p: '/api/v1/attachments', multipart: true },
  { m: 'GET', p: `/api/v1/attachments/${attachmentId}`, org: true },
];

async function send(r, token) {
  const headers = r.idem ? { 'idempotency-key': `k-${Math.random()}` } : {};
  if (r.multipart) {
    const fd = new FormData();
    fd.append('file', new Blob(['x\n'], { type: 'text/plain' }), 'x.txt');
    return s.call(r.m, r.p, { token, raw: fd, headers });
  }
  return s.call(r.m, r.p, { token, body: r.body, headers });
}

const noData = (res) => {
  const text = JSON.stringify(res.body ?? '');
  assert.match(res.type, /^application\/problem\+json/);
  assert.equal(res.body.status, res.status);
  assert.ok(!text.includes(caseId) && !/"subject"|"description"|"fileName"/.test(text), `leaked data: ${text.slice(0, 200)}`);
};

test('every protected route answers 401 to anonymous, expired, wrong-audience, wrong-issuer and foreign-key tokens', async () => {
  const bad = {
    anonymous: undefined,
    expired: await s.tokenFor(ANNA, { expiresIn: -120 }),
    'wrong audience': await s.tokenFor(ANNA, { aud: 'http://localhost:9999/other-api' }),
    'wrong issuer': await s.tokenFor(ANNA, { iss: 'http://evil.example' }),
    'foreign key': await s.tokenFor(ANNA, { key: 'other' }),
    garbage: 'abc.def.ghi',
  };
  let checked = 0;
  for (const r of routes()) {
    for (const [kind, token] of Object.entries(bad)) {
      const res = await send(r, token);
      assert.equal(res.status, 401, `${r.m} ${r.p} with ${kind} → ${res.status}`);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/, `${kind}: WWW-Authenticate`);
      if (token) assert.match(res.headers.get('www-authenticate'), /error="invalid_token"/, `${r.m} ${r.p} ${kind}`);
      noData(res);
      checked++;
    }
  }
  assert.equal(checked, routes().length * 6);
});

test('expired token names the reason in the problem detail', async () => {
  const res = await s.call('GET', '/api/v1/me', { token: await s.tokenFor(ANNA, { expiresIn: -120 }) });
  assert.equal(res.status, 401);
  assert.match(res.body.detail, /expired/);
});

test('no portal user (olli) and pending portal user (pekka) get 403 on every protected route', async () => {
  for (const email of [OLLI, PEKKA]) {
    const token = await s.tokenFor(email);
    for (const r of routes()) {
      const res = await send(r, token);
      assert.equal(res.status, 403, `${email} ${r.m} ${r.p} → ${res.status}`);
      noData(res);
    }
  }
});

test("another organisation's items are 404 (no existence leak) and never listed", async () => {
  const john = await s.tokenFor(JSMITH);
  for (const r of routes().filter((x) => x.org)) {
    const res = await send(r, john);
    assert.equal(res.status, 404, `${r.m} ${r.p} → ${res.status}`);
    noData(res);
  }
  const missing = await s.call('GET', '/api/v1/cases/case_doesnotexist', { token: john });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.detail, (await send(routes()[2], john)).body.detail, 'missing and foreign look the same');
  const list = await s.call('GET', '/api/v1/cases?limit=200', { token: john });
  assert.equal(list.status, 200);
  assert.ok(list.body.items.length > 0);
  assert.ok(!JSON.stringify(list.body).includes(caseId));
  const annaCase = await s.call('GET', `/api/v1/cases/${caseId}`, { token: anna });
  assert.equal(annaCase.status, 200, 'the owner still sees it');
});

test('/me: enabled, pending (pending portal user), none; username differs from email for jsmith', async () => {
  const me = await s.call('GET', '/api/v1/me', { token: anna });
  assert.equal(me.status, 200);
  assert.deepEqual(Object.keys(me.body).sort(), ['email', 'firstName', 'id', 'lastName', 'name', 'organisation', 'portalAccess', 'username']);
  assert.equal(me.body.portalAccess, 'enabled');
  assert.deepEqual(me.body.organisation, { id: 'org-nordic-bank', name: 'Nordic Bank Oyj', accountId: 'ACC-104233' });
  assert.equal(me.body.name, 'Anna Virtanen');
  const pekka = await s.call('GET', '/api/v1/me', { token: await s.tokenFor(PEKKA) });
  assert.equal(pekka.body.portalAccess, 'pending');
  const olli = await s.call('GET', '/api/v1/me', { token: await s.tokenFor(OLLI) });
  assert.equal(olli.body.portalAccess, 'none');
  assert.equal(olli.body.organisation, null);
  const john = await s.call('GET', '/api/v1/me', { token: await s.tokenFor(JSMITH) });
  assert.equal(john.body.username, 'jsmith');
  assert.equal(john.body.email, 'john.smith@fabrikam.example');
  assert.equal(john.body.organisation.accountId, 'ACC-220871');
});

test('/me is pending for an account that only has an open account request', async () => {
  const req = await s.call('POST', '/api/v1/account-requests', { body: { firstName: 'Olli', lastName: 'Noaccess', email: OLLI, accountId: 'ACC-220871' } });
  assert.equal(req.status, 201);
  assert.equal(req.body.hasBusinessAccount, true);
  const me = await s.call('GET', '/api/v1/me', { token: await s.tokenFor(OLLI) });
  assert.equal(me.body.portalAccess, 'pending');
  assert.equal(me.body.organisation, null);
  const cases = await s.call('GET', '/api/v1/cases', { token: await s.tokenFor(OLLI) });
  assert.equal(cases.status, 403, 'a request is not access');
});

test('validation errors list each bad field', async () => {
  const res = await s.call('POST', '/api/v1/cases', {
    token: anna, headers: { 'idempotency-key': 'val-1' },
    body: { subject: 'abc', description: 'short', productId: '', severity: 'urgent', contactPhone: 'call me', attachmentIds: 'x' },
  });
  assert.equal(res.status, 400);
  assert.match(res.type, /^application\/problem\+json/);
  const fields = res.body.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['attachmentIds', 'contactPhone', 'description', 'productId', 'severity', 'subject']);
  for (const e of res.body.errors) assert.ok(e.message.length > 3, e.field);
  const missing = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'val-2' }, body: {} });
  assert.deepEqual(missing.body.errors.map((e) => e.field).sort(), ['description', 'productId', 'severity', 'subject']);
  assert.ok(missing.body.errors.every((e) => e.message === 'is required'));
  const blank = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'val-3' }, body: { subject: '      ', description: ' '.repeat(30), productId: 'aegis-edr', severity: 'low' } });
  assert.deepEqual(blank.body.errors.map((e) => e.field).sort(), ['description', 'subject']);
  const unknownProduct = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'val-4' }, body: { subject: 'Valid subject', description: 'A description that is long enough.', productId: 'nope', severity: 'low' } });
  assert.equal(unknownProduct.status, 400);
  assert.deepEqual(unknownProduct.body.errors, [{ field: 'productId', message: 'is not a known product' }]);
  const query = await s.call('GET', '/api/v1/cases?limit=0&sort=up&status=open&severity=bad', { token: anna });
  assert.deepEqual(query.body.errors.map((e) => e.field).sort(), ['limit', 'severity', 'sort', 'status']);
  const acct = await s.call('POST', '/api/v1/account-requests', { body: { firstName: '', lastName: 'x'.repeat(101), email: 'not-an-email', accountId: 'ACC-12' } });
  assert.deepEqual(acct.body.errors.map((e) => e.field).sort(), ['accountId', 'email', 'firstName', 'lastName']);
});

test('malformed JSON, wrong content type, huge body, unknown route and method are problem+json, never 5xx', async () => {
  const bad = await s.call('POST', '/api/v1/account-requests', { raw: '{"firstName": ', headers: { 'content-type': 'application/json' } });
  assert.equal(bad.status, 400);
  assert.match(bad.type, /^application\/problem\+json/);
  assert.match(bad.body.detail, /not valid JSON/);
  const type = await s.call('POST', '/api/v1/account-requests', { raw: 'a=b', headers: { 'content-type': 'text/plain' } });
  assert.equal(type.status, 415);
  assert.equal(type.body.status, 415);
  const huge = await s.call('POST', '/api/v1/kb/articles/kb-1001/feedback', { raw: JSON.stringify({ helpful: true, pad: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } });
  assert.equal(huge.status, 413);
  const nf = await s.call('GET', '/api/v1/nothing-here');
  assert.equal(nf.status, 404);
  assert.match(nf.type, /^application\/problem\+json/);
  const method = await s.call('DELETE', `/api/v1/cases/${caseId}`, { token: anna });
  assert.equal(method.status, 405);
  assert.equal(method.headers.get('allow'), 'GET, HEAD');
  const cursor = await s.call('GET', '/api/v1/cases?cursor=bm9wZQ', { token: anna });
  assert.equal(cursor.status, 400);
  assert.equal(cursor.body.errors[0].field, 'cursor');
  const longHeader = await s.call('GET', '/api/v1/me', { headers: { authorization: `Bearer ${'a'.repeat(20000)}` } });
  assert.equal(longHeader.status, 431);
  assert.match(longHeader.type, /^application\/problem\+json/);
});

test('CORS: allow-listed origins only, Retry-After exposed, preflight allows Idempotency-Key', async () => {
  const ok = await s.call('GET', '/api/v1/products', { headers: { origin: PORTAL_ORIGIN } });
  assert.equal(ok.headers.get('access-control-allow-origin'), PORTAL_ORIGIN);
  assert.match(ok.headers.get('access-control-expose-headers'), /Retry-After/);
  const evil = await s.call('GET', '/api/v1/products', { headers: { origin: 'http://evil.example' } });
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  const pre = await s.call('OPTIONS', '/api/v1/cases', { headers: { origin: PORTAL_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' } });
  assert.ok(pre.status === 204 || pre.status === 200);
  assert.match(pre.headers.get('access-control-allow-headers'), /Idempotency-Key/i);
});

test('token verifier finds the keys through the provider discovery document (jwks_uri)', async () => {
  const { createServer } = await import('node:http');
  const { generateKeyPair, exportJWK, SignJWT } = await import('jose');
  const { createTokenVerifier } = await import('../../demo/server/api/auth.mjs');
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'disc', alg: 'ES256' };
  const hits = [];
  const srv = createServer((req, res) => {
    hits.push(req.url);
    const base = `http://127.0.0.1:${srv.address().port}`;
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/custom/keys` }));
    else if (req.url === '/custom/keys') res.end(JSON.stringify({ keys: [jwk] }));
    else { res.statusCode = 404; res.end(); }
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  try {
    const issuer = `http://127.0.0.1:${srv.address().port}`;
    const verify = createTokenVerifier({ issuer, audience: 'api' });
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'disc' }).setSubject('u1').setIssuer(issuer)
      .setAudience('api').setExpirationTime('5m').sign(privateKey);
    assert.equal((await verify(token)).sub, 'u1');
    assert.deepEqual(hits, ['/.well-known/openid-configuration', '/custom/keys']);
    const other = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'disc' }).setSubject('u1').setIssuer(issuer)
      .setAudience('other').setExpirationTime('5m').sign(privateKey);
    await assert.rejects(verify(other));
  } finally {
    srv.close();
  }
});
