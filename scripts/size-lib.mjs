// Size measuring shared by `npm run size` (scripts/size.mjs), `npm run build` and the bench (bench/run.mjs).
// Figures are bytes of the minified file, gzip (level 9) and brotli (quality 11); 1 KB = 1000 bytes.
// A group of files (a page) costs the sum of its files' compressed sizes (each file is its own request).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { buildSync } from 'esbuild';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultCdnDir = join(root, 'dist', 'cdn');

/** Budgets (brotli bytes) from DESIGN.md §6 / issue 8. */
export const BUDGETS = {
  entryWithEverythingAndSignIn: 40_000,
  entryPlusEveryLazyChunk: 65_000,
  providerPlusContactCard: 15_000,
};

/** { min, gzip, brotli } of a buffer or string. */
export function measure(content) {
  const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return {
    min: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

const cache = new Map();
/** measure() of a file (cached by path). */
export function measureFile(file) {
  if (!cache.has(file)) cache.set(file, measure(readFileSync(file)));
  return cache.get(file);
}

/** Reads dist/cdn/meta.json (written by rollup.config.mjs). */
export function readMeta(cdnDir = defaultCdnDir) {
  const f = join(cdnDir, 'meta.json');
  if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(f, 'utf8'));
}

/** Files loaded for `files` through static imports (including themselves). `dynamic`: follow dynamic imports too. */
export function closure(meta, files, { dynamic = false } = {}) {
  const seen = new Set();
  const stack = [...files];
  while (stack.length) {
    const f = stack.pop();
    if (!f || seen.has(f) || !meta.chunks[f]) continue;
    seen.add(f);
    stack.push(...meta.chunks[f].imports);
    if (dynamic) stack.push(...meta.chunks[f].dynamicImports);
  }
  return seen;
}

/** Chunk file defining each tag: { 'es-login': 'chunks/es-login-xxxx.js', ... }. */
export function tagChunks(meta) {
  return Object.fromEntries(Object.entries(meta.chunks).filter(([, c]) => c.tag).map(([f, c]) => [c.tag, f]));
}

/** Chunks that contain code of an npm package (e.g. `oidc-client-ts`). */
export function chunksWithPackage(meta, pkg) {
  return Object.entries(meta.chunks)
    .filter(([, c]) => Object.keys(c.modules).some((m) => m.includes(`node_modules/${pkg}/`)))
    .map(([f]) => f);
}

/** Sum of measure() over a set of chunk files. */
export function sumFiles(cdnDir, files) {
  const total = { min: 0, gzip: 0, brotli: 0, count: 0 };
  for (const f of files) {
    const m = measureFile(join(cdnDir, f));
    total.min += m.min; total.gzip += m.gzip; total.brotli += m.brotli; total.count++;
  }
  return total;
}

/**
 * The whole size report: rows of { kind, label, files, min, gzip, brotli, budget|null, over }.
 * kinds: `entry`, `chunk`, `total`, `page`, `budget`.
 */
export function sizeReport(cdnDir = defaultCdnDir) {
  const meta = readMeta(cdnDir);
  const entry = meta.entry;
  const rows = [];
  const row = (kind, label, files, budget = null) => {
    const s = sumFiles(cdnDir, files);
    rows.push({ kind, label, files: [...files], ...s, budget, over: budget !== null && s.brotli > budget });
  };
  row('entry', entry, [entry]);
  const chunkFiles = Object.keys(meta.chunks).filter((f) => f !== entry).sort((a, b) => {
    const ea = meta.chunks[a].isEntry ? 0 : 1; const eb = meta.chunks[b].isEntry ? 0 : 1;
    return ea - eb || a.localeCompare(b);
  });
  for (const f of chunkFiles) row('chunk', f, [f]);
  row('total', 'all files', Object.keys(meta.chunks));

  const tags = tagChunks(meta);
  const provider = tags['es-provider'];
  const signIn = chunksWithPackage(meta, 'oidc-client-ts');
  for (const [tag, file] of Object.entries(tags).sort()) {
    const set = closure(meta, [entry, file, ...(provider ? [provider] : [])]);
    const isCard = tag === 'es-contact-card';
    row('page', tag === 'es-provider' ? 'page: es-provider' : `page: es-provider + ${tag}`, set,
      isCard ? BUDGETS.providerPlusContactCard : null);
  }
  const everyElement = closure(meta, [entry, ...Object.values(tags), ...signIn]);
  row('budget', 'entry + every element + sign-in (oidc-client-ts)', everyElement, BUDGETS.entryWithEverythingAndSignIn);
  row('budget', 'entry + every lazy chunk', closure(meta, [entry], { dynamic: true }), BUDGETS.entryPlusEveryLazyChunk);
  const floor = measureStackFloor();
  rows.push({ kind: 'floor', label: 'stack alone: lit + @lit/context + @lit/localize + @lit/task, one file', files: [], ...floor, budget: null, over: false });
  const entrySize = measureFile(join(cdnDir, entry));
  rows.push({ kind: 'floor', label: 'stack alone + loader entry (least a page with an element can cost)', files: [entry], min: floor.min + entrySize.min,
    gzip: floor.gzip + entrySize.gzip, brotli: floor.brotli + entrySize.brotli, budget: null, over: false });
  if (!tags['es-contact-card']) rows.push({ kind: 'budget', label: 'page: es-provider + es-contact-card (element missing)', files: [], min: 0, gzip: 0, brotli: 0, budget: BUDGETS.providerPlusContactCard, over: false, missing: true });
  return { meta, rows };
}

/**
 * What the decided stack costs before any code of ours: lit (LitElement, html, css, the decorators we use),
 * @lit/context (provider, consumer, root), @lit/localize (runtime msg/str, configureLocalization, @localized) and
 * @lit/task, bundled into one file, minified, Lit's production build. Every page with an element pays at least
 * this (plus the loader entry), so it shows how much of a page budget is left for the SDK itself.
 */
export const STACK_FLOOR_SOURCE = `
import { LitElement, html, css, nothing } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { createContext, ContextProvider, ContextConsumer, ContextRoot, consume, provide } from '@lit/context';
import { configureLocalization, msg, str, localized } from '@lit/localize';
import { Task } from '@lit/task';
globalThis.__floor = [LitElement, html, css, nothing, property, state, query, createContext, ContextProvider,
  ContextConsumer, ContextRoot, consume, provide, configureLocalization, msg, str, localized, Task];
`;

/** measure() of STACK_FLOOR_SOURCE bundled the way the CDN build bundles (esbuild minify, production exports). */
export function measureStackFloor() {
  const out = buildSync({
    stdin: { contents: STACK_FLOOR_SOURCE, resolveDir: root, loader: 'js' },
    bundle: true, minify: true, format: 'esm', write: false, target: 'es2022', legalComments: 'none',
    conditions: ['browser', 'production'], define: { 'process.env.NODE_ENV': '"production"' },
  });
  return measure(Buffer.from(out.outputFiles[0].contents));
}

export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** The report as a printable table (string). */
export function formatReport(rows) {
  const head = ['', 'files', 'min', 'gzip', 'brotli', 'budget (br)', ''];
  const lines = rows.map((r) => [r.label, String(r.files.length), kb(r.min), kb(r.gzip), kb(r.brotli),
    r.budget === null ? '' : kb(r.budget), r.missing ? 'MISSING' : r.budget === null ? '' : r.over ? 'OVER' : 'ok']);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const out = [fmt(head), widths.map((w) => '-'.repeat(w)).join('  ')];
  let last = null;
  for (let i = 0; i < rows.length; i++) {
    if (last && rows[i].kind !== last) out.push('');
    last = rows[i].kind;
    out.push(fmt(lines[i]));
  }
  return out.join('\n');
}
