// Security suite, part 3: tampered tokens over every route (the access matrix proper is
// test/server/api-access.test.mjs), and malformed input (random JSON,
// wrong types, huge strings, broken multipart, wrong content types, odd paths and query strings).
// Expectation: 0 responses with status 5xx, every error answered as application/problem+json whose `status`
// matches the HTTP status, and no data for a caller who may not see it.
// Deterministic: the random generator is seeded (ES_FUZZ_SEED, default 20261125); ES_FUZZ_ROUNDS scales the fuzz.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { missingPieces } from '../e2e/helpers/stack.mjs';

const missing = missingPieces({ dist: false });
const SEED = Number(process.env.ES_FUZZ_SEED ?? 20261125);
const ROUNDS = Number(process.env.ES_FUZZ_ROUNDS ?? 12);

/** Mulberry32: small, seeded, good enough to pick fuzz inputs reproducibly. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const HUGE = 'x'.repeat(300_000);
const NASTY_STRINGS = [
  '', ' ', '\u0000', '\uD800', '\uDFFF\uD800', '\u202E', '<script>alert(1)</script>', "' OR 1=1 --", '"; DROP TABLE cases; --',
  '../../../etc/passwd', '%00', '%', '\\', '{}', '[]', 'null', 'true', '1e309', '-0', 'NaN', HUGE, '🙂'.repeat(50_000),
  'ACC-104233', 'a@b', 'x'.repeat(201), 'x'.repeat(20_001), '\r\n\r\n', '${7*7}', '__proto__', 'constructor',
];

function randomValue(r, depth = 0) {
  switch (r.int(depth > 3 ? 6 : 9)) {
    case 0: return null;
    case 1: return r.next() < 0.5;
    case 2: return r.pick([0, -1, 1.5, 2 ** 53 + 1, -(2 ** 31), 1e308, Number.MAX_SAFE_INTEGER]);
    case 3: case 4: return r.pick(NASTY_STRINGS);
    case 5: return r.pick(['critical', 'high', 'bogus', 'new', 'closed', 'prod_1', 'case_x']);
    case 6: return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    case 7: return randomObject(r, depth + 1);
    default: return Array.from({ length: 200 }, () => r.pick(NASTY_STRINGS.slice(0, 10)));
  }
}

const FIELDS = ['subject', 'description', 'productId', 'severity', 'contactPhone', 'attachmentIds', 'body', 'reason',
  'helpful', 'firstName', 'lastName', 'email', 'accountId', 'message', 'note', '__proto__', 'constructor', 'prototype'];

function randomObject(r, depth = 0) {
  const o = {};
  const n = r.int(8);
  for (let i = 0; i < n; i++) o[r.pick(FIELDS)] = randomValue(r, depth + 1);
  return o;
}

/** Deeply nested JSON (parser stress). */
const deep = (n) => '['.repeat(n) + ']'.repeat(n);

let stack;
let tokens = {};
let ids = {};
const report = { requests: 0, unsendable: 0, fiveXX: [], notProblem: [], leaks: [], byStatus: {} };

async function call(method, path, { token, body, headers = {}, raw } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) { payload = JSON.stringify(body); h['content-type'] ??= 'application/json'; }
  let res;
  try {
    res = await fetch(`${stack.urls.api}${path}`, { method, headers: h, body: payload, duplex: 'half' });
  } catch (e) {
    // fetch itself refuses some inputs (non-Latin-1 header values, forbidden methods): nothing was sent.
    if (!e.cause || e.cause instanceof TypeError && !e.cause.code) { report.unsendable++; return { status: -1, text: '', json: null, type: '' }; }
    // A reset connection is a server failure too (e.g. the process crashed).
    report.requests++;
    report.fiveXX.push(`${method} ${path.slice(0, 80)} → connection error ${e.cause?.code ?? e.message}`);
    return { status: 0, text: '', json: null, type: '' };
  }
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  report.requests++;
  report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
  const where = `${method} ${path.slice(0, 80)}${path.length > 80 ? '…' : ''}`;
  if (res.status >= 500) report.fiveXX.push(`${where} → ${res.status} ${text.slice(0, 200)}`);
  let json = null;
  try { json = JSON.parse(text); } catch { /* not json */ }
  if (res.status >= 400) {
    const ok = type.startsWith('application/problem+json') && json && typeof json.title === 'string' &&
      typeof json.type === 'string' && json.status === res.status;
    if (!ok) report.notProblem.push(`${where} → ${res.status} ${type} ${text.slice(0, 120)}`);
  }
  return { status: res.status, text, json, type };
}

