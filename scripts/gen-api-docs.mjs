#!/usr/bin/env node
// Writes the API reference (docs/api.md) from dist/custom-elements.json: for every element its summary,
// attributes and properties, events, slots, parts and CSS custom properties — the same JSDoc that feeds
// Storybook's docs pages and editor hints. `--check` exits 1 when docs/api.md is not current (used by a test).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestPath = `${root}dist/custom-elements.json`;
const outPath = `${root}docs/api.md`;

/** Markdown for the manifest. Exported for the test. */
export function renderApiDocs(manifest) {
  const oneLine = (s) => (s ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
  const code = (s) => (s ? '`' + String(s).replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ') + '`' : '');
  const table = (head, rows) => rows.length
    ? [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''].join('\n')
    : '';
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const out = ['# API reference', '',
    'Generated from `dist/custom-elements.json` by `scripts/gen-api-docs.mjs` (run `npm run build`); do not edit by hand.', '',
    ...elements.map((e) => `- [\`<${e.tagName}>\`](#${e.tagName})`), ''];
  for (const e of elements) {
    out.push(`## <a id="${e.tagName}"></a>\`<${e.tagName}>\` — ${e.name}`, '');
    if (e.summary) out.push(`**${oneLine(e.summary)}**`, '');
    if (e.description) out.push(e.description.trim(), '');
    const fields = (e.members ?? []).filter((m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && m.description);
    if (fields.length) {
      out.push('### Attributes and properties', '');
      out.push(table(['attribute', 'property', 'type', 'default', 'description'],
        fields.map((f) => [code(f.attribute), code(f.name), code(f.type?.text), code(f.default), oneLine(f.description) + (f.reflects ? ' (reflected)' : '')])));
    }
    const sections = [
      ['Events', e.events, (x) => [code(x.name), oneLine(x.description)], ['event', 'description']],
      ['Slots', e.slots, (x) => [x.name ? code(x.name) : '(default)', oneLine(x.description)], ['slot', 'description']],
      ['CSS parts', e.cssParts, (x) => [code(x.name), oneLine(x.description)], ['part', 'description']],
      ['CSS custom properties', e.cssProperties, (x) => [code(x.name), oneLine(x.description)], ['property', 'description']],
    ];
    for (const [title, list, row, head] of sections) {
      const items = (list ?? []).filter((x) => x.name !== undefined);
      if (items.length) out.push(`### ${title}`, '', table(head, items.map(row)));
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(manifestPath)) { console.error('gen-api-docs: dist/custom-elements.json is missing: run npm run build'); process.exit(1); }
  const md = renderApiDocs(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (process.argv.includes('--check')) {
    const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
    if (current !== md) { console.error('gen-api-docs: docs/api.md is out of date: run npm run build and commit it'); process.exit(1); }
    console.log('gen-api-docs: docs/api.md is current');
  } else {
    writeFileSync(outPath, md);
    console.log(`gen-api-docs: docs/api.md (${md.length} characters)`);
  }
}
