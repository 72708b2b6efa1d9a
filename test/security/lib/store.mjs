// Puts every payload into every field the elements render: through the real API where the API can write the
// field (case subject/description/contact phone, comments, attachment file names, close/reopen reasons, account
// request names), and straight into the database with SQL for what only the seed writes (product names and
// families, KB titles and raw article bodies, document titles, people and organisation names, contact texts).
// Each stored value starts with a marker ⟪id⟫ (id = field code × 1000 + payload number) so the suite can check
// the value was really rendered; executable payloads call __xss(id).
import { randomUUID } from 'node:crypto';
import { FIELD_LIMITS } from '../../../src/core/limits.js';
import { PAYLOADS, instantiate, trapId } from '../payloads.mjs';

export const FIELDS = {
  1: 'case subject', 2: 'case description', 3: 'comment body', 4: 'attachment file name', 5: 'close/reopen reason',
  6: 'product name', 7: 'product family', 8: 'KB title', 9: 'KB article body (raw HTML)', 10: 'document title',
  11: 'case creator name', 12: 'comment author name', 13: 'history actor name', 14: 'account request name',
  15: 'contacts text', 16: 'user / organisation name', 17: 'case contact phone', 18: 'document language',
};

export const mark = (id) => `⟪${id}⟫`;
export const SEARCH_TOKEN = 'xsstoken';

/** Value for field `code` from payload `p`, fitted into [min, max] characters (null when it cannot fit). */
export function valueFor(code, p, { min = 0, max = Infinity, marker = true } = {}) {
  const id = trapId(code, p);
  let v = (marker ? `${mark(id)} ` : '') + instantiate(p, id);
  if (v.length > max) return null;
  while (v.length < min) v += ' ·';
  return v;
}

