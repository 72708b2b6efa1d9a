// Support API: knowledge-base search (FTS5 bm25 with the title weighted, plain-text snippets with offsets, safe
// query handling, paging), articles (sanitised HTML, related, feedback), contacts and documents; the sanitiser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi } from './api-helpers.mjs';
import { sanitizeArticleHtml, htmlToText } from '../../demo/server/api/sanitize-html.mjs';
import { toFtsQuery, unmark } from '../../demo/server/api/kb-search.mjs';

let s;
const search = (q) => s.call('GET', `/api/v1/kb/search?${q}`);

function addArticle(id, title, html, productId = 'lumen-siem') {
  const clean = sanitizeArticleHtml(html);
  s.db.prepare(`INSERT INTO kb_articles (id, title, body_html, body_text, product_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(id, title, clean, htmlToText(clean), productId, new Date().toISOString());
}

before(async () => {
  s = await startApi();
  addArticle('kb-t-body', 'Collector queue tuning', `<p>${'The quokkatron parameter controls the queue. '.repeat(6)}</p>`);
  addArticle('kb-t-title', 'Quokkatron overview', '<p>General overview of ingestion settings and tuning.</p>');
});
after(() => s?.close());

/** Every range must cover a word that starts with one of the terms (prefix match on the last). */
function assertRanges(text, ranges, terms) {
  assert.ok(ranges.length > 0, `no ranges in "${text}"`);
  let prev = -1;
  for (const [a, b] of ranges) {
    assert.ok(a >= 0 && b <= text.length && a < b && a >= prev, `bad range ${a},${b}`);
    prev = b;
    const word = text.slice(a, b).toLowerCase();
    assert.ok(terms.some((t) => word.startsWith(t)), `range "${word}" is not one of ${terms}`);
  }
}

test('a title match outranks a body match, even when the body repeats the term', async () => {
  const res = await search('q=quokkatron');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.items.map((i) => i.id), ['kb-t-title', 'kb-t-body']);
  assert.equal(res.body.total, 2);
});

test('hits: plain-text snippet and title with correct match offsets, no HTML', async () => {
  const res = await search('q=vpn%20tunnel%20drops&limit=5');
  assert.ok(res.body.items.length > 0);
  for (const hit of res.body.items) {
    assert.deepEqual(Object.keys(hit).sort(), ['id', 'productId', 'productName', 'snippet', 'snippetMatches', 'title', 'titleMatches', 'updatedAt']);
    assert.ok(!/[<>]/.test(hit.snippet), `snippet has markup: ${hit.snippet}`);
    assert.ok(!/[\u0001\u0002]/.test(hit.snippet + hit.title));
    assertRanges(hit.title, hit.titleMatches, ['vpn', 'tunnel', 'drops']);
    assertRanges(hit.snippet, hit.snippetMatches, ['vpn', 'tunnel', 'drops']);
  }
  const body = await search('q=quokkatron');
  const hit = body.body.items.find((i) => i.id === 'kb-t-body');
  assert.deepEqual(hit.titleMatches, []);
  assert.ok(hit.snippetMatches.every(([a, b]) => hit.snippet.slice(a, b) === 'quokkatron'));
});

test('the last term is a prefix match (results while typing)', async () => {
  const res = await search('q=quokkat');
  assert.equal(res.body.total, 2);
  assertRanges(res.body.items[0].title, res.body.items[0].titleMatches, ['quokkat']);
});

test('every term is required when possible; falls back to any term when nothing has all', async () => {
  const all = await search('q=quokkatron%20overview');
  assert.deepEqual(all.body.items.map((i) => i.id), ['kb-t-title']);
  const any = await search('q=quokkatron%20zzzyyyxxx');
  assert.ok(any.body.items.length >= 1, 'OR fallback finds the quokkatron articles');
});

test('FTS syntax and odd input never crash the search', async () => {
  const nasty = ['"unterminated', 'NEAR(a b', 'title:*', '*', 'a OR b AND NOT c', '^"x"', '-vpn', 'col:vpn', '((((', '%00%00',
    "' OR 1=1 --", '🙂🙂', 'ÄÖÅ päivitys', '\\', '{"a":1}', 'x'.repeat(200), '..', 'AND', 'NOT NOT'];
  for (const q of nasty) {
    const res = await search(`q=${encodeURIComponent(q)}`);
    assert.ok(res.status === 200 || res.status === 400, `${q} → ${res.status}`);
    if (res.status === 200) assert.ok(Array.isArray(res.body.items));
  }
  assert.equal((await search('q=a')).status, 400, 'shorter than the minimum');
  assert.equal((await search('')).status, 400, 'q is required');
  assert.equal(toFtsQuery('NEAR(a b'), '"near" "a" "b"*');
  assert.equal(toFtsQuery('say "hi"', 'or'), '"say" OR "hi"*');
  assert.equal(toFtsQuery('!!!'), null);
});

test('product filter and paging without duplicates', async () => {
  const filtered = await search('q=service&product=bastion-vpn&limit=50');
  assert.ok(filtered.body.items.length > 0);
  assert.ok(filtered.body.items.every((i) => i.productId === 'bastion-vpn'));
  const ids = [];
  let cursor = null;
  let total = 0;
  do {
    const page = await search(`q=service&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.body.items.map((i) => i.id));
    total = page.body.total;
    cursor = page.body.nextCursor;
  } while (cursor);
  assert.ok(total > 14);
  assert.equal(ids.length, total);
  assert.equal(new Set(ids).size, total);
});

