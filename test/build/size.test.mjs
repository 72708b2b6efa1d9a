// scripts/size-lib.mjs: the size report's arithmetic and graph walking (on the real dist/cdn when built, and on a
// synthetic meta graph always).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BUDGETS, closure, measure, sizeReport, formatReport } from '../../scripts/size-lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

test('measure() gives min >= gzip, brotli for compressible text, and exact byte length', () => {
  const text = 'export const x = "hello";\n'.repeat(200);
  const m = measure(text);
  assert.equal(m.min, Buffer.byteLength(text));
  assert.ok(m.gzip < m.min && m.brotli < m.min, JSON.stringify(m));
  assert.ok(m.brotli <= m.gzip + 20, 'brotli q11 should not be much worse than gzip');
});

test('page cost = entry + static import closure of the element and es-provider; dynamic imports excluded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-size-'));
  try {
    mkdirSync(join(dir, 'chunks'));
    const files = {
      'eservice-widgets.js': 'a'.repeat(100),
      'chunks/es-provider-1.js': 'b'.repeat(1000),
      'chunks/es-contact-card-1.js': 'c'.repeat(2000),
      'chunks/lit-1.js': 'd'.repeat(3000),
      'chunks/oidc-client-ts-1.js': 'e'.repeat(50000),
    };
    for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
    const chunk = (o) => ({ name: 'x', isEntry: false, isDynamicEntry: true, facadeModule: null, tag: null, imports: [], dynamicImports: [], modules: {}, ...o });
    const meta = {
      entry: 'eservice-widgets.js',
      chunks: {
        'eservice-widgets.js': chunk({ isEntry: true, isDynamicEntry: false, dynamicImports: ['chunks/es-provider-1.js', 'chunks/es-contact-card-1.js'] }),
        'chunks/es-provider-1.js': chunk({ tag: 'es-provider', imports: ['chunks/lit-1.js'], dynamicImports: ['chunks/oidc-client-ts-1.js'] }),
        'chunks/es-contact-card-1.js': chunk({ tag: 'es-contact-card', imports: ['chunks/lit-1.js'] }),
        'chunks/lit-1.js': chunk({ isDynamicEntry: false }),
        'chunks/oidc-client-ts-1.js': chunk({ modules: { 'node_modules/oidc-client-ts/dist/esm/oidc-client-ts.js': 1 } }),
      },
    };
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
    assert.deepEqual([...closure(meta, ['chunks/es-contact-card-1.js'])].sort(), ['chunks/es-contact-card-1.js', 'chunks/lit-1.js']);
    assert.equal(closure(meta, [meta.entry], { dynamic: true }).size, 5);
    const { rows } = sizeReport(dir);
    const card = rows.find((r) => r.label === 'page: es-provider + es-contact-card');
    assert.deepEqual(card.files.sort(), ['chunks/es-contact-card-1.js', 'chunks/es-provider-1.js', 'chunks/lit-1.js', 'eservice-widgets.js']);
    assert.equal(card.min, 100 + 1000 + 2000 + 3000);
    assert.equal(card.budget, BUDGETS.providerPlusContactCard);
    const signIn = rows.find((r) => r.label.startsWith('entry + every element + sign-in'));
    assert.ok(signIn.files.includes('chunks/oidc-client-ts-1.js'));
    const total = rows.find((r) => r.kind === 'total');
    assert.equal(total.min, Object.values(files).reduce((s, t) => s + t.length, 0));
    // A figure over its budget is flagged and printed as OVER.
    const over = rows.find((r) => r.budget !== null && r.brotli > r.budget);
    if (over) assert.equal(over.over, true);
    assert.match(formatReport(rows), /page: es-provider \+ es-contact-card/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run size works on the real build', { skip: existsSync(join(root, 'dist', 'cdn', 'meta.json')) ? false : 'dist/cdn missing: run `npm run build`' }, () => {
  const { rows } = sizeReport();
  const entry = rows.find((r) => r.kind === 'entry');
  assert.ok(entry.min > 0 && entry.brotli > 0);
  for (const label of ['entry + every element + sign-in (oidc-client-ts)', 'entry + every lazy chunk']) {
    const r = rows.find((x) => x.label === label);
    assert.ok(r, `row ${label} missing`);
    assert.equal(r.over, r.brotli > r.budget);
  }
  const card = rows.find((r) => r.label === 'page: es-provider + es-contact-card');
  assert.ok(card && card.budget === BUDGETS.providerPlusContactCard);
  // The stack floor is measured, not assumed: lit alone is several KB, and no page can cost less than it.
  const [floor, floorWithEntry] = rows.filter((r) => r.kind === 'floor');
  assert.ok(floor && floor.brotli > 4000 && floor.min > floor.gzip, `stack floor row: ${JSON.stringify(floor)}`);
  assert.equal(floorWithEntry.brotli, floor.brotli + entry.brotli);
  assert.ok(floorWithEntry.brotli < card.brotli, 'a real page cannot cost less than the stack alone');
});
