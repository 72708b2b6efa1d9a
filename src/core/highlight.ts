import { html, type TemplateResult } from 'lit';
import type { MatchRange } from './models.js';

/**
 * Highlighting of search terms from the match offsets the API returns (`titleMatches`, `snippetMatches`:
 * `[start, end)` in UTF-16 code units of the plain text). The text is split into parts and each matched part is
 * rendered as `<mark>` through Lit's text bindings: no HTML from the server is ever parsed.
 */

export interface TextPart {
  text: string;
  match: boolean;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Cleans up ranges for a text of `text.length`: drops invalid entries (not a pair of integers, empty or reversed
 * after clamping), clamps to `[0, length]`, widens an edge that would split a surrogate pair, sorts by start and
 * merges overlapping or touching ranges.
 */
export function normalizeRanges(ranges: readonly unknown[] | null | undefined, text: string): MatchRange[] {
  if (!Array.isArray(ranges)) return [];
  const length = text.length;
  const valid: MatchRange[] = [];
  for (const r of ranges) {
    if (!Array.isArray(r) || r.length < 2) continue;
    const [a, b] = r as unknown[];
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isInteger(a) || !Number.isInteger(b)) continue;
    let start = Math.max(0, Math.min(a, length));
    let end = Math.max(0, Math.min(b, length));
    if (start >= end) continue;
    // Never cut an astral character (emoji, rare CJK) in two.
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
    if (end < length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
    valid.push([start, end]);
  }
  valid.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: MatchRange[] = [];
  for (const r of valid) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Splits `text` into plain and matched parts (empty parts omitted). */
export function highlightParts(text: string, ranges: readonly unknown[] | null | undefined): TextPart[] {
  const parts: TextPart[] = [];
  let pos = 0;
  for (const [start, end] of normalizeRanges(ranges, text)) {
    if (start > pos) parts.push({ text: text.slice(pos, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    pos = end;
  }
  if (pos < text.length || parts.length === 0) parts.push({ text: text.slice(pos), match: false });
  return parts;
}

/** `text` with each matched range in `<mark part="mark">`, all through text bindings. */
export function highlight(text: string, ranges: readonly unknown[] | null | undefined): TemplateResult {
  return html`${highlightParts(text, ranges).map((p) => (p.match ? html`<mark part="mark">${p.text}</mark>` : p.text))}`;
}