test('article: sanitised HTML, product, related from the same product, feedback counts', async () => {
  const hit = (await search('q=certificate%20expired&product=aegis-edr')).body.items[0];
  const a = await s.call('GET', `/api/v1/kb/articles/${hit.id}`);
  assert.equal(a.status, 200);
  assert.deepEqual(Object.keys(a.body).sort(), ['bodyHtml', 'helpfulNo', 'helpfulYes', 'id', 'productId', 'productName', 'related', 'title', 'updatedAt']);
  assert.match(a.body.bodyHtml, /<h2>Resolution<\/h2>/);
  assert.match(a.body.bodyHtml, /<pre><code>/);
  assert.equal(a.body.productId, 'aegis-edr');
  assert.ok(a.body.related.length > 0 && a.body.related.length <= 5);
  for (const r of a.body.related) {
    assert.notEqual(r.id, a.body.id);
    const other = await s.call('GET', `/api/v1/kb/articles/${r.id}`);
    assert.equal(other.body.productId, 'aegis-edr');
  }
  const yes = a.body.helpfulYes;
  assert.equal((await s.call('POST', `/api/v1/kb/articles/${hit.id}/feedback`, { body: { helpful: true } })).status, 204);
  assert.equal((await s.call('POST', `/api/v1/kb/articles/${hit.id}/feedback`, { body: { helpful: false } })).status, 204);
  const after = await s.call('GET', `/api/v1/kb/articles/${hit.id}`);
  assert.equal(after.body.helpfulYes, yes + 1);
  assert.equal(after.body.helpfulNo, a.body.helpfulNo + 1);
  const bad = await s.call('POST', `/api/v1/kb/articles/${hit.id}/feedback`, { body: { helpful: 'yes' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'helpful');
  assert.equal((await s.call('POST', '/api/v1/kb/articles/kb-nope/feedback', { body: { helpful: true } })).status, 404);
  assert.equal((await s.call('GET', '/api/v1/kb/articles/kb-nope')).status, 404);
});

test('no stored article contains script, event handlers or javascript: URLs', () => {
  const rows = s.db.prepare('SELECT body_html FROM kb_articles').all();
  assert.ok(rows.length >= 300);
  for (const r of rows) assert.ok(!/<script|\son\w+=|javascript:|<iframe|style=/i.test(r.body_html));
});

test('sanitiser: allow-list re-serialisation', () => {
  const cases = [
    ['<p onclick="x()">Hi <script>alert(1)</script>there</p>', '<p>Hi there</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" jav&#x61;script:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="https://vendor.example/kb">kb</a>', '<a href="https://vendor.example/kb" rel="noopener noreferrer">kb</a>'],
    ['<img src=x onerror=alert(1)>text', 'text'],
    ['<svg><script>alert(1)</script></svg>ok', 'ok'],
    ['<style>p{}</style><p style="color:red">a</p>', '<p>a</p>'],
    ['1 < 2 & 3 > 2', '1 &lt; 2 &amp; 3 &gt; 2'],
    ['<ul><li>one<li>two</ul>', '<ul><li>one<li>two</li></li></ul>'],
    ['<p>unclosed', '<p>unclosed</p>'],
    ['<code>&lt;agent&gt;</code>', '<code>&lt;agent&gt;</code>'],
    ['<!-- <script>x</script> -->safe', 'safe'],
    ['<p title="a&quot; onmouseover=&quot;x">t</p>', '<p>t</p>'],
  ];
  for (const [input, want] of cases) assert.equal(sanitizeArticleHtml(input), want, input);
  assert.equal(htmlToText('<p>a</p><ul><li>b</li></ul><pre><code>x &amp;&amp; y</code></pre>'), 'a\n• b\nx && y');
});

test('unmark: offsets of marked ranges in the stripped text', () => {
  assert.deepEqual(unmark('a \u0001bc\u0002 d \u0001e\u0002'), { text: 'a bc d e', matches: [[2, 4], [7, 8]] });
  assert.deepEqual(unmark('\u0001x\u0002\u0001y\u0002'), { text: 'xy', matches: [[0, 2]] });
  assert.deepEqual(unmark('line\nnext'), { text: 'line next', matches: [] });
});

test('contacts: centres with IANA zones and real holidays, ≥ 10 countries, 24/7 line, three escalation levels', async () => {
  const res = await s.call('GET', '/api/v1/contacts');
  assert.equal(res.status, 200);
  const c = res.body;
  assert.ok(c.countries.length >= 10);
  const centres = new Map(c.centres.map((x) => [x.id, x]));
  for (const line of c.countries) {
    assert.match(line.country, /^[A-Z]{2}$/);
    assert.match(line.phone, /^\+\d[\d ]+$/);
    assert.ok(centres.has(line.centreId), line.centreId);
  }
  assert.deepEqual(c.centres.map((x) => x.timeZone).sort(), ['America/New_York', 'Asia/Singapore', 'Europe/Berlin', 'Europe/Helsinki']);
  for (const centre of c.centres) {
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: centre.timeZone }));
    assert.ok(centre.hours.length >= 5 && centre.hours.every((h) => h.day >= 1 && h.day <= 7 && /^\d\d:\d\d$/.test(h.open)));
    for (const year of ['2026', '2027']) assert.ok(centre.holidays.filter((h) => h.date.startsWith(year)).length >= 3, `${centre.id} ${year}`);
  }
  const hel = centres.get('hel').holidays.map((h) => h.date);
  assert.ok(hel.includes('2026-06-19') && hel.includes('2026-04-03') && hel.includes('2027-03-26'), 'Midsummer Eve and Good Fridays');
  assert.ok(c.emergency.some((e) => e.severities.includes('critical') && /24\/7/.test(e.label)));
  assert.deepEqual(c.escalation.map((e) => e.level), [1, 2, 3]);
});