before(async () => {
  if (missing) return;
  const { startTestStack, signIn } = await import('../server/helpers/start-stack.mjs');
  stack = await startTestStack({ seed: 'demo' });
  const anna = await signIn(stack, { username: 'anna.virtanen@nordicbank.example', password: 'Support!2026' });
  tokens = { anna: anna.accessToken };
  // Fixtures of Anna's organisation (Nordic Bank) that the other callers must not reach.
  const list = await call('GET', '/api/v1/cases?limit=5', { token: tokens.anna });
  ids.case = list.json?.items?.[0]?.id;
  const products = await call('GET', '/api/v1/products');
  ids.product = products.json?.[0]?.id;
  const fd = new FormData();
  fd.append('file', new Blob(['hello log\n'], { type: 'text/plain' }), 'fixture.txt');
  const up = await fetch(`${stack.urls.api}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.anna}` }, body: fd });
  ids.attachment = (await up.json())?.id;
  const kb = await call('GET', '/api/v1/kb/search?q=password');
  ids.article = kb.json?.items?.[0]?.id;
  const docs = await call('GET', '/api/v1/documents');
  ids.document = docs.json?.[0]?.id;
});

after(async () => {
  if (stack) await stack.cleanup();
  if (!missing) {
    console.log(`# api fuzz: ${report.requests} requests (+${report.unsendable} inputs fetch refused to send), ${report.fiveXX.length} with 5xx, ${report.notProblem.length} errors not problem+json, ${report.leaks.length} leaks; statuses ${JSON.stringify(report.byStatus)}`);
    for (const l of [...report.fiveXX, ...report.notProblem, ...report.leaks].slice(0, 30)) console.log(`#   ${l}`);
  }
});

const skip = missing ? `missing: ${missing.join(', ')}` : false;

/** Every route of DESIGN.md §5 (+ downloads), with a valid-looking body. */
function routes() {
  const c = ids.case ?? 'case_missing';
  return [
    { m: 'GET', p: '/api/v1/me', auth: 'token' },
    { m: 'GET', p: '/api/v1/cases', auth: 'portal' },
    { m: 'POST', p: '/api/v1/cases', auth: 'portal', body: { subject: 'Matrix case subject', description: 'A description long enough to pass.', productId: ids.product, severity: 'low' }, idem: true },
    { m: 'GET', p: `/api/v1/cases/${c}`, auth: 'org' },
    { m: 'GET', p: `/api/v1/cases/${c}/comments`, auth: 'org' },
    { m: 'POST', p: `/api/v1/cases/${c}/comments`, auth: 'org', body: { body: 'matrix comment' }, idem: true },
    { m: 'POST', p: `/api/v1/cases/${c}/close`, auth: 'org', body: { reason: 'matrix close reason' } },
    { m: 'POST', p: `/api/v1/cases/${c}/reopen`, auth: 'org', body: { reason: 'matrix reopen reason' } },
    { m: 'POST', p: `/api/v1/cases/${c}/escalations`, auth: 'org', body: { reason: 'matrix escalation reason' } },
    { m: 'POST', p: '/api/v1/attachments', auth: 'portal', multipart: true },
    { m: 'GET', p: `/api/v1/attachments/${ids.attachment ?? 'att_missing'}`, auth: 'org' },
    { m: 'GET', p: '/api/v1/products', auth: 'public' },
    { m: 'GET', p: '/api/v1/kb/search?q=password', auth: 'public' },
    { m: 'GET', p: `/api/v1/kb/articles/${ids.article ?? 'kb_missing'}`, auth: 'public' },
    { m: 'POST', p: `/api/v1/kb/articles/${ids.article ?? 'kb_missing'}/feedback`, auth: 'public', body: { helpful: true } },
    { m: 'GET', p: '/api/v1/contacts', auth: 'public' },
    { m: 'GET', p: '/api/v1/documents', auth: 'public' },
    { m: 'GET', p: `/api/v1/documents/${ids.document ?? 'doc_missing'}/file`, auth: 'public' },
    { m: 'POST', p: '/api/v1/account-requests', auth: 'public', body: { firstName: 'Fuzz', lastName: 'Matrix', email: 'fuzz.matrix@example.com', accountId: 'ACC-104233' } },
    { m: 'GET', p: '/admin/account-requests', auth: 'admin' },
    { m: 'POST', p: '/admin/account-requests/req_missing/approve', auth: 'admin' },
    { m: 'POST', p: '/admin/account-requests/req_missing/reject', auth: 'admin', body: { note: 'x' } },
  ];
}

