// The CDN chunk layout (rollup.config.mjs, chunk plan) and the loader's preload map, read from dist/cdn/meta.json
// and the built files. Needs `npm run build` first; skips with a message when dist/cdn is missing. What the
// layout is for: a page loads the entry, one core chunk and its element's chunk (+ at most one shared chunk),
// all requested at once; code reached only by dynamic import is never in a static graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closure, readMeta, tagChunks } from '../../scripts/size-lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cdn = join(root, 'dist', 'cdn');
const built = existsSync(join(cdn, 'meta.json'));
const SKIP = built ? false : 'dist/cdn is missing: run `npm run build` first (npm test builds it when needed)';
const meta = built ? readMeta(cdn) : null;
const tags = built ? tagChunks(meta) : {};
const KY_TRANSPORT = 'src/core/api-transport-ky.ts';
const SKIP_KY = SKIP || (existsSync(join(root, KY_TRANSPORT)) ? false
  : `${KY_TRANSPORT} does not exist yet: ky is still imported statically by the api client, so it is in core's graph`);

/** Lazily loaded code, by module path: none of it may be in a static graph. */
const LAZY = {
  'oidc-client-ts': (m) => m.includes('node_modules/oidc-client-ts/'),
  dompurify: (m) => m.includes('node_modules/dompurify/'),
  virtualizer: (m) => m.includes('node_modules/@lit-labs/virtualizer/'),
  'session-impl': (m) => /^src\/core\/(session-impl|session-lock|oidc-loader)\.ts$/.test(m),
  'Finnish locale': (m) => m === 'src/locales/fi.ts' || m.endsWith('/locale-fi.ts'),
};
const KY = (m) => m.includes('node_modules/ky/') || m === KY_TRANSPORT;

const modulesOf = (files) => [...files].flatMap((f) => Object.keys(meta.chunks[f].modules).map((m) => [f, m]));
const coreFiles = () => Object.keys(meta.chunks).filter((f) => /^chunks\/core-[\w-]+\.js$/.test(f));

/** The map the build prepended to the loader entry (`const __ES_PRELOAD__={...};` on its first line). */
function injectedMap() {
  const first = readFileSync(join(cdn, meta.entry), 'utf8').split('\n', 1)[0];
  const m = /^const __ES_PRELOAD__=(\{.*\});$/.exec(first);
  assert.ok(m, `${meta.entry} does not start with the preload map: ${first.slice(0, 80)}`);
  return JSON.parse(m[1]);
}

test('one core chunk holds lit, @lit/*, the base code and es-provider, and serves the es-provider tag', { skip: SKIP }, () => {
  const cores = coreFiles();
  assert.equal(cores.length, 1, `expected one chunks/core-*.js, found: ${cores.join(', ') || 'none'}`);
  const [core] = cores;
  const mods = Object.keys(meta.chunks[core].modules);
  for (const expected of ['node_modules/lit-html/lit-html.js', 'node_modules/lit-element/lit-element.js',
    'node_modules/@lit/reactive-element/reactive-element.js', 'node_modules/@lit/context/', 'node_modules/@lit/localize/',
    'node_modules/@lit/task/', 'src/base/es-element.ts', 'src/styles/shared.styles.ts', 'src/core/context-root.ts',
    'src/core/session.ts', 'src/components/provider/provider.ts']) {
    assert.ok(mods.some((m) => m.startsWith(expected)), `core lacks ${expected}`);
  }
  assert.equal(tags['es-provider'], core, 'es-provider is not served by the core chunk');
  // lit's code lives in core only: a second copy elsewhere would be a second lit-html runtime.
  for (const [f, m] of modulesOf(Object.keys(meta.chunks))) {
    if (f !== core) assert.ok(!/node_modules\/(lit-html\/lit-html|lit-element\/lit-element|@lit\/reactive-element\/reactive-element)\.js$/.test(m), `${f} also holds ${m}`);
  }
});

test('the loader entry imports nothing statically and lazy-loads every element chunk', { skip: SKIP }, () => {
  const entry = meta.chunks[meta.entry];
  assert.deepEqual(entry.imports, [], 'the entry must run at once (its static imports would delay every preload)');
  for (const [tag, file] of Object.entries(tags)) assert.ok(entry.dynamicImports.includes(file), `the entry does not import ${tag}'s ${file}`);
});

