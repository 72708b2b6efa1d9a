// A small allow-list HTML sanitiser for KB article bodies. The server stores only what passes through it, so the
// API never hands out script, event handlers, styles or javascript: URLs; the browser sanitises again (DOMPurify).
// It is a re-serialiser, not a filter: text is re-escaped and only allowed tags with allowed attributes are
// written back, so malformed markup cannot survive as markup.

const ALLOWED = new Set(['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'code', 'pre', 'kbd', 'h2', 'h3',
  'h4', 'a', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr']);
const VOID = new Set(['br', 'hr']);
/** Elements whose content is dropped with them. */
const DROP_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math',
  'textarea', 'title', 'xmp', 'noembed', 'noframes']);
const ATTRS = { a: ['href', 'title'], th: ['scope'], td: ['colspan', 'rowspan'], ol: ['start'] };

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the few entities and numeric references the seed or editors use. */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function safeHref(raw) {
  // eslint-disable-next-line no-control-regex
  const v = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^https?:\/\//i.test(v) || /^mailto:/i.test(v) || /^\/(?!\/)/.test(v) || /^#/.test(v)) return v;
  return null;
}

function parseAttrs(src) {
  /** @type {Record<string,string>} */
  const out = {};
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m;
  while ((m = re.exec(src))) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

/**
 * Returns HTML containing only allowed elements and attributes; everything else is escaped text or dropped.
 * @param {string} html
 */
export function sanitizeArticleHtml(html) {
  const out = [];
  const open = [];
  let dropping = null;
  const re = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?/][^>]*>?/g;
  let last = 0;
  let m;
  const text = (t) => { if (!dropping && t) out.push(escapeHtml(decodeEntities(t))); };
  while ((m = re.exec(html))) {
    text(html.slice(last, m.index));
    last = re.lastIndex;
    if (!m[2]) continue; // comment, doctype, stray '<'
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (dropping) {
      if (closing && tag === dropping) dropping = null;
      continue;
    }
    if (DROP_CONTENT.has(tag)) {
      if (!closing && !/\/\s*$/.test(m[3])) dropping = tag;
      continue;
    }
    if (!ALLOWED.has(tag)) continue;
    if (closing) {
      const i = open.lastIndexOf(tag);
      if (i < 0) continue;
      while (open.length > i) out.push(`</${open.pop()}>`);
      continue;
    }
    const attrs = parseAttrs(m[3]);
    let a = '';
    for (const name of ATTRS[tag] ?? []) {
      if (!(name in attrs)) continue;
      let v = attrs[name];
      if (name === 'href') {
        v = safeHref(v);
        if (v == null) continue;
      } else {
        v = decodeEntities(v);
        if (name !== 'title' && !/^[a-z0-9]+$/i.test(v)) continue;
      }
      a += ` ${name}="${escapeHtml(v)}"`;
    }
    if (tag === 'a' && a.includes('href="http')) a += ' rel="noopener noreferrer"';
    out.push(`<${tag}${a}>`);
    if (!VOID.has(tag)) open.push(tag);
  }
  text(html.slice(last));
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

/** Plain text of (sanitised) HTML for search and snippets: block ends become newlines / spaces. */
export function htmlToText(html) {
  const t = html
    .replace(/<(br|hr)\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|h2|h3|h4|pre|tr|blockquote)>/gi, '\n')
    .replace(/<li>/gi, '• ')
    .replace(/<[^>]*>/g, '');
  // eslint-disable-next-line no-control-regex
  return decodeEntities(t).replace(/[\u0000-\u0008\u000b-\u001f]/g, ' ').replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n').trim();
}