test('documents: ≥ 10, en and fi, filters, valid PDF files', async () => {
  const all = (await s.call('GET', '/api/v1/documents')).body;
  assert.ok(all.length >= 10);
  assert.deepEqual([...new Set(all.map((d) => d.language))].sort(), ['en', 'fi']);
  const fi = (await s.call('GET', '/api/v1/documents?lang=fi')).body;
  assert.ok(fi.length >= 5 && fi.every((d) => d.language === 'fi'));
  const prod = (await s.call('GET', '/api/v1/documents?product=lumen-siem')).body;
  assert.ok(prod.length === 2 && prod.every((d) => d.productId === 'lumen-siem'));
  assert.equal((await s.call('GET', '/api/v1/documents?lang=<script>')).status, 400);
  const doc = fi[0];
  const file = await s.call('GET', new URL(doc.url).pathname);
  assert.equal(new URL(doc.url).origin, s.base, 'absolute URL on the API origin');
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.equal(file.body.length, doc.size);
  const text = file.body.toString('latin1');
  assert.ok(text.startsWith('%PDF-1.4') && text.trimEnd().endsWith('%%EOF'));
  const startxref = Number(/startxref\n(\d+)/.exec(text)[1]);
  assert.equal(text.slice(startxref, startxref + 4), 'xref', 'startxref points at the xref table');
  const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  offsets.forEach((o, i) => assert.equal(text.slice(o, o + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`));
  assert.equal((await s.call('GET', '/api/v1/documents/doc-nope/file')).status, 404);
});

test('products: about a dozen security products', async () => {
  const res = await s.call('GET', '/api/v1/products');
  assert.ok(res.body.length >= 12);
  assert.deepEqual(Object.keys(res.body[0]).sort(), ['family', 'id', 'name']);
});
