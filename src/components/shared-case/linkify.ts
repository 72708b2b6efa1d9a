import { html, type TemplateResult } from 'lit';

/**
 * Turns http(s) URLs inside untrusted plain text into links, built by Lit (no innerHTML): the result is an array of
 * strings (rendered as text) and `<a>` templates. Only `http:` and `https:` become links — `javascript:`, `data:`,
 * `vbscript:` and anything else stay text. Links open in a new tab without an opener or referrer and carry
 * `nofollow` (the text comes from customers and support engineers, not from the vendor's site).
 */

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Trailing characters that usually belong to the sentence, not the URL.
const TRAILING = /[.,;:!?*'"»”’]+$/;

/** The parsed URL when `candidate` is an absolute http(s) URL, else null. */
export function safeHttpUrl(candidate: string): URL | null {
  try {
    const u = new URL(candidate);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function trimUrl(raw: string): string {
  let s = raw.replace(TRAILING, '');
  // Drop an unbalanced closing parenthesis: "(see https://x.example/a)".
  while (s.endsWith(')') && (s.match(/\(/g)?.length ?? 0) < (s.match(/\)/g)?.length ?? 0)) {
    s = s.slice(0, -1).replace(TRAILING, '');
  }
  return s;
}

/** Text and link parts of `text`, in order. Render them with `${linkify(text)}` inside an element. */
export function linkify(text: string | null | undefined): Array<string | TemplateResult> {
  const source = text ?? '';
  const parts: Array<string | TemplateResult> = [];
  let last = 0;
  for (const m of source.matchAll(URL_RE)) {
    const start = m.index ?? 0;
    const raw = trimUrl(m[0]);
    const url = raw ? safeHttpUrl(raw) : null;
    if (!url) continue;
    if (start > last) parts.push(source.slice(last, start));
    parts.push(html`<a part="link" href=${url.href} rel="noopener noreferrer nofollow" target="_blank">${raw}</a>`);
    last = start + raw.length;
  }
  if (last < source.length) parts.push(source.slice(last));
  return parts;
}
