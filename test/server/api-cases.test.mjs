// Support API: case list filters / sort / keyset paging, idempotent create, comments (idempotency, since, status
// change), close / reopen / escalate with history and case-update emails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, ANNA, MIKKO } from './api-helpers.mjs';

let s;
let anna;
const newCase = (over = {}) => ({ subject: 'Firewall drops IPsec tunnels', description: 'Since Monday the IPsec tunnels to Hamburg drop every hour.', productId: 'bastion-ngfw', severity: 'high', ...over });

before(async () => {
  s = await startApi();
  anna = await s.tokenFor(ANNA);
});
after(() => s?.close());

const list = (q) => s.call('GET', `/api/v1/cases?${q}`, { token: anna });

async function allPages(q, limit, start = null) {
  const seen = [];
  let cursor = start;
  let pages = 0;
  do {
    const res = await list(`${q}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.items.length <= limit);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return seen;
}

test('list: shape, default sort -updated, total', async () => {
  const res = await list('');
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body).sort(), ['items', 'nextCursor', 'total']);
  assert.equal(res.body.items.length, 50);
  assert.ok(res.body.total > 50);
  const item = res.body.items[0];
  assert.deepEqual(Object.keys(item).sort(), ['createdAt', 'id', 'number', 'productId', 'productName', 'severity', 'status', 'subject', 'updatedAt']);
  assert.match(item.number, /^CS-\d{7}$/);
  const times = res.body.items.map((i) => i.updatedAt);
  assert.deepEqual(times, [...times].sort().reverse());
});

test('list: cursor paging has no duplicates or gaps for every sort', async () => {
  const full = (await list('limit=200&sort=-updated')).body;
  assert.ok(full.total <= 200 && full.items.length === full.total);
  for (const sort of ['updated', '-updated', 'created', '-created', 'severity', '-severity']) {
    const paged = await allPages(`sort=${sort}`, 7);
    const ids = paged.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, `${sort}: duplicates`);
    assert.equal(ids.length, full.total, `${sort}: gaps`);
    const key = sort.replace('-', '');
    const val = (c) => (key === 'severity' ? { low: 1, medium: 2, high: 3, critical: 4 }[c.severity] : c[`${key}At`]);
    for (let i = 1; i < paged.length; i++) {
      const a = val(paged[i - 1]);
      const b = val(paged[i]);
      assert.ok(sort.startsWith('-') ? a >= b : a <= b, `${sort} order at ${i}: ${a} ${b}`);
    }
  }
});

test('list: paging is stable when a case is created between pages', async () => {
  const first = await list('limit=10');
  const created = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'paging-insert' }, body: newCase() });
  assert.equal(created.status, 201);
  const rest = await allPages('', 25, first.body.nextCursor);
  const ids = [...first.body.items, ...rest].map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, 'no duplicates');
  assert.ok(!ids.includes(created.body.id), 'the new case sorts before the cursor, so it is not in later pages');
  assert.equal(ids.length, first.body.total, 'every case present at the start is seen once');
});

test('list: filters by status, severity, product and q (subject, number, description)', async () => {
  const byStatus = await list('status=waiting_on_customer,escalated&limit=200');
  assert.ok(byStatus.body.items.length > 0);
  assert.ok(byStatus.body.items.every((c) => ['waiting_on_customer', 'escalated'].includes(c.status)));
  assert.equal(byStatus.body.total, byStatus.body.items.length);
  const bySev = await list('severity=critical&limit=200');
  assert.ok(bySev.body.items.length > 0 && bySev.body.items.every((c) => c.severity === 'critical'));
  const byProduct = await list('product=lumen-siem&limit=200');
  assert.ok(byProduct.body.items.length > 0 && byProduct.body.items.every((c) => c.productId === 'lumen-siem'));
  const combined = await list('product=lumen-siem&severity=critical,high&status=new,in_progress,waiting_on_customer,escalated&limit=200');
  assert.ok(combined.body.items.every((c) => c.productId === 'lumen-siem' && ['critical', 'high'].includes(c.severity) && c.status !== 'closed'));
  const one = byProduct.body.items[0];
  const byNumber = await list(`q=${one.number}`);
  assert.deepEqual(byNumber.body.items.map((c) => c.id), [one.id]);
  const word = one.subject.split(' ').find((w) => w.length > 5);
  const bySubject = await list(`q=${encodeURIComponent(word)}&limit=200`);
  assert.ok(bySubject.body.items.some((c) => c.id === one.id));
  const made = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': 'desc-search' }, body: newCase({ description: 'Only this description mentions zanzibar-quokka in it.' }) });
  const byDesc = await list('q=zanzibar-quokka');
  assert.deepEqual(byDesc.body.items.map((c) => c.id), [made.body.id]);
  const wild = await list(`q=${encodeURIComponent('%_%')}`);
  assert.equal(wild.body.total, 0, 'LIKE wildcards are literal');
  const none = await list('q=nothing-matches-this-xyz');
  assert.deepEqual(none.body, { items: [], nextCursor: null, total: 0 });
});

test('create: Idempotency-Key required; same key + same body → same case; different body → 422', async () => {
  const noKey = await s.call('POST', '/api/v1/cases', { token: anna, body: newCase() });
  assert.equal(noKey.status, 400);
  assert.equal(noKey.body.errors[0].field, 'Idempotency-Key');
  const key = `idem-${Date.now()}`;
  const a = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': key }, body: newCase({ contactPhone: '+358 40 123 4567' }) });
  assert.equal(a.status, 201);
  assert.equal(a.body.status, 'new');
  assert.equal(a.body.createdBy.name, 'Anna Virtanen');
  assert.equal(a.body.contactPhone, '+358 40 123 4567');
  assert.deepEqual(a.body.history.map((h) => [h.from, h.to]), [[null, 'new']]);
  assert.equal(a.body.escalationLevel, 0);
  assert.equal(a.body.commentCount, 0);
  // Same body with keys in another order: the same case.
  const reordered = Object.fromEntries(Object.entries(newCase({ contactPhone: '+358 40 123 4567' })).reverse());
  const b = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': key }, body: reordered });
  assert.equal(b.status, 201);
  assert.equal(b.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(b.body, a.body);
  const c = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': key }, body: newCase({ subject: 'Another subject entirely' }) });
  assert.equal(c.status, 422);
  assert.match(c.type, /problem\+json/);
  const byNumber = await s.call('GET', `/api/v1/cases/${a.body.number}`, { token: anna });
  assert.equal(byNumber.body.id, a.body.id, 'a case can also be opened by its number');
  const count = await list(`q=${a.body.number}`);
  assert.equal(count.body.total, 1, 'only one case was created');
  // The key is per user: Mikko's identical request creates his own case.
  const m = await s.call('POST', '/api/v1/cases', { token: await s.tokenFor(MIKKO), headers: { 'idempotency-key': key }, body: newCase({ contactPhone: '+358 40 123 4567' }) });
  assert.equal(m.status, 201);
  assert.notEqual(m.body.id, a.body.id);
});

test('concurrent retries with the same key create one case', async () => {
  const key = `race-${Date.now()}`;
  const res = await Promise.all(Array.from({ length: 8 }, () => s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': key }, body: newCase({ subject: 'Concurrent retry subject' }) })));
  assert.ok(res.every((r) => r.status === 201));
  assert.equal(new Set(res.map((r) => r.body.id)).size, 1);
});

test('comments: idempotent add, since filter, customer comment moves waiting_on_customer → in_progress', async () => {
  const waiting = (await list('status=waiting_on_customer&limit=1')).body.items[0];
  const before = await s.call('GET', `/api/v1/cases/${waiting.id}/comments`, { token: anna });
  assert.equal(before.status, 200);
  assert.deepEqual(Object.keys(before.body).sort(), ['items', 'nextCursor', 'total']);
  const last = before.body.items[before.body.items.length - 1];
  assert.equal(last.author.role, 'support', 'seeded thread ends with support when waiting on the customer');
  const times = before.body.items.map((c) => c.createdAt);
  assert.deepEqual(times, [...times].sort(), 'oldest first');

  const noKey = await s.call('POST', `/api/v1/cases/${waiting.id}/comments`, { token: anna, body: { body: 'Here are the logs.' } });
  assert.equal(noKey.status, 400);
  const key = `cmt-${Date.now()}`;
  const c1 = await s.call('POST', `/api/v1/cases/${waiting.id}/comments`, { token: anna, headers: { 'idempotency-key': key }, body: { body: 'Here are the logs.' } });
  assert.equal(c1.status, 201);
  assert.deepEqual(Object.keys(c1.body).sort(), ['attachments', 'author', 'body', 'caseId', 'createdAt', 'id']);
  assert.equal(c1.body.author.role, 'customer');
  const c2 = await s.call('POST', `/api/v1/cases/${waiting.id}/comments`, { token: anna, headers: { 'idempotency-key': key }, body: { body: 'Here are the logs.' } });
  assert.equal(c2.body.id, c1.body.id, 'a retried comment is not duplicated');
  const c3 = await s.call('POST', `/api/v1/cases/${waiting.id}/comments`, { token: anna, headers: { 'idempotency-key': key }, body: { body: 'Different text' } });
  assert.equal(c3.status, 422);

  const since = await s.call('GET', `/api/v1/cases/${waiting.id}/comments?since=${encodeURIComponent(last.createdAt)}`, { token: anna });
  assert.deepEqual(since.body.items.map((c) => c.id), [c1.body.id]);
  assert.equal(since.body.total, 1);
  const after = await s.call('GET', `/api/v1/cases/${waiting.id}`, { token: anna });
  assert.equal(after.body.status, 'in_progress');
  assert.equal(after.body.commentCount, before.body.total + 1);
  assert.deepEqual(after.body.history.at(-1).from, 'waiting_on_customer');
  assert.equal(after.body.history.at(-1).by.role, 'customer');
  const leap = await s.call('GET', `/api/v1/cases/${waiting.id}/comments?since=${encodeURIComponent('2016-12-31T23:59:60Z')}`, { token: anna });
  assert.equal(leap.status, 200, 'a leap second is a valid time, not a 500');
  const bad = await s.call('GET', `/api/v1/cases/${waiting.id}/comments?since=yesterday`, { token: anna });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'since');
});

test('comments page with a cursor', async () => {
  const c = (await list('status=in_progress&limit=1')).body.items[0];
  for (let i = 0; i < 5; i++) {
    await s.call('POST', `/api/v1/cases/${c.id}/comments`, { token: anna, headers: { 'idempotency-key': `pg-${c.id}-${i}` }, body: { body: `comment ${i}` } });
  }
  const all = (await s.call('GET', `/api/v1/cases/${c.id}/comments?limit=200`, { token: anna })).body;
  const seen = [];
  let cursor = null;
  do {
    const page = await s.call('GET', `/api/v1/cases/${c.id}/comments?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: anna });
    seen.push(...page.body.items.map((x) => x.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, all.items.map((x) => x.id));
});

