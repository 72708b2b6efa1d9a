// Knowledge-base search helpers: turn any user text into a safe FTS5 query, and turn FTS5 highlight/snippet
// output (with private marker characters) into plain text plus [start, end) match offsets.

const OPEN = '\u0001';
const CLOSE = '\u0002';
export const MARK_OPEN = OPEN;
export const MARK_CLOSE = CLOSE;

/** Words of a query: letters and digits only (everything else separates words), at most 12. */
export function queryTerms(q) {
  return (String(q).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * Builds an FTS5 MATCH expression from free text. Every term is a quoted string (so FTS syntax such as
 * `NEAR`, `-`, `:` or `"` in the input is never interpreted), the last term is a prefix match so results appear
 * while typing. `mode` 'and' requires every term, 'or' any. Returns null when the text has no searchable term.
 * @param {string} q
 * @param {'and'|'or'} [mode]
 */
export function toFtsQuery(q, mode = 'and') {
  const terms = queryTerms(q);
  if (!terms.length) return null;
  const parts = terms.map((t, i) => `"${t.replace(/"/g, '""')}"${i === terms.length - 1 ? '*' : ''}`);
  return parts.join(mode === 'and' ? ' ' : ' OR ');
}

/**
 * Strips the marker characters from FTS5 highlight()/snippet() output and returns the plain text with the
 * offsets (UTF-16 code units, as JavaScript strings count) of the marked ranges.
 * @param {string} marked
 * @returns {{ text: string, matches: [number, number][] }}
 */
export function unmark(marked) {
  let text = '';
  /** @type {[number, number][]} */
  const matches = [];
  let start = -1;
  for (const ch of marked ?? '') {
    if (ch === OPEN) {
      start = text.length;
    } else if (ch === CLOSE) {
      if (start >= 0 && text.length > start) {
        const prev = matches[matches.length - 1];
        if (prev && prev[1] === start) prev[1] = text.length; // adjacent marks merge
        else matches.push([start, text.length]);
      }
      start = -1;
    } else {
      text += ch;
    }
  }
  // Newlines (block ends) become spaces: same length, so the offsets stay right.
  return { text: text.replace(/[\n\r\t]/g, ' '), matches };
}
