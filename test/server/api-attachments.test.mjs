// Support API: uploads (size limit, type allow-list, executable sniffing, empty), download headers, organisation
// scoping, and linking attachments to cases and comments (owner only, once).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../src/core/limits.js';
import { startApi, ANNA, MIKKO, JSMITH } from './api-helpers.mjs';
import { sweepOrphanUploads } from '../../demo/server/api/routes/attachments.mjs';

let s;
let anna;

before(async () => {
  s = await startApi();
  anna = await s.tokenFor(ANNA);
});
after(() => s?.close());

function upload(token, name, content, type = 'application/octet-stream') {
  const fd = new FormData();
  fd.append('file', new Blob([content], { type }), name);
  return s.call('POST', '/api/v1/attachments', { token, raw: fd });
}

test('upload returns an Attachment and stores the file under a random name', async () => {
  const res = await upload(anna, 'firewall.log', 'line 1\nline 2\n', 'text/plain');
  assert.equal(res.status, 201);
  assert.deepEqual(Object.keys(res.body).sort(), ['contentType', 'createdAt', 'fileName', 'id', 'size']);
  assert.equal(res.body.fileName, 'firewall.log');
  assert.equal(res.body.size, 14);
  assert.equal(res.body.contentType, 'text/plain');
  const stored = readdirSync(join(s.dir, 'attachments'));
  assert.ok(stored.length >= 1);
  assert.ok(stored.every((f) => /^[0-9a-f]{32}\.bin$/.test(f)), `stored names: ${stored}`);
  assert.ok(!stored.some((f) => f.includes('firewall')));
});

test('a file over 25 MB is refused with 413 and not stored', async () => {
  const before = readdirSync(join(s.dir, 'attachments')).length;
  const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1024 * 1024).fill(0x61); // 26 MB
  const res = await upload(anna, 'big.log', big, 'text/plain');
  assert.equal(res.status, 413);
  assert.match(res.type, /problem\+json/);
  assert.equal(readdirSync(join(s.dir, 'attachments')).length, before, 'nothing left behind');
  const exact = await upload(anna, 'exact.log', new Uint8Array(MAX_ATTACHMENT_BYTES).fill(0x62), 'text/plain');
  assert.equal(exact.status, 201, 'exactly 25 MB is allowed');
});

test('types: .exe and unknown extensions 415, executables renamed to .txt 415, lying PNG 415, empty 400', async () => {
  const exe = await upload(anna, 'setup.exe', 'MZ\x90\x00rest');
  assert.equal(exe.status, 415);
  assert.match(exe.type, /problem\+json/);
  assert.equal((await upload(anna, 'script.ps1', 'Write-Host hi')).status, 415);
  assert.equal((await upload(anna, 'noextension', 'data')).status, 415);
  assert.equal((await upload(anna, 'innocent.txt', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).status, 415);
  assert.equal((await upload(anna, 'tool.log', Buffer.from('\x7fELF\x02\x01\x01', 'latin1'))).status, 415);
  assert.equal((await upload(anna, 'run.txt', '#!/bin/sh\nrm -rf /\n')).status, 415);
  assert.equal((await upload(anna, 'shot.png', 'not a png')).status, 415);
  const png = await upload(anna, 'shot.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png');
  assert.equal(png.status, 201);
  assert.equal(png.body.contentType, 'image/png');
  const empty = await upload(anna, 'empty.txt', '');
  assert.equal(empty.status, 400);
  assert.equal(empty.body.errors[0].field, 'file');
  const json = await s.call('POST', '/api/v1/attachments', { token: anna, body: { file: 'x' } });
  assert.equal(json.status, 415);
});

test('the stored content type comes from the allow-list, not from what the client claims', async () => {
  const res = await upload(anna, 'notes.txt', 'hello', 'text/html');
  assert.equal(res.status, 201);
  assert.equal(res.body.contentType, 'text/plain');
});

test('download: attachment disposition with UTF-8 name, nosniff, exact bytes; other organisation 404', async () => {
  const content = Buffer.from('päivitys epäonnistui\n', 'utf8');
  const up = await upload(anna, 'virhe "lokit" ä.log', content, 'text/plain');
  assert.equal(up.status, 201);
  const res = await s.call('GET', `/api/v1/attachments/${up.body.id}`, { token: anna });
  assert.equal(res.status, 200);
  assert.ok(Buffer.compare(res.body, content) === 0);
  const cd = res.headers.get('content-disposition');
  assert.match(cd, /^attachment; /);
  assert.ok(cd.includes(`filename*=UTF-8''${encodeURIComponent('virhe "lokit" ä.log')}`), cd);
  assert.ok(!/filename="[^"]*"[^;]*"/.test(cd), 'quotes in the name do not break the ASCII fallback');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('content-type'), 'text/plain');
  const mikko = await s.call('GET', `/api/v1/attachments/${up.body.id}`, { token: await s.tokenFor(MIKKO) });
  assert.equal(mikko.status, 200, 'users of the same organisation may download');
  const john = await s.call('GET', `/api/v1/attachments/${up.body.id}`, { token: await s.tokenFor(JSMITH) });
  assert.equal(john.status, 404);
  assert.match(john.type, /problem\+json/);
});

