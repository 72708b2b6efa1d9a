// CDN build (dist/cdn): `node scripts/build.mjs` runs it; alone: `npx rollup -c`.
//  - eservice-widgets.js : the lazy loader (src/loader.ts), no static imports; each element is its own chunk,
//                          imported on first sight, with its static imports preloaded (map injected below)
//  - define.js           : registers every element eagerly (src/define.ts), for pages that prefer one import
//  - chunks/*.js         : core-<hash>.js (what every element needs; it also defines es-provider), element chunks
//                          (es-<name>-<hash>.js), case-shared, and the parts only loaded by dynamic import where
//                          used (oidc-client-ts, dompurify, virtualizer, ky, session-impl, fi) — see the chunk plan
// Everything is inlined (lit, @lit/*, ky, ...), minified by esbuild (terser on top was tried: ~1 % smaller
// after brotli for a 25x slower build, not worth it), Lit's production build (no dev mode).
// dist/cdn/meta.json describes every chunk (imports, dynamicImports, modules, which tag it defines) and the preload
// map, for scripts/size.mjs and the build tests.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import esbuild from 'rollup-plugin-esbuild';
import { posix, relative, resolve, sep } from 'node:path';

const root = process.cwd();
const rel = (id) => (id ? relative(root, id.replace(/^\0/, '')).split(sep).join('/') : null);
const elementOfId = (id) => /src\/components\/([^/]+)\/define\.ts$/.exec(rel(id) ?? '')?.[1] ?? null;
/** The element whose define module is in this chunk (facade first, else the only one among its modules). */
const elementOf = (chunk) => {
  const own = elementOfId(chunk.facadeModuleId);
  if (own) return own;
  const found = (chunk.moduleIds ?? []).map(elementOfId).filter(Boolean);
  return found.length === 1 ? found[0] : null;
};

/** Shared chunks holding one of these packages are named after it (first match wins; a fallback for chunks the
 * chunk plan below leaves to rollup). */
const NAMED_PACKAGES = [['oidc-client-ts', 'oidc-client-ts'], ['dompurify', 'dompurify'], ['@lit-labs/virtualizer', 'virtualizer'],
  ['lit-html', 'lit'], ['ky', 'ky']];

// ---------------------------------------------------------------- chunk plan (output.manualChunks)
// Goal: a page pays few files (each is a request, and brotli compresses each file alone) and never code it only
// reaches by dynamic import. Rollup's default (one chunk per set of importers) spread what every page needs over
// six small chunks, and `experimentalMinChunkSize` then glued a shared style module to the lazily imported
// virtualizer layouts, which made those layouts load statically. So the layout is planned explicitly:
//  - core         : lit and @lit/*, src/base, src/styles, src/events and es-provider's static closure (config,
//                   session shell, api client, i18n, context root), plus the src/core helpers that elements
//                   outside the case family share (format, limits) — every element needs it; it serves es-provider;
//  - <element>    : what only one element reaches (rollup's default: it stays in es-<name>-<hash>.js);
//  - case-shared  : what only the case elements share (labels, drafts, uploader, badge styles); one chunk, as they
//                   usually come together (a `shared` chunk would take anything else several elements share);
//  - lazy chunks  : what is only reached by dynamic import, one chunk per lazy root, named after it
//                   (oidc-client-ts, dompurify, virtualizer, ky, session-impl, fi) — never statically imported.
const LIT_FAMILY = /\/node_modules\/(?:lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context|@lit\/localize|@lit\/task)\//;
const CORE_FOLDERS = /\/src\/(?:base|styles|events)\//;
const CORE_HELPERS = /\/src\/core\//;
/** Modules that never go into core even when core imports them statically: ky is the signed-in transport, loaded
 * by dynamic import from the api client once src/core/api-transport-ky.ts exists (before that, its own chunk). */