function multipartBody(name = 'fixture.txt', content = 'hello\n', type = 'text/plain') {
  const fd = new FormData();
  fd.append('file', new Blob([content], { type }), name);
  return fd;
}

// The access matrix itself (anonymous / expired / wrong audience / wrong issuer / foreign key / no portal user /
// pending / other organisation over every route) is test/server/api-access.test.mjs. This adds tampered tokens —
// alg "none", a payload rewritten under the original signature, garbage — on every route, public routes staying
// public, and the admin routes refusing portal tokens.
test('tampered tokens on every protected route; public routes public; admin routes refuse portal tokens', { skip }, async () => {
  const [h, p, sig] = tokens.anna.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  const rewrite = (extra) => Buffer.from(JSON.stringify({ ...claims, ...extra })).toString('base64url');
  const bad = {
    'alg none': `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${rewrite({ sub: 'someone-else' })}.`,
    'rewritten sub, original signature': `${h}.${rewrite({ sub: 'someone-else', exp: claims.exp + 3600 })}.${sig}`,
    'rewritten exp, original signature': `${h}.${rewrite({ exp: claims.exp + 86400 * 365 })}.${sig}`,
    'rewritten aud, original signature': `${h}.${rewrite({ aud: 'https://elsewhere.example/api' })}.${sig}`,
    'signature stripped': `${h}.${p}.`,
    'HS256 header': `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${p}.${sig}`,
    garbage: 'not-a-token',
  };
  const tried = [];
  for (const r of routes()) {
    const send = (token) => r.multipart
      ? fetch(`${stack.urls.api}${r.p}`, { method: r.m, headers: token ? { authorization: `Bearer ${token}` } : {}, body: multipartBody() })
        .then(async (res) => { report.requests++; await res.text(); if (res.status >= 500) report.fiveXX.push(`${r.m} ${r.p} → ${res.status}`); return { status: res.status }; })
      : call(r.m, r.p, { token, body: r.body, headers: r.idem ? { 'idempotency-key': `matrix-${Math.random()}` } : {} });
    if (r.auth === 'public') {
      const res = await send(undefined);
      assert.ok(res.status < 400 || res.status === 429, `${r.m} ${r.p} is public: ${res.status}`);
      tried.push(`${r.m} ${r.p} anonymous=${res.status}`);
      continue;
    }
    if (r.auth === 'admin') {
      for (const t of [undefined, tokens.anna, 'demo-admin-wrong']) {
        const res = await send(t);
        assert.equal(res.status, 401, `${r.m} ${r.p} admin with ${t ? 'a non-admin token' : 'no token'}: ${res.status}`);
      }
      tried.push(`${r.m} ${r.p} admin only`);
      continue;
    }
    for (const [kind, t] of Object.entries(bad)) {
      const res = await send(t);
      assert.equal(res.status, 401, `${r.m} ${r.p} with a token (${kind}) → ${res.status}`);
    }
    tried.push(`${r.m} ${r.p} ${Object.keys(bad).length} tampered tokens=401`);
  }
  console.log(`# tampered tokens: ${tried.length} routes`);
  for (const t of tried) console.log(`#   ${t}`);
  assert.ok(ids.case, 'the seed gave Anna at least one case to test against');
  assert.deepEqual(report.fiveXX, []);
});

