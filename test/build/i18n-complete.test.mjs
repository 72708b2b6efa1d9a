// Finnish is complete: every message id the source uses (msg(..., { id })) has a Finnish template, every Finnish
// template belongs to a message still in use, every msg() call names an id (an id-less message would fall back to
// a hash that no hand-written locale file can match), and a Finnish template has as many ${n} placeholders as the
// English message has expressions. Reads the sources; needs no build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const files = readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const isLocale = (f) => f.endsWith('locale-fi.ts');

/** English messages: id → number of ${} expressions, from every msg( call outside the locale files. */
function englishMessages() {
  const messages = new Map();
  const missingId = [];
  for (const f of files.filter((x) => !isLocale(x) && !x.startsWith('locales'))) {
    const text = readFileSync(join(src, f), 'utf8');
    for (const m of text.matchAll(/\bmsg\(/g)) {
      // The call's text: up to the matching parenthesis.
      let depth = 0; let end = m.index + 3;
      for (; end < text.length; end++) {
        const ch = text[end];
        if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      const call = text.slice(m.index, end + 1);
      const id = call.match(/\bid:\s*'([^']+)'/)?.[1];
      if (!id) { missingId.push(`${f}: ${call.slice(0, 80)}`); continue; }
      const first = call.slice(4, call.search(/,\s*\{\s*id:/));
      messages.set(id, (first.match(/\$\{/g) ?? []).length);
    }
  }
  return { messages, missingId };
}

/** Finnish templates: id → number of ${n} placeholders. */
function finnishTemplates() {
  const templates = new Map();
  for (const f of files.filter(isLocale)) {
    const text = readFileSync(join(src, f), 'utf8');
    for (const m of text.matchAll(/^\s*'([^']+)':\s*(str`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)/gm)) {
      templates.set(m[1], (m[2].match(/\$\{\d+\}/g) ?? []).length);
    }
  }
  return templates;
}

const { messages, missingId } = englishMessages();
const fi = finnishTemplates();

test('every msg() call names an id', () => {
  assert.ok(messages.size > 100, `found only ${messages.size} messages: the scan is broken`);
  assert.deepEqual(missingId, []);
});

test('every English message has a Finnish template', () => {
  const missing = [...messages.keys()].filter((id) => !fi.has(id));
  assert.deepEqual(missing, [], `no Finnish for: ${missing.join(', ')}`);
});

test('no Finnish template is left over from a removed message', () => {
  const orphans = [...fi.keys()].filter((id) => !messages.has(id));
  assert.deepEqual(orphans, []);
});

test('Finnish templates keep every placeholder', () => {
  const wrong = [...messages].filter(([id, n]) => fi.has(id) && fi.get(id) !== n).map(([id, n]) => `${id}: ${n} in English, ${fi.get(id)} in Finnish`);
  assert.deepEqual(wrong, []);
});