test('close / reopen / escalate: transitions, history, 409s and case-update emails', async () => {
  const created = await s.call('POST', '/api/v1/cases', { token: anna, headers: { 'idempotency-key': `life-${Date.now()}` }, body: newCase({ subject: 'Life cycle test case' }) });
  const id = created.body.id;
  const post = (what, body) => s.call('POST', `/api/v1/cases/${id}/${what}`, { token: anna, body });
  const mails = () => s.outbox.list({ to: ANNA, kind: 'case-update' }).filter((m) => m.subject.includes(created.body.number));

  const noReason = await post('escalations', {});
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.errors[0].field, 'reason');
  for (let level = 1; level <= 3; level++) {
    const e = await post('escalations', { reason: `Production is down, level ${level}` });
    assert.equal(e.status, 200, JSON.stringify(e.body));
    assert.equal(e.body.escalationLevel, level);
    assert.equal(e.body.status, 'escalated');
    assert.equal(e.body.history.at(-1).note, `Production is down, level ${level}`);
  }
  const fourth = await post('escalations', { reason: 'Even higher please' });
  assert.equal(fourth.status, 409);
  const reopenOpen = await post('reopen', { reason: 'It is not even closed' });
  assert.equal(reopenOpen.status, 409);

  const closed = await post('close', {});
  assert.equal(closed.status, 200);
  assert.equal(closed.body.status, 'closed');
  assert.equal(closed.body.history.at(-1).note, null);
  assert.equal((await post('close', { reason: 'again' })).status, 409);
  assert.equal((await post('escalations', { reason: 'closed cases cannot be escalated' })).status, 409);
  const comment = await s.call('POST', `/api/v1/cases/${id}/comments`, { token: anna, headers: { 'idempotency-key': `closed-${id}` }, body: { body: 'hello?' } });
  assert.equal(comment.status, 409, 'no comments on a closed case');
  const reopened = await post('reopen', { reason: 'The problem came back today' });
  assert.equal(reopened.status, 200);
  assert.equal(reopened.body.status, 'in_progress');
  const h = reopened.body.history;
  assert.deepEqual(h.map((x) => x.to), ['new', 'escalated', 'escalated', 'escalated', 'closed', 'in_progress']);
  assert.deepEqual(h.slice(1).map((x) => x.from), ['new', 'escalated', 'escalated', 'escalated', 'closed']);
  const closeWithReason = await post('close', { reason: 'Workaround is fine' });
  assert.equal(closeWithReason.body.history.at(-1).note, 'Workaround is fine');

  const m = mails();
  assert.equal(m.length, 6, 'one case-update email per transition');
  assert.ok(m.some((x) => /escalated to level 3/.test(x.subject)));
  assert.ok(m.some((x) => /reopened/.test(x.subject) && /The problem came back today/.test(x.text)));
});