test('fuzz: random and malformed JSON bodies on every write route', { skip }, async () => {
  const r = rng(SEED);
  const writes = routes().filter((x) => x.m === 'POST' && !x.multipart && !x.p.startsWith('/admin'));
  const rawBodies = ['{', '}', '[', '{"subject":', 'null', '""', '0', 'true', '\uFEFF{}', '\u0000', '{"a":1,}', '{"subject":"\\ud800"}',
    deep(5000), `{"subject":"${HUGE}"}`, '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', 'x'.repeat(1_100_000)];
  for (const route of writes) {
    const token = route.auth === 'public' ? undefined : tokens.anna;
    for (let i = 0; i < ROUNDS; i++) {
      const body = r.next() < 0.6 ? { ...(route.body ?? {}), ...randomObject(r) } : randomValue(r);
      await call('POST', route.p, { token, body, headers: { 'idempotency-key': `fuzz-${i}-${r.int(1e9)}` } });
    }
    for (const raw of rawBodies) {
      await call('POST', route.p, { token, raw, headers: { 'content-type': 'application/json', 'idempotency-key': `raw-${r.int(1e9)}` } });
    }
    for (const ct of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/problem+json', 'image/png', 'application/json; charset=bogus']) {
      await call('POST', route.p, { token, raw: 'subject=x&description=y', headers: { 'content-type': ct, 'idempotency-key': `ct-${r.int(1e9)}` } });
    }
  }
  // Idempotency-Key itself: huge, empty, unicode, reused with another body.
  for (const key of ['', ' ', 'k'.repeat(10_000), '\u202E\u0000', 'same-key']) {
    await call('POST', '/api/v1/cases', { token: tokens.anna, body: routes()[2].body, headers: { 'idempotency-key': key } }).catch(() => {});
  }
  await call('POST', '/api/v1/cases', { token: tokens.anna, body: { ...routes()[2].body, subject: 'Another subject here' }, headers: { 'idempotency-key': 'same-key' } });
  assert.deepEqual(report.fiveXX, [], `5xx answers:\n${report.fiveXX.join('\n')}`);
  assert.deepEqual(report.notProblem, [], `errors not in problem+json:\n${report.notProblem.join('\n')}`);
});

