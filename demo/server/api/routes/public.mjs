// Public routes (no token): products, knowledge base, contacts, documents.
import { requests } from '../schemas.mjs';
import { createMemo, decodeCursor, encodeCursor, nowIso, problem } from '../util.mjs';
import { toFtsQuery, unmark, queryTerms } from '../kb-search.mjs';

export async function publicRoutes(api, ctx) {
  const { db } = ctx;
  const q = {
    products: db.prepare('SELECT id, name, family FROM products ORDER BY sort, name'),
    article: db.prepare(`SELECT a.*, p.name AS product_name FROM kb_articles a LEFT JOIN products p ON p.id = a.product_id WHERE a.id = ?`),
    feedback: db.prepare('INSERT INTO kb_feedback (article_id, helpful, created_at) VALUES (?, ?, ?)'),
    countYes: db.prepare('UPDATE kb_articles SET helpful_yes = helpful_yes + 1 WHERE id = ?'),
    countNo: db.prepare('UPDATE kb_articles SET helpful_no = helpful_no + 1 WHERE id = ?'),
    contacts: db.prepare('SELECT json FROM support_contacts WHERE id = 1'),
    document: db.prepare('SELECT * FROM documents WHERE id = ?'),
  };
  // Step 1 ranks (cheap: no text work); step 2 builds highlight/snippet only for the page's rows.
  const searchSql = (withProduct) => `SELECT kb_fts.rowid AS num FROM kb_fts
    ${withProduct ? 'JOIN kb_articles a ON a.num = kb_fts.rowid' : ''}
    WHERE kb_fts MATCH ? ${withProduct ? 'AND a.product_id = ?' : ''}
    ORDER BY bm25(kb_fts, 10.0, 1.0), kb_fts.rowid LIMIT ? OFFSET ?`;
  const marked = db.prepare(`SELECT kb_fts.rowid AS num, a.id, a.title, a.product_id, p.name AS product_name, a.updated_at,
      highlight(kb_fts, 0, char(1), char(2)) AS marked_title,
      snippet(kb_fts, 1, char(1), char(2), '…', 24) AS marked_snippet
    FROM kb_fts JOIN kb_articles a ON a.num = kb_fts.rowid LEFT JOIN products p ON p.id = a.product_id
    WHERE kb_fts MATCH ? AND kb_fts.rowid IN (SELECT value FROM json_each(?))`);
  const countSql = (withProduct) => (withProduct
    ? 'SELECT COUNT(*) AS n FROM kb_fts JOIN kb_articles a ON a.num = kb_fts.rowid WHERE kb_fts MATCH ? AND a.product_id = ?'
    : 'SELECT COUNT(*) AS n FROM kb_fts WHERE kb_fts MATCH ?');
  const search = { true: db.prepare(searchSql(true)), false: db.prepare(searchSql(false)) };
  const count = { true: db.prepare(countSql(true)), false: db.prepare(countSql(false)) };
  const related = db.prepare(`SELECT a.id, a.title FROM kb_fts JOIN kb_articles a ON a.num = kb_fts.rowid
    WHERE kb_fts MATCH ? AND a.id <> ? AND (? IS NULL OR a.product_id = ?) ORDER BY bm25(kb_fts, 10.0, 1.0) LIMIT 5`);

  const productArgs = (product) => (product ? [product] : []);

  /** Runs a search; 'and' first, falling back to 'or' when every-term matching finds nothing. */
  function runSearch(text, product, limit, offset, mode) {
    const fts = toFtsQuery(text, mode);
    if (!fts) return { rows: [], total: 0, mode };
    const p = Boolean(product);
    const total = count[p].get(fts, ...productArgs(product)).n;
    if (total === 0 && mode === 'and' && queryTerms(text).length > 1) return runSearch(text, product, limit, offset, 'or');
    const nums = total ? search[p].all(fts, ...productArgs(product), limit, offset).map((r) => r.num) : [];
    const byNum = new Map(nums.length ? marked.all(fts, JSON.stringify(nums)).map((r) => [r.num, r]) : []);
    const rows = nums.map((n) => byNum.get(n)).filter(Boolean);
    return { rows, total, mode };
  }

  api.get('/products', async () => q.products.all());

  // Search answers are memoised per query until the database changes (type-ahead repeats the same prefixes).
  const memo = createMemo(db);

  api.get('/kb/search', { schema: { querystring: requests.kbQuery } }, async (request, reply) => {
    const { q: text, product, limit, cursor } = request.query;
    const json = memo(JSON.stringify([text, product, limit, cursor]), () => JSON.stringify(kbSearch(request.query)));
    return reply.type('application/json; charset=utf-8').send(json);
  });

  function kbSearch(query) {
    const { q: text, product, limit } = query;
    let offset = 0;
    let mode = 'and';
    if (query.cursor) {
      const v = decodeCursor(query.cursor, (a) => a.length === 2 && Number.isInteger(a[0]) && a[0] >= 0 && a[0] <= 100000 && (a[1] === 'and' || a[1] === 'or'));
      [offset, mode] = v;
    }
    const r = runSearch(text, product, limit, offset, mode);
    const items = r.rows.map((row) => {
      const title = unmark(row.marked_title);
      const snippet = unmark(row.marked_snippet);
      return {
        id: row.id, title: title.text, titleMatches: title.matches, snippet: snippet.text, snippetMatches: snippet.matches,
        productId: row.product_id ?? null, productName: row.product_name ?? null, updatedAt: row.updated_at,
      };
    });
    const next = offset + items.length;
    return { items, nextCursor: next < r.total && items.length ? encodeCursor([next, r.mode]) : null, total: r.total };
  }

  api.get('/kb/articles/:id', { schema: { params: requests.idParams } }, async (request) => {
    const a = q.article.get(request.params.id);
    if (!a) throw problem(404, 'Not found', 'There is no such article.');
    const fts = toFtsQuery(a.title, 'or')?.replace(/\*$/, '');
    const rel = fts ? related.all(fts, a.id, a.product_id ?? null, a.product_id ?? null) : [];
    return {
      id: a.id, title: a.title, bodyHtml: a.body_html, productId: a.product_id ?? null, productName: a.product_name ?? null,
      updatedAt: a.updated_at, related: rel.map((r) => ({ id: r.id, title: r.title })), helpfulYes: a.helpful_yes,
      helpfulNo: a.helpful_no,
    };
  });

  api.post('/kb/articles/:id/feedback', { schema: { params: requests.idParams, body: requests.feedback } }, async (request, reply) => {
    const { id } = request.params;
    db.transaction(() => {
      if (!q.article.get(id)) throw problem(404, 'Not found', 'There is no such article.');
      q.feedback.run(id, request.body.helpful ? 1 : 0, nowIso());
      (request.body.helpful ? q.countYes : q.countNo).run(id);
    })();
    return reply.code(204).send();
  });

  api.get('/contacts', async (request, reply) => {
    const row = q.contacts.get();
    reply.header('cache-control', 'public, max-age=300');
    reply.type('application/json; charset=utf-8');
    return row ? row.json : JSON.stringify({ centres: [], countries: [], emergency: [], escalation: [] });
  });

  api.get('/documents', { schema: { querystring: requests.documentQuery } }, async (request) => {
    const origin = `${request.protocol}://${request.host}`;
    const { product, lang } = request.query;
    const where = [];
    const args = [];
    if (product) { where.push('d.product_id = ?'); args.push(product); }
    if (lang) { where.push('(lower(d.language) = ? OR lower(d.language) LIKE ?)'); args.push(lang.toLowerCase(), `${lang.toLowerCase().split('-')[0]}`); }
    const rows = db.prepare(`SELECT d.id, d.title, d.product_id, p.name AS product_name, d.language, d.file_type, d.size, d.published_at
      FROM documents d LEFT JOIN products p ON p.id = d.product_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY p.sort, d.title, d.language`).all(...args);
    return rows.map((d) => ({
      id: d.id, title: d.title, productId: d.product_id ?? null, productName: d.product_name ?? null, language: d.language,
      fileType: d.file_type, size: d.size, publishedAt: d.published_at, url: `${origin}/api/v1/documents/${encodeURIComponent(d.id)}/file`,
    }));
  });

  api.get('/documents/:id/file', { schema: { params: requests.idParams } }, async (request, reply) => {
    const d = q.document.get(request.params.id);
    if (!d) throw problem(404, 'Not found', 'There is no such document.');
    const ascii = d.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .header('content-type', d.content_type)
      .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.file_name)}`)
      .header('cache-control', 'public, max-age=3600')
      .send(d.content);
  });
}
