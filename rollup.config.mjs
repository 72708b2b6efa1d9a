// CDN build (dist/cdn): `node scripts/build.mjs` runs it; alone: `npx rollup -c`.
//  - eservice-widgets.js : the lazy loader (src/loader.ts); each element is its own chunk, imported on first sight
//  - define.js           : registers every element eagerly (src/define.ts), for pages that prefer one import
//  - chunks/*.js         : element chunks (es-<name>-<hash>.js), shared code, and the heavy parts that are only
//                          loaded by dynamic import where used (oidc-client-ts, dompurify, @lit-labs/virtualizer)
// Everything is inlined (lit, @lit/*, ky, ...), minified by esbuild (terser on top was tried: ~1 % smaller
// after brotli for a 25x slower build, not worth it), Lit's production build (no dev mode).
// dist/cdn/meta.json describes every chunk (imports, dynamicImports, modules, which tag it defines) for
// scripts/size.mjs and the build tests.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import esbuild from 'rollup-plugin-esbuild';
import { relative, sep } from 'node:path';

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

/** Shared chunks holding one of these packages are named after it (first match wins). */
const NAMED_PACKAGES = [['oidc-client-ts', 'oidc-client-ts'], ['dompurify', 'dompurify'], ['@lit-labs/virtualizer', 'virtualizer'],
  ['lit-html', 'lit'], ['ky', 'ky']];

/** Names element chunks after their element; other chunks after their main module. */
function chunkFileNames(chunk) {
  const el = chunk.isEntry ? null : elementOf(chunk);
  if (el) return `chunks/es-${el}-[hash].js`;
  const ids = (chunk.moduleIds ?? []).map((id) => rel(id) ?? '');
  for (const [pkg, label] of NAMED_PACKAGES) if (ids.some((id) => id.includes(`node_modules/${pkg}/`))) return `chunks/${label}-[hash].js`;
  return 'chunks/[name]-[hash].js';
}

/** Writes meta.json: per chunk its imports, dynamic imports, modules (with rendered sizes) and tag. */
function metaPlugin() {
  return {
    name: 'es-meta',
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
      this.emitFile({ type: 'asset', fileName: 'meta.json', source: `${JSON.stringify({ entry: 'eservice-widgets.js', chunks }, null, 2)}\n` });
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
    // Merge tiny shared chunks (a few hundred bytes each) into their importers: fewer requests, same code.
    experimentalMinChunkSize: 2000,
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
