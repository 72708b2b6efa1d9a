// Demo outbox: every email the reference stack sends is built as a real MIME message with nodemailer's
// stream transport (a real RFC 5322 message) and stored in SQLite, so the demo page (/outbox.html) and tests can read it and follow its links.
import nodemailer from 'nodemailer';
import { randomUUID } from 'node:crypto';

export const OUTBOX_KINDS = ['activation', 'welcome', 'password-reset', 'case-update', 'account-request-received'];
export const DEFAULT_FROM = 'Business Account <no-reply@support.example>';

/** Escapes a value for HTML text and attribute context. */
export function escapeHtml(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Marks a string as already-safe HTML for the `html` tag. */
export class SafeHtml {
  constructor(value) { this.value = String(value); }
  toString() { return this.value; }
}

/**
 * Tagged template for email HTML: every interpolated value is escaped unless it is a SafeHtml (from another
 * `html` call); arrays are joined.
 *   html`<p>Hello ${name}</p><a href="${url}">Set password</a>`
 */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => {
    out += renderValue(v) + strings[i + 1];
  });
  return new SafeHtml(out);
}
function renderValue(v) {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(renderValue).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v);
}

/** Only http(s) URLs may become links. */
export function safeUrl(url) {
  try {
    const u = new URL(String(url));
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Turns plain text into HTML: escaped, paragraphs kept, http(s) URLs made into links. */
export function textToHtml(text) {
  const parts = String(text ?? '').split(/(https?:\/\/[^\s<>"']+)/g);
  const body = parts.map((p, i) => {
    if (i % 2 === 1) {
      const url = safeUrl(p);
      return url ? html`<a href="${url}">${p}</a>`.value : escapeHtml(p);
    }
    return escapeHtml(p).replace(/\r?\n/g, '<br>\n');
  }).join('');
  return `<!doctype html><html><body><div style="font-family:sans-serif;line-height:1.5">${body}</div></body></html>`;
}

/**
 * Standard email layout: heading, paragraphs (text), an optional button link, a footer. All values escaped.
 * `lang` (the html element's language) and `copyHint` (the line before the copyable link) are for emails that are
 * not in English (the identity provider writes Finnish ones).
 */
export function emailLayout({ heading, paragraphs = [], action, footer, lang, copyHint = 'If the button does not work, copy this address into your browser:' }) {
  const actionUrl = action ? safeUrl(action.url) : null;
  return html`<!doctype html><html${lang ? html` lang="${lang}"` : ''}><body style="font-family:sans-serif;line-height:1.5;color:#1b1f24">
<h1 style="font-size:20px">${heading}</h1>
${paragraphs.map((p) => html`<p>${p}</p>\n`)}
${actionUrl ? html`<p><a href="${actionUrl}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${action.label}</a></p>
<p style="font-size:13px;color:#555">${copyHint} ${actionUrl}</p>` : ''}
${footer ? html`<p style="font-size:13px;color:#555">${footer}</p>` : ''}
</body></html>`.value;
}

function extractLinks(text, htmlBody) {
  const found = new Set();
  for (const m of String(text ?? '').matchAll(/https?:\/\/[^\s<>"']+/g)) if (safeUrl(m[0])) found.add(m[0]);
  for (const m of String(htmlBody ?? '').matchAll(/href="(https?:\/\/[^"]+)"/g)) {
    const url = m[1].replace(/&amp;/g, '&');
    if (safeUrl(url)) found.add(url);
  }
  return [...found];
}

function rowToMessage(row, { withRaw = false } = {}) {
  if (!row) return null;
  const msg = {
    id: row.id,
    kind: row.kind,
    to: row.to_addr,
    from: row.from_addr,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    links: JSON.parse(row.links || '[]'),
    messageId: row.message_id,
    createdAt: row.created_at,
  };
  if (withRaw) msg.raw = row.raw ?? null;
  return msg;
}

/**
 * @param {import('better-sqlite3').Database} db
 * @param {{ from?: string }} [options]
 */
export function createOutbox(db, { from = DEFAULT_FROM } = {}) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS outbox_messages (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      to_addr TEXT NOT NULL COLLATE NOCASE,
      from_addr TEXT NOT NULL,
      subject TEXT NOT NULL,
      text_body TEXT NOT NULL,
      html_body TEXT NOT NULL,
      links TEXT NOT NULL DEFAULT '[]',
      message_id TEXT,
      raw TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS outbox_messages_to ON outbox_messages(to_addr, seq);
  `);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const insert = db.prepare(`INSERT INTO outbox_messages (id, seq, kind, to_addr, from_addr, subject, text_body, html_body, links, created_at)
    VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox_messages), @kind, @to, @from, @subject, @text, @html, @links, @createdAt)`);
  const setRaw = db.prepare('UPDATE outbox_messages SET raw = ?, message_id = ? WHERE id = ?');

  /**
   * Builds and stores a message. The row is stored synchronously (visible to list() at once); the promise
   * resolves once nodemailer has built the message.
   * @param {{ to: string, subject: string, text: string, html?: string, kind: string, from?: string }} m
   */
  function send({ to, subject, text, html: htmlBody, kind, from: sender = from }) {
    if (!OUTBOX_KINDS.includes(kind)) throw new TypeError(`unknown outbox kind: ${kind}`);
    if (typeof to !== 'string' || !to.includes('@')) throw new TypeError('outbox: "to" must be an email address');
    if (typeof subject !== 'string' || !subject) throw new TypeError('outbox: "subject" is required');
    const textBody = String(text ?? '');
    const htmlOut = htmlBody ? String(htmlBody) : textToHtml(textBody);
    const record = {
      id: randomUUID(), kind, to, from: sender, subject, text: textBody, html: htmlOut,
      links: JSON.stringify(extractLinks(textBody, htmlOut)), createdAt: new Date().toISOString(),
    };
    insert.run(record);
    return transport.sendMail({ from: sender, to, subject, text: textBody, html: htmlOut, headers: { 'X-Outbox-Kind': kind } })
      .then((info) => {
        try { setRaw.run(info.message.toString('utf8'), info.messageId ?? null, record.id); } catch { /* db closed */ }
        return get(record.id);
      });
  }

  /** Newest first. @param {{ to?: string, kind?: string, limit?: number }} [q] */
  function list({ to, kind, limit = 200 } = {}) {
    const where = [];
    const args = [];
    if (to) { where.push('to_addr = ?'); args.push(to); }
    if (kind) { where.push('kind = ?'); args.push(kind); }
    const sql = `SELECT * FROM outbox_messages ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return db.prepare(sql).all(...args, Math.max(1, Math.min(1000, Number(limit) || 200))).map((r) => rowToMessage(r));
  }

  /** One message with the built RFC 5322 source (`raw`, null until built), or null. */
  function get(id) {
    return rowToMessage(db.prepare('SELECT * FROM outbox_messages WHERE id = ?').get(String(id)), { withRaw: true });
  }

  /** The newest message for an address (optionally of a kind), or null. */
  function latest(to, kind) {
    return list({ to, kind, limit: 1 })[0] ?? null;
  }

  return { send, list, get, latest };
}