test('no static graph (entries, core, element chunks) holds code that is only loaded by dynamic import', { skip: SKIP }, () => {
  const roots = [meta.entry, 'define.js', ...coreFiles(), ...Object.values(tags)];
  for (const r of roots) {
    for (const [f, m] of modulesOf(closure(meta, [r]))) {
      for (const [what, is] of Object.entries(LAZY)) assert.ok(!is(m), `${r}: ${f} in its static graph holds ${what} (${m})`);
    }
  }
  // ... and that code exists (else the check above proves nothing), each part in a chunk named after it.
  const all = modulesOf(Object.keys(meta.chunks));
  for (const [what, is] of Object.entries(LAZY)) assert.ok(all.some(([, m]) => is(m)), `no chunk holds ${what}`);
  for (const [name, is] of [['oidc-client-ts', LAZY['oidc-client-ts']], ['dompurify', LAZY.dompurify], ['virtualizer', LAZY.virtualizer]]) {
    for (const [f, m] of all) if (is(m)) assert.match(f, new RegExp(`^chunks/${name}-[\\w-]+\\.js$`), `${m} is in ${f}`);
  }
  // The virtualizer (with its layouts) is one lazy chunk, imported dynamically by es-case-list only.
  const virt = [...new Set(all.filter(([, m]) => LAZY.virtualizer(m)).map(([f]) => f))];
  assert.equal(virt.length, 1, `virtualizer code is split over ${virt.join(', ')}`);
  for (const [f, c] of Object.entries(meta.chunks)) assert.ok(!c.imports.includes(virt[0]), `${f} imports ${virt[0]} statically`);
});

test('ky (the signed-in transport) is in no static graph of the entries, core or any element', { skip: SKIP_KY }, () => {
  const all = modulesOf(Object.keys(meta.chunks));
  assert.ok(all.some(([, m]) => m.includes('node_modules/ky/')), 'no chunk holds ky');
  for (const r of [meta.entry, 'define.js', ...coreFiles(), ...Object.values(tags)]) {
    for (const [f, m] of modulesOf(closure(meta, [r]))) assert.ok(!KY(m), `${r}: ${f} in its static graph holds ${m}`);
  }
});

test('a one-element page loads the entry, core, the element and at most one shared chunk', { skip: SKIP }, () => {
  const [core] = coreFiles();
  for (const [tag, file] of Object.entries(tags)) {
    if (tag === 'es-portal') continue; // the portal is every element at once
    const files = closure(meta, [meta.entry, file, tags['es-provider']]);
    assert.ok(files.has(core), `${tag}'s page does not load core`);
    const shared = [...files].filter((f) => f !== meta.entry && f !== core && f !== file);
    assert.ok(shared.length <= 1, `${tag}'s page loads ${files.size} files: ${[...files].join(', ')}`);
  }
  // What the case elements share is one chunk, never in core.
  const caseShared = [...new Set(modulesOf(Object.keys(meta.chunks))
    .filter(([, m]) => m.startsWith('src/components/shared-case/') && !m.endsWith('/locale-fi.ts'))
    .map(([f]) => f).filter((f) => !meta.chunks[f].tag))];
  assert.equal(caseShared.length, 1, `shared case code is in ${caseShared.join(', ')}`);
  assert.match(caseShared[0], /^chunks\/case-shared-[\w-]+\.js$/);
});

test('the entry carries the preload map: per tag, every file of its element chunk\'s static graph', { skip: SKIP }, () => {
  const map = injectedMap();
  assert.deepEqual(map, meta.preload, 'the map in the entry differs from meta.json\'s');
  assert.deepEqual(Object.keys(map).sort(), Object.keys(tags).sort(), 'the map does not cover every tag');
  for (const [tag, file] of Object.entries(tags)) {
    assert.equal(map[tag][0], file, `${tag}: its own chunk is not the first file`);
    assert.deepEqual([...map[tag]].sort(), [...closure(meta, [file])].sort(), `${tag}: the map is not its static graph`);
    for (const f of map[tag]) assert.ok(existsSync(join(cdn, f)), `${tag}: ${f} does not exist`);
  }
  const card = map['es-contact-card'];
  assert.ok(card, 'no es-contact-card in the map');
  assert.ok(card.includes(coreFiles()[0]), `es-contact-card does not preload core: ${card.join(', ')}`);
  const lazy = { ...LAZY, ...(SKIP_KY ? {} : { ky: KY }) };
  for (const [f, m] of modulesOf(card)) {
    for (const [what, is] of Object.entries(lazy)) assert.ok(!is(m), `es-contact-card preloads ${f}, which holds ${what} (${m})`);
  }
  assert.ok(!card.some((f) => /\/(oidc-client-ts|dompurify|virtualizer|ky)-/.test(f)), `es-contact-card preloads a lazy chunk: ${card.join(', ')}`);
});