const NEVER_CORE = /\/node_modules\/ky\/|\/src\/core\/api-transport-ky\.ts$/;
/** Lazy root (a dynamically imported module) -> chunk name. */
const lazyLabel = (id) => {
  const r = rel(id);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(r)?.[1];
  if (pkg) return NAMED_PACKAGES.find(([p]) => p === pkg)?.[1] ?? pkg.replace(/^@[^/]+\//, '');
  if (r === 'src/core/api-transport-ky.ts') return 'ky';
  return r.replace(/^.*\//, '').replace(/\.[cm]?[jt]s$/, '');
};
const CASE_ELEMENTS = new Set(['case-list', 'case-detail', 'case-form']);
/** Names given by the plan (chunkFileNames names these chunks `chunks/<name>-<hash>.js`). */
const planned = new Set(['core']);

let plan = null; // { get(module id): chunk name | null }, computed once per output from the whole module graph
function chunkPlan(getModuleInfo) {
  const abs = (p) => resolve(root, p);
  const elements = getModuleInfo(abs('src/loader/tags.ts'))?.dynamicallyImportedIds ?? [];
  const provider = abs('src/components/provider/define.ts');
  const isElement = new Set(elements);
  /** Static import closure of `starts`, not entering `stop(id)` modules (nor other element defines). */
  const reach = (starts, stop = () => false) => {
    const seen = new Set();
    const todo = [...starts];
    while (todo.length) {
      const id = todo.pop();
      if (seen.has(id) || stop(id)) continue;
      seen.add(id);
      for (const d of getModuleInfo(id)?.importedIds ?? []) if (!isElement.has(d)) todo.push(d);
    }
    return seen;
  };
  // Who reaches each module statically (an element that imports another element's define does not own its code).
  const owners = new Map();
  for (const e of elements) for (const id of reach([e])) (owners.get(id) ?? owners.set(id, new Set()).get(id)).add(elementOfId(e));
  const isStatic = (id) => owners.has(id);
  const caseOnly = (id) => [...owners.get(id)].every((w) => CASE_ELEMENTS.has(w));
  // Core: es-provider's closure, the lit family and the base folders, and the src/core helpers that elements
  // outside the case family share (format, limits): too small to be worth a request of their own.
  const seeds = [provider, ...[...owners.keys()].filter((id) => LIT_FAMILY.test(id) || CORE_FOLDERS.test(id) ||
    (CORE_HELPERS.test(id) && owners.get(id).size > 1 && !caseOnly(id)))];
  const core = reach(seeds, (id) => NEVER_CORE.test(id));
  const out = new Map();
  for (const id of core) out.set(id, 'core');
  for (const [id, who] of owners) {
    if (out.has(id)) continue;
    if (NEVER_CORE.test(id)) out.set(id, lazyLabel(id));
    else if (who.size > 1) out.set(id, caseOnly(id) ? 'case-shared' : 'shared');
  }
  // Only reached by dynamic import: the chunk of its lazy root(s), found by walking up the static importers.
  const lazyChunk = (id) => {
    const labels = new Set();
    const seen = new Set();
    const todo = [id];
    while (todo.length) {
      const m = todo.pop();
      if (seen.has(m)) continue;
      seen.add(m);
      const info = getModuleInfo(m);
      if (!info || info.isEntry) return null; // reached from an entry (define.js): rollup places it
      if (info.dynamicImporters.length) labels.add(lazyLabel(m));
      for (const i of info.importers) if (!isStatic(i)) todo.push(i);
    }
    return labels.size === 1 ? [...labels][0] : null;
  };
  return { get: (id) => (out.has(id) ? out.get(id) : isStatic(id) ? null : (out.set(id, lazyChunk(id)), out.get(id))) };
}

function manualChunks(id, { getModuleInfo }) {
  if (id.startsWith('\0')) return null;
  plan ??= chunkPlan(getModuleInfo);
  const name = plan.get(id);
  if (name) planned.add(name);
  return name ?? null;
}

/** Names element chunks after their element; planned chunks by their plan name; others after their main module. */
function chunkFileNames(chunk) {
  if (planned.has(chunk.name)) return `chunks/${chunk.name}-[hash].js`;
  const el = chunk.isEntry ? null : elementOf(chunk);
  if (el) return `chunks/es-${el}-[hash].js`;
  const ids = (chunk.moduleIds ?? []).map((id) => rel(id) ?? '');
  for (const [pkg, label] of NAMED_PACKAGES) if (ids.some((id) => id.includes(`node_modules/${pkg}/`))) return `chunks/${label}-[hash].js`;
  return 'chunks/[name]-[hash].js';
}

/** Static import closure of a chunk in a rollup bundle (itself first). */
function staticClosure(bundle, fileName) {
  const seen = new Set();
  const todo = [fileName];
  while (todo.length) {
    const f = todo.shift();
    if (seen.has(f) || bundle[f]?.type !== 'chunk') continue;
    seen.add(f);
    todo.push(...bundle[f].imports);
  }
  return [...seen];
}

/** The global the loader reads its preload map from (src/loader.ts); absent outside the CDN build = no preloads. */
const PRELOAD_GLOBAL = '__ES_PRELOAD__';

/**
 * Writes meta.json (per chunk: imports, dynamic imports, modules with rendered sizes, tag; and `preload`) and
 * gives the loader entry its preload map: tag -> every file of the element chunk's static import closure,
 * relative to the entry, so the loader can fetch them all at once (<link rel=modulepreload>) instead of
 * discovering each level of imports one round trip later. The map is prepended to the entry as one line of code
 * (`const __ES_PRELOAD__={...};`) once every file name is final; the source map is shifted by that line.
 */
function metaPlugin() {
  return {
    name: 'es-meta',
    renderStart() { plan = null; }, // the chunk plan is per build (watch mode rebuilds)
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [fileName, c] of Object.entries(bundle)) {
        if (c.type !== 'chunk') continue;
        const el = c.isEntry ? null : elementOf(c);
        chunks[fileName] = {
          name: c.name,
          isEntry: c.isEntry,
          isDynamicEntry: c.isDynamicEntry,
          facadeModule: rel(c.facadeModuleId),
          tag: el ? `es-${el}` : null,
          imports: c.imports,
          dynamicImports: c.dynamicImports,
          modules: Object.fromEntries(Object.entries(c.modules).map(([id, m]) => [rel(id), m.renderedLength])),
        };
      }
      const entryFile = 'eservice-widgets.js';
      const entry = bundle[entryFile];
      const preload = {};
      for (const f of entry.dynamicImports) {
        const tag = chunks[f]?.tag;
        if (tag) preload[tag] = staticClosure(bundle, f).map((x) => posix.relative(posix.dirname(entryFile), x));
      }
      if (!Object.keys(preload).length) this.error('no element chunk found for the preload map');
      entry.code = `const ${PRELOAD_GLOBAL}=${JSON.stringify(preload)};\n${entry.code}`;
      const mapAsset = bundle[`${entryFile}.map`];
      if (entry.map) entry.map.mappings = `;${entry.map.mappings}`;
      if (mapAsset?.type === 'asset') {
        const map = JSON.parse(String(mapAsset.source));
        map.mappings = `;${map.mappings}`;
        mapAsset.source = JSON.stringify(map);
      }
      this.emitFile({ type: 'asset', fileName: 'meta.json', source: `${JSON.stringify({ entry: entryFile, preload, chunks }, null, 2)}\n` });
    },
  };
}

export default {
  input: { 'eservice-widgets': 'src/loader.ts', define: 'src/define.ts' },
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames,
    sourcemap: true,
    generatedCode: 'es2015',
    // No experimentalMinChunkSize: the plan leaves no tiny shared chunks, and its merging once made lazy code static.
    manualChunks,
  },
  preserveEntrySignatures: 'exports-only',
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'], extensions: ['.ts', '.mjs', '.js'] }),
    esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json', legalComments: 'none', sourceMap: true }),
    metaPlugin(),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