test('fuzz: query strings, path parameters, methods and headers', { skip }, async () => {
  const r = rng(SEED + 1);
  const queries = ['status=bogus', 'status=new,,closed', 'status=' + 'new,'.repeat(1000), 'limit=-1', 'limit=0', 'limit=201', 'limit=1e309',
    'limit=abc', 'limit=1&limit=2', 'cursor=%%%', 'cursor=' + Buffer.from('[1,2,3]').toString('base64url'), 'cursor=' + Buffer.from('{"a":1}').toString('base64url'),
    'cursor=' + 'A'.repeat(5000), 'sort=drop', 'sort=-', 'severity=critical,bogus', 'product=' + encodeURIComponent("' OR 1=1"),
    'q=' + encodeURIComponent('"unterminated'), 'q=' + encodeURIComponent('NEAR(a b'), 'q=' + encodeURIComponent('title:*'), 'q=*', 'q=' + 'x'.repeat(5000),
    'q=%00', 'q=%E0%A4%A', 'q=%F0%9F', 'q=' + encodeURIComponent('a OR b AND NOT c'), 'q=' + encodeURIComponent('^"x"'), 'lang=' + 'x'.repeat(300),
    'since=not-a-date', 'since=' + encodeURIComponent('2026-13-45T99:99:99Z'), '__proto__[x]=1', 'q[]=a&q[]=b'];
  const gets = ['/api/v1/cases', '/api/v1/kb/search', '/api/v1/documents', `/api/v1/cases/${ids.case}/comments`, '/api/v1/products', '/api/v1/contacts'];
  for (const g of gets) for (const q of queries) await call('GET', `${g}?${q}`, { token: tokens.anna });
  const badIds = ['%00', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(3000), '%F0%9F%98', '%E2%80%AE', "'%20OR%201=1", '%20', 'null', '__proto__', '%25', '.', '..'];
  const templates = ['/api/v1/cases/ID', '/api/v1/cases/ID/comments', '/api/v1/attachments/ID', '/api/v1/kb/articles/ID', '/api/v1/documents/ID/file'];
  for (const t of templates) for (const id of badIds) await call('GET', t.replace('ID', id), { token: tokens.anna });
  for (const t of ['/api/v1/cases/ID/close', '/api/v1/cases/ID/reopen', '/api/v1/cases/ID/escalations', '/api/v1/cases/ID/comments', '/api/v1/kb/articles/ID/feedback']) {
    for (const id of badIds) await call('POST', t.replace('ID', id), { token: tokens.anna, body: { reason: 'a good reason', body: 'x', helpful: true }, headers: { 'idempotency-key': `p-${r.int(1e9)}` } });
  }
  for (const m of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    for (const p of ['/api/v1/cases', `/api/v1/cases/${ids.case}`, '/api/v1/me', '/api/v1/products']) {
      const res = await call(m, p, { token: tokens.anna, body: m === 'OPTIONS' ? undefined : {} });
      if (m !== 'OPTIONS') assert.ok([404, 405].includes(res.status), `${m} ${p} → ${res.status}`);
    }
  }
  for (const p of ['/', '/api', '/api/v1', '/api/v2/cases', '/api/v1//cases', '/api/v1/cases/', '/%2e%2e/%2e%2e/etc/passwd', '/api/v1/openapi.json', '/admin']) await call('GET', p, { token: tokens.anna });
  // Authorization header variants.
  for (const h of ['Bearer', 'Bearer ', 'bearer ' + tokens.anna, 'Basic dXNlcjpwYXNz', 'Bearer ' + 'a'.repeat(20_000), `Bearer ${tokens.anna} extra`, 'Bearer \u0000', `Bearer ${tokens.anna}=====`]) {
    try { await call('GET', '/api/v1/me', { headers: { authorization: h } }); } catch { /* header not sendable */ }
  }
  assert.deepEqual(report.fiveXX, [], `5xx answers:\n${report.fiveXX.join('\n')}`);
  assert.deepEqual(report.notProblem, [], `errors not in problem+json:\n${report.notProblem.join('\n')}`);
});