async function api(stack, token, method, path, body, headers = {}) {
  const res = await fetch(`${stack.urls.apiBase}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not json */ }
  return { status: res.status, json, text };
}

/**
 * @param {any} stack a started stack (startBrowserStack)
 * @param {string} token Anna's access token
 */
export async function storePayloads(stack, token) {
  const db = stack.db;
  const counts = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, { stored: 0, refused: 0 }]));
  const ok = (code, good) => { counts[code][good ? 'stored' : 'refused']++; };
  const me = (await api(stack, token, 'GET', '/me')).json;
  const orgId = me.organisation.id;
  const baseProduct = db.prepare('SELECT id FROM products ORDER BY sort LIMIT 1').get().id;

  // Products (SQL): one per payload, name and family hostile.
  const insProduct = db.prepare('INSERT INTO products (id, name, family, sort) VALUES (?, ?, ?, ?)');
  const productIds = [];
  for (const p of PAYLOADS) {
    const id = `prod-xss-${p.n}`;
    insProduct.run(id, valueFor(6, p), valueFor(7, p, { marker: false }), 1000 + p.n);
    productIds.push(id);
    ok(6, true); ok(7, true);
  }

  // Cases (API): subject, description, contact phone.
  const caseIds = [];
  for (const p of PAYLOADS) {
    const subject = valueFor(1, p, FIELD_LIMITS.subject) ?? `${mark(trapId(1, p))} (payload ${p.n} too long for a subject)`;
    const description = valueFor(2, p, FIELD_LIMITS.description) ?? `${mark(trapId(2, p))} ${instantiate(p, trapId(2, p)).slice(0, 19_000)}`;
    const phone = instantiate(p, trapId(17, p));
    const body = { subject, description, productId: baseProduct, severity: 'low' };
    if (phone.length <= FIELD_LIMITS.contactPhone.max) body.contactPhone = phone;
    let r = await api(stack, token, 'POST', '/cases', body, { 'idempotency-key': randomUUID() });
    if (r.status !== 201 && body.contactPhone) { // a phone the server refuses: store the rest
      ok(17, false);
      delete body.contactPhone;
      r = await api(stack, token, 'POST', '/cases', body, { 'idempotency-key': randomUUID() });
    } else if (body.contactPhone) ok(17, r.status === 201);
    ok(1, r.status === 201 && !!valueFor(1, p, FIELD_LIMITS.subject)); ok(2, r.status === 201);
    if (r.status === 201) caseIds.push({ n: p.n, id: r.json.id });
  }
  // Their products and creator names (SQL).
  // The API validates phone numbers, so hostile phones (rendered as tel: links) go in with SQL.
  const setCase = db.prepare('UPDATE cases SET product_id = ?, created_by_name = ?, contact_phone = ? WHERE id = ?');
  for (const { n, id } of caseIds) {
    const p = PAYLOADS[n - 1];
    setCase.run(`prod-xss-${n}`, valueFor(11, p), valueFor(17, p), id);
    ok(11, true); ok(17, true);
  }

  // Each hostile case gets a hostile comment with an attachment named after a payload; one more case collects a
  // long history of hostile close/reopen reasons.
  const host = await api(stack, token, 'POST', '/cases', {
    subject: `${SEARCH_TOKEN} history under attack`, description: 'Every close and reopen reason of this case is a hostile payload.',
    productId: baseProduct, severity: 'medium',
  }, { 'idempotency-key': randomUUID() });
  const commentCaseId = host.json.id;
  const exts = ['.txt', '.log', '.csv', '.json'];
  const caseOf = new Map(caseIds.map((c) => [c.n, c.id]));
  let namesKeepingMarker = 0; // the server keeps the last path segment of a name: a slash drops the marker
  for (const p of PAYLOADS) {
    const target = caseOf.get(p.n) ?? commentCaseId;
    const name = `${mark(trapId(4, p))} ${instantiate(p, trapId(4, p)).slice(0, 150)}${exts[p.n % exts.length]}`;
    const fd = new FormData();
    fd.append('file', new Blob([`payload ${p.n}\n`], { type: 'text/plain' }), name);
    const up = await fetch(`${stack.urls.apiBase}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: fd });
    const att = up.status === 201 ? await up.json() : null;
    ok(4, !!att);
    if (att && !/[\\/]/.test(name)) namesKeepingMarker++;
    const text = valueFor(3, p, FIELD_LIMITS.comment) ?? `${mark(trapId(3, p))} ${instantiate(p, trapId(3, p)).slice(0, 19_000)}`;
    const c = await api(stack, token, 'POST', `/cases/${target}/comments`, { body: text, attachmentIds: att ? [att.id] : [] }, { 'idempotency-key': randomUUID() });
    ok(3, c.status === 201);
  }
  let closed = false;
  for (const p of PAYLOADS) {
    const reason = valueFor(5, p, FIELD_LIMITS.reason);
    if (!reason) { ok(5, false); continue; }
    const r = await api(stack, token, 'POST', `/cases/${commentCaseId}/${closed ? 'reopen' : 'close'}`, { reason });
    ok(5, r.status === 200);
    if (r.status === 200) closed = !closed;
  }
  // People names on comments and history (SQL).
  const comments = caseIds.flatMap(({ id }) => db.prepare('SELECT id FROM comments WHERE case_id = ? ORDER BY seq').all(id));
  const setAuthor = db.prepare('UPDATE comments SET author_name = ? WHERE id = ?');
  comments.forEach((c, i) => { const p = PAYLOADS[i % PAYLOADS.length]; setAuthor.run(valueFor(12, p), c.id); ok(12, true); });
  const hist = db.prepare('SELECT seq FROM case_history WHERE case_id = ? ORDER BY seq').all(commentCaseId);
  const setBy = db.prepare("UPDATE case_history SET by_name = ?, by_id = COALESCE(by_id, 'x') WHERE seq = ?");
  hist.forEach((h, i) => { const p = PAYLOADS[i % PAYLOADS.length]; setBy.run(valueFor(13, p), h.seq); ok(13, true); });

  // KB articles (SQL): hostile title and RAW hostile body (the server's own sanitiser is bypassed on purpose:
  // the browser's DOMPurify must hold on its own).
  const insArticle = db.prepare(`INSERT INTO kb_articles (id, title, body_html, body_text, product_id, updated_at)
    VALUES (?, ?, ?, ?, NULL, ?)`);
  const articleIds = [];
  const now = new Date().toISOString();
  for (const p of PAYLOADS) {
    const id = `kb-xss-${p.n}`;
    const title = `${valueFor(8, p)} ${SEARCH_TOKEN}`;
    const body = `<p>${mark(trapId(9, p))} ${SEARCH_TOKEN} article body</p>${instantiate(p, trapId(9, p))}<p>end</p>`;
    insArticle.run(id, title, body, `${SEARCH_TOKEN} ${instantiate(p, trapId(9, p))}`, now);
    articleIds.push(id);
    ok(8, true); ok(9, true);
  }
  // Related articles are computed by the API; an omnibus article holds every payload at once.
  insArticle.run('kb-xss-all', `${SEARCH_TOKEN} omnibus`, PAYLOADS.map((p) => instantiate(p, trapId(9, p))).join('\n'), SEARCH_TOKEN, now);

  // Documents (SQL).
  const insDoc = db.prepare(`INSERT INTO documents (id, title, product_id, language, file_type, file_name, content_type, content, size, published_at)
    VALUES (?, ?, NULL, ?, 'pdf', ?, 'application/pdf', ?, 9, ?)`);
  for (const p of PAYLOADS) {
    insDoc.run(`doc-xss-${p.n}`, valueFor(10, p), p.n % 10 === 0 ? instantiate(p, trapId(18, p)).slice(0, 60) : 'en', `${instantiate(p, 0).slice(0, 50)}.pdf`, Buffer.from('%PDF-1.4\n'), now);
    ok(10, true);
    if (p.n % 10 === 0) ok(18, true);
  }

  // Contacts (SQL): every text field of the contacts document takes payloads round-robin.
  const row = db.prepare('SELECT json FROM support_contacts WHERE id = 1').get();
  if (row) {
    const contacts = JSON.parse(row.json);
    let i = 0;
    const next = () => { const p = PAYLOADS[i++ % PAYLOADS.length]; ok(15, true); return valueFor(15, p); };
    for (const c of contacts.centres ?? []) { c.name = next(); for (const h of c.holidays ?? []) h.name = next(); }
    for (const c of contacts.countries ?? []) c.countryName = next();
    for (const e of contacts.emergency ?? []) e.label = next();
    for (const e of contacts.escalation ?? []) { e.name = next(); e.when = next(); e.contact = next(); e.responseTime = next(); }
    db.prepare('UPDATE support_contacts SET json = ? WHERE id = 1').run(JSON.stringify(contacts));
  }

  // Account requests: through the API while the rate limit lets us, the rest with SQL.
  const insReq = db.prepare(`INSERT INTO account_requests (id, first_name, last_name, email, account_id, message, status, created_at)
    VALUES (?, ?, ?, ?, 'ACC-104233', ?, 'open', ?)`);
  let viaApi = 0;
  for (const p of PAYLOADS) {
    const first = valueFor(14, p, FIELD_LIMITS.firstName);
    if (!first) { ok(14, false); continue; }
    const input = { firstName: first, lastName: first, email: `xss${p.n}@example.com`, accountId: 'ACC-104233', message: instantiate(p, trapId(14, p)).slice(0, 2000) };
    let stored = false;
    if (viaApi < 5) {
      const r = await fetch(`${stack.urls.apiBase}/account-requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      if (r.status === 201 || r.status === 200) { stored = true; viaApi++; }
    }
    if (!stored) insReq.run(`req-xss-${p.n}`, first, first, input.email, input.message, now);
    ok(14, true);
  }

  // The organisation's and the user's names (SQL), last, so the cases above keep their own creator names.
  const p1 = PAYLOADS.find((p) => p.category === 'handler');
  const p2 = PAYLOADS.find((p) => p.category === 'svg');
  const p3 = PAYLOADS.find((p) => p.category === 'mxss');
  db.prepare('UPDATE organisations SET name = ? WHERE id = ?').run(valueFor(16, p1), orgId);
  db.prepare('UPDATE idp_accounts SET first_name = ?, last_name = ? WHERE lower(email) = ?').run(valueFor(16, p2), valueFor(16, p3), me.email.toLowerCase());
  ok(16, true); ok(16, true); ok(16, true);

  return { counts, namesKeepingMarker, caseIds, commentCaseId, articleIds, productIds, viaApiAccountRequests: viaApi };
}