test('attachmentIds: linked to a case or comment once, only by the uploader', async () => {
  const a1 = (await upload(anna, 'one.log', 'one')).body;
  const a2 = (await upload(anna, 'two.log', 'two')).body;
  const body = { subject: 'Case with attachment', description: 'Description long enough for the form.', productId: 'aegis-edr', severity: 'low', attachmentIds: [a1.id] };
  const c = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'att-case-1' }, body });
  assert.equal(c.status, 201);
  assert.deepEqual(c.body.attachments.map((a) => a.id), [a1.id]);
  const again = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'att-case-2' }, body });
  assert.equal(again.status, 400);
  assert.equal(again.body.errors[0].field, 'attachmentIds[0]');
  const byMikko = await s.call('POST', `/api/v1/cases/${c.body.id}/comments`, { token: await s.tokenFor(MIKKO), headers: { 'idempotency-key': 'att-c-1' }, body: { body: 'Mine', attachmentIds: [a2.id] } });
  assert.equal(byMikko.status, 400, 'another user cannot attach my upload');
  const comment = await s.call('POST', `/api/v1/cases/${c.body.id}/comments`, { token: anna, headers: { 'idempotency-key': 'att-c-2' }, body: { body: 'Log attached', attachmentIds: [a2.id] } });
  assert.equal(comment.status, 201);
  assert.deepEqual(comment.body.attachments.map((a) => a.fileName), ['two.log']);
  const detail = await s.call('GET', `/api/v1/cases/${c.body.id}`, { token: anna });
  assert.deepEqual(detail.body.attachments.map((a) => a.id), [a1.id], 'comment attachments are not case attachments');
  const failed = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'att-case-3' }, body: { ...body, attachmentIds: ['att_nope'] } });
  assert.equal(failed.status, 400);
  const total = await s.call('GET', `/api/v1/cases?q=${encodeURIComponent('Case with attachment')}`, { token: anna });
  assert.equal(total.body.total, 1, 'a failed create leaves no half-written case');
  const tooMany = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'att-case-4' }, body: { ...body, attachmentIds: Array.from({ length: 11 }, (_, i) => `att_${i}`) } });
  assert.equal(tooMany.status, 400);
});

test('uploads never attached are deleted after the TTL (row and file); attached and fresh ones stay', async () => {
  const dir = join(s.dir, 'attachments');
  const attached = (await upload(anna, 'kept.log', 'kept')).body;
  const abandoned = (await upload(anna, 'abandoned.log', 'abandoned')).body;
  const fresh = (await upload(anna, 'fresh.log', 'fresh')).body;
  const c = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'sweep-case-1' }, body: {
    subject: 'Case for the upload sweep', description: 'Description long enough for the form.', productId: 'aegis-edr', severity: 'low', attachmentIds: [attached.id],
  } });
  assert.equal(c.status, 201);
  const storedName = (id) => s.db.prepare('SELECT stored_name FROM attachments WHERE id = ?').get(id)?.stored_name;
  const abandonedFile = join(dir, storedName(abandoned.id));
  const attachedFile = join(dir, storedName(attached.id));
  const twoDaysAgo = new Date(Date.now() - 2 * 86400000).toISOString();
  s.db.prepare('UPDATE attachments SET created_at = ? WHERE id IN (?, ?)').run(twoDaysAgo, attached.id, abandoned.id);
  const part = join(dir, 'deadbeef.bin.part');
  writeFileSync(part, 'cut off');
  utimesSync(part, new Date(Date.now() - 2 * 86400000), new Date(Date.now() - 2 * 86400000));

  assert.equal(await sweepOrphanUploads(s.db, dir), 1);
  assert.equal(existsSync(abandonedFile), false, 'the abandoned file is deleted');
  assert.equal(existsSync(part), false, 'an old .part file is deleted');
  assert.equal(existsSync(attachedFile), true, 'an attached file stays, however old');
  assert.equal((await s.call('GET', `/api/v1/attachments/${abandoned.id}`, { token: anna })).status, 404);
  assert.equal((await s.call('GET', `/api/v1/attachments/${attached.id}`, { token: anna })).status, 200);
  assert.equal((await s.call('GET', `/api/v1/attachments/${fresh.id}`, { token: anna })).status, 200, 'a fresh upload stays');
  const late = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'sweep-case-2' }, body: {
    subject: 'Too late', description: 'Description long enough for the form.', productId: 'aegis-edr', severity: 'low', attachmentIds: [abandoned.id],
  } });
  assert.equal(late.status, 400, 'a swept upload can no longer be attached');
  assert.equal(late.body.errors[0].field, 'attachmentIds[0]');
});

test('the server sweeps abandoned uploads on its own, every TTL', async () => {
  const quick = await startApi({ size: { cases: 5, articles: 5 }, orphanUploadTtlMs: 300 });
  try {
    const fd = new FormData();
    fd.append('file', new Blob(['x'], { type: 'text/plain' }), 'left-behind.log');
    const up = await quick.call('POST', '/api/v1/attachments', { token: await quick.tokenFor(ANNA), raw: fd });
    assert.equal(up.status, 201);
    const row = () => quick.db.prepare('SELECT id FROM attachments WHERE id = ?').get(up.body.id);
    assert.ok(row(), 'stored at first');
    const until = Date.now() + 5000;
    while (row() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    assert.equal(row(), undefined, 'swept without anyone calling the sweep');
  } finally { await quick.close(); }
});