test('fuzz: broken multipart uploads', { skip }, async () => {
  const url = `${stack.urls.api}/api/v1/attachments`;
  const auth = { authorization: `Bearer ${tokens.anna}` };
  const results = [];
  const post = async (label, body, headers) => {
    let res;
    try {
      res = await fetch(url, { method: 'POST', headers: { ...auth, ...headers }, body, duplex: 'half' });
    } catch (e) {
      report.fiveXX.push(`upload ${label} → connection error ${e.cause?.code ?? e.message}`);
      return;
    }
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    report.requests++;
    report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
    results.push(`${label}=${res.status}`);
    if (res.status >= 500) report.fiveXX.push(`upload ${label} → ${res.status} ${text.slice(0, 200)}`);
    if (res.status >= 400 && !type.startsWith('application/problem+json')) report.notProblem.push(`upload ${label} → ${res.status} ${type}`);
    return res.status;
  };
  const B = '----fuzzboundary';
  const part = (name, filename, type, content) => `--${B}\r\nContent-Disposition: form-data; name="${name}"${filename !== null ? `; filename="${filename}"` : ''}\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;
  const mp = { 'content-type': `multipart/form-data; boundary=${B}` };
  await post('no-boundary', 'abc', { 'content-type': 'multipart/form-data' });
  await post('empty-body', '', mp);
  await post('truncated', part('file', 'a.txt', 'text/plain', 'hello').slice(0, 40), mp);
  await post('no-closing-boundary', part('file', 'a.txt', 'text/plain', 'hello'), mp);
  await post('no-file-part', part('note', null, 'text/plain', 'x') + `--${B}--\r\n`, mp);
  await post('field-named-wrong', part('upload', 'a.txt', 'text/plain', 'hello') + `--${B}--\r\n`, mp);
  await post('exe', part('file', 'tool.exe', 'application/octet-stream', 'MZ\x90\x00') + `--${B}--\r\n`, mp);
  await post('exe-renamed', part('file', 'tool.txt', 'text/plain', 'MZ\x90\x00\x03\x00\x00\x00') + `--${B}--\r\n`, mp);
  await post('elf-renamed', part('file', 'tool.log', 'text/plain', '\x7fELF\x02\x01\x01') + `--${B}--\r\n`, mp);
  await post('png-lie', part('file', 'shot.png', 'image/png', 'not a png at all') + `--${B}--\r\n`, mp);
  await post('traversal', part('file', '../../../../etc/passwd.txt', 'text/plain', 'x') + `--${B}--\r\n`, mp);
  await post('nul-name', part('file', 'a\u0000.txt', 'text/plain', 'x') + `--${B}--\r\n`, mp);
  await post('long-name', part('file', 'n'.repeat(5000) + '.txt', 'text/plain', 'x') + `--${B}--\r\n`, mp);
  await post('xss-name', part('file', '<img src=x onerror=alert(1)>.txt', 'text/plain', 'x') + `--${B}--\r\n`, mp);
  await post('rtl-name', part('file', 'invoice\u202Etxt.exe', 'text/plain', 'x') + `--${B}--\r\n`, mp);
  await post('empty-file', part('file', 'a.txt', 'text/plain', '') + `--${B}--\r\n`, mp);
  await post('two-files', part('file', 'a.txt', 'text/plain', 'a') + part('file', 'b.txt', 'text/plain', 'b') + `--${B}--\r\n`, mp);
  await post('header-garbage', `--${B}\r\nContent-Disposition: garbage\r\n\r\nzzz\r\n--${B}--\r\n`, mp);
  await post('quote-in-name', part('file', 'a"b.txt', 'text/plain', 'x') + `--${B}--\r\n`, mp);
  await post('many-parts', Array.from({ length: 200 }, (_, i) => part(`f${i}`, null, 'text/plain', 'x')).join('') + `--${B}--\r\n`, mp);
  await post('json-to-upload', JSON.stringify({ file: 'x' }), { 'content-type': 'application/json' });
  await post('text-to-upload', 'hello', { 'content-type': 'text/plain' });
  await post('boundary-mismatch', part('file', 'a.txt', 'text/plain', 'x') + `--${B}--\r\n`, { 'content-type': 'multipart/form-data; boundary=other' });
  // Just over the size limit, streamed.
  const { MAX_ATTACHMENT_BYTES } = await import('../../src/core/limits.js');
  const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1024).fill(0x61);
  const fd = new FormData();
  fd.append('file', new Blob([big], { type: 'text/plain' }), 'big.txt');
  const bigStatus = await post('over-25MB', fd, {});
  assert.equal(bigStatus, 413, 'a file over the limit is refused with 413');
  // Uploads still work afterwards.
  const ok = await post('valid-after-fuzz', multipartBody('after.txt', 'still fine\n'), {});
  assert.equal(ok, 201, 'a valid upload still works after the broken ones');
  console.log(`# multipart: ${results.join(' ')}`);
  assert.deepEqual(report.fiveXX, [], `5xx answers:\n${report.fiveXX.join('\n')}`);
  assert.deepEqual(report.notProblem, [], `errors not in problem+json:\n${report.notProblem.join('\n')}`);
});
