// Support API: paging a long comment thread. `order=desc` opens it at its newest comment and the cursor pages back
// (what es-case-detail does for a case with hundreds of comments); `order=asc` (the default) and `since` keep
// working; limits and cursors are validated with a 400 problem; access control is the same as for every case route.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, ANNA, JSMITH, MIKKO, PEKKA } from './api-helpers.mjs';

const N = 250;
let s;
let anna;
let caseId;
/** Ids of the thread's comments in the order they were posted (oldest first). */
let posted = [];
/** How many comments share their creation time with an earlier one. */
let ties = 0;

const comments = (q = '', token = anna, id = caseId) => s.call('GET', `/api/v1/cases/${id}/comments${q ? `?${q}` : ''}`, { token });

/** Follows nextCursor from `first` to the end; returns every page. */
async function pages(q, first = null) {
  const out = [];
  let cursor = first;
  do {
    const res = await comments(`${q}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    out.push(res.body);
    cursor = res.body.nextCursor;
  } while (cursor && out.length < 100);
  return out;
}

before(async () => {
  s = await startApi({ size: { cases: 20, articles: 10 } });
  anna = await s.tokenFor(ANNA);
  const mikko = await s.tokenFor(MIKKO);
  const made = await s.call('POST', '/api/v1/cases', {
    token: anna, headers: { 'idempotency-key': 'long-thread' },
    body: { subject: 'A very long thread', description: 'This case collects hundreds of comments.', productId: 'bastion-ngfw', severity: 'medium' },
  });
  assert.equal(made.status, 201);
  caseId = made.body.id;
  // Two authors, posted back to back.
  for (let i = 0; i < N; i++) {
    const res = await s.call('POST', `/api/v1/cases/${caseId}/comments`, {
      token: i % 3 ? anna : mikko, headers: { 'idempotency-key': `lt-${i}` }, body: { body: `comment ${i + 1}` },
    });
    assert.equal(res.status, 201);
    posted.push(res.body.id);
  }
  // Bursts (an import, a bot, a busy second): every 7 consecutive comments share one creation time, so page
  // boundaries fall inside a run of equal times and only the (time, insertion order) cursor keeps paging exact.
  const rows = s.db.prepare('SELECT id, created_at FROM comments WHERE case_id = ? ORDER BY seq').all(caseId);
  const setTime = s.db.prepare('UPDATE comments SET created_at = ? WHERE id = ?');
  rows.forEach((r, i) => setTime.run(rows[i - (i % 7)].created_at, r.id));
  ties = N - s.db.prepare('SELECT COUNT(DISTINCT created_at) AS n FROM comments WHERE case_id = ?').get(caseId).n;
});
after(() => s?.close());

test('default order is unchanged: oldest first, limit 100, total counts the whole thread', async () => {
  const res = await comments();
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body).sort(), ['items', 'nextCursor', 'total']);
  assert.equal(res.body.total, N);
  assert.deepEqual(res.body.items.map((c) => c.id), posted.slice(0, 100));
  assert.ok(res.body.nextCursor);
  assert.deepEqual((await comments('order=asc')).body, res.body, 'order=asc is the default');
});

test('order=desc: the first page is the newest comments, newest first', async () => {
  const res = await comments('order=desc&limit=30');
  assert.equal(res.status, 200);
  assert.equal(res.body.total, N);
  assert.deepEqual(res.body.items.map((c) => c.id), posted.slice(-30).reverse());
  assert.equal(res.body.items[0].body, `comment ${N}`);
  assert.ok(res.body.nextCursor, 'there are earlier comments');
  const times = res.body.items.map((c) => c.createdAt);
  assert.deepEqual(times, [...times].sort().reverse());
});

test('order=desc: following the cursor over 5 pages returns every comment once, newest to oldest', async () => {
  const all = await pages('order=desc&limit=60');
  assert.equal(all.length, 5, '250 comments in pages of 60');
  assert.deepEqual(all.map((p) => p.items.length), [60, 60, 60, 60, 10]);
  assert.ok(all.every((p) => p.total === N), 'total stays the whole thread on every page');
  assert.equal(all.at(-1).nextCursor, null, 'the last page has no cursor');
  const ids = all.flatMap((p) => p.items.map((c) => c.id));
  assert.equal(new Set(ids).size, ids.length, 'no duplicates');
  assert.deepEqual(ids, [...posted].reverse(), `no gaps, exact reverse of the posting order (${ties} comments share a millisecond)`);
});

test('order=asc: following the cursor over 3 pages returns every comment once, oldest to newest', async () => {
  const all = await pages('limit=100');
  assert.deepEqual(all.map((p) => p.items.length), [100, 100, 50]);
  assert.deepEqual(all.flatMap((p) => p.items.map((c) => c.id)), posted);
});

test('order=desc paging is stable when a comment is added between pages', async () => {
  const first = (await comments('order=desc&limit=50')).body;
  const added = await s.call('POST', `/api/v1/cases/${caseId}/comments`, { token: anna, headers: { 'idempotency-key': 'lt-between' }, body: { body: 'posted while paging' } });
  assert.equal(added.status, 201);
  const rest = await pages('order=desc&limit=50', first.nextCursor);
  const ids = [...first.items, ...rest.flatMap((p) => p.items)].map((c) => c.id);
  assert.ok(!ids.includes(added.body.id), 'the new comment is newer than the cursor, so it is not on an earlier page');
  assert.deepEqual(ids, [...posted].reverse(), 'every comment present at the start is seen once, in order');
  assert.equal(rest[0].total, N + 1, 'total includes the new comment');
  // A client picks the new one up with since, in either order.
  const newest = posted.at(-1);
  const newestAt = first.items.find((c) => c.id === newest).createdAt;
  const since = await comments(`since=${encodeURIComponent(newestAt)}`);
  assert.ok(since.body.items.some((c) => c.id === added.body.id));
  posted.push(added.body.id);
});

test('since works with both orders and still pages', async () => {
  const all = (await pages('limit=200')).flatMap((p) => p.items);
  const pivot = all[150];
  const newer = all.filter((c) => c.createdAt > pivot.createdAt).map((c) => c.id);
  const q = `since=${encodeURIComponent(pivot.createdAt)}`;
  const asc = await pages(`${q}&limit=40`);
  assert.deepEqual(asc.flatMap((p) => p.items.map((c) => c.id)), newer);
  assert.ok(asc.every((p) => p.total === newer.length));
  const desc = await pages(`${q}&order=desc&limit=40`);
  assert.deepEqual(desc.flatMap((p) => p.items.map((c) => c.id)), [...newer].reverse());
  assert.ok(desc.length > 1 && newer.length > 80, 'more than one page');
});

test('limits, order and cursors are validated with a 400 problem naming the field', async () => {
  const bad = async (q, field) => {
    const res = await comments(q);
    assert.equal(res.status, 400, `${q} → ${res.status}`);
    assert.match(res.type, /^application\/problem\+json/);
    assert.equal(res.body.status, 400);
    assert.ok(res.body.errors?.some((e) => e.field === field), `${q}: ${JSON.stringify(res.body)}`);
  };
  await bad('limit=0', 'limit');
  await bad('limit=201', 'limit');
  await bad('limit=-5', 'limit');
  await bad('limit=ten', 'limit');
  await bad('order=sideways', 'order');
  await bad('order=DESC', 'order');
  await bad('cursor=not-a-cursor', 'cursor');
  await bad('since=yesterday', 'since');
  // A cursor belongs to its order: using it with the other order would skip or repeat comments, so it is refused.
  const descCursor = (await comments('order=desc&limit=10')).body.nextCursor;
  const ascCursor = (await comments('limit=10')).body.nextCursor;
  await bad(`cursor=${descCursor}`, 'cursor');
  await bad(`order=asc&cursor=${descCursor}`, 'cursor');
  await bad(`order=desc&cursor=${ascCursor}`, 'cursor');
  const max = await comments('order=desc&limit=200');
  assert.equal(max.status, 200);
  assert.equal(max.body.items.length, 200);
});

test('access control is unchanged: anonymous 401, pending 403, another organisation 404 (also with a valid cursor)', async () => {
  const cursor = (await comments('order=desc&limit=10')).body.nextCursor;
  const q = `order=desc&limit=10&cursor=${cursor}`;
  const anon = await s.call('GET', `/api/v1/cases/${caseId}/comments?${q}`);
  assert.equal(anon.status, 401);
  const pending = await comments(q, await s.tokenFor(PEKKA));
  assert.equal(pending.status, 403);
  const other = await comments(q, await s.tokenFor(JSMITH));
  assert.equal(other.status, 404);
  assert.ok(!JSON.stringify(other.body).includes('comment '), 'no comment text leaks');
  const colleague = await comments(q, await s.tokenFor(MIKKO));
  assert.equal(colleague.status, 200, 'a colleague in the same organisation pages the thread too');
  assert.equal(colleague.body.items.length, 10);
});
