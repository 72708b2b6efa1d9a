#!/usr/bin/env node
// `npm run build`: everything in dist/.
//   1. scripts/gen-entries.mjs   src/index.ts, src/define.ts, src/loader/tags.ts from the component folders
//   2. custom-elements.json      @custom-elements-manifest/analyzer --litelement -> dist/custom-elements.json
//   3. scripts/gen-react.mjs     src/react/*.ts (@lit/react wrappers) from the manifest
//   4. npm build                 tsc -p tsconfig.build.json -> dist/npm (unbundled ESM + .d.ts, deps external)
//   5. CDN build                 rollup -c (rollup.config.mjs) -> dist/cdn (loader entry, define.js, chunks, meta.json)
//   6. docs/api.md               scripts/gen-api-docs.mjs: the API reference from the manifest
//   7. React demo                demo/react/build.mjs -> dist/demo/react.js (the demo's React page)
// Prints a short summary. Flags: --no-npm, --no-cdn (skip a stage; for quick iterations), --loose (emit the npm
// build even when tsc reports type errors).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { generateManifest, root, tagsOf } from './manifest.mjs';
import { kb, measureFile } from './size-lib.mjs';

const args = new Set(process.argv.slice(2));
const t0 = Date.now();
const step = (label, fn) => {
  const t = Date.now();
  const r = fn();
  console.log(`build: ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return r;
};
const run = (cmd, argv, { tolerate = false } = {}) => {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 && tolerate) {
    process.stdout.write(r.stdout ?? '');
    console.warn('build: WARNING: continuing despite the errors above (--loose)');
  } else if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    console.error(`build: FAILED: ${cmd} ${argv.join(' ')}`);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
};
const node = (script, argv = [], o) => run(process.execPath, [join(root, script), ...argv], o);

// Two builds in one tree at once (e.g. `npm start` while a test builds) would delete each other's output: take a
// lock (an atomic mkdir next to the tree's temp files), wait for a running build, break a lock older than 10 min.
const lock = join(tmpdir(), `eservice-widgets-build-${createHash('sha1').update(root).digest('hex').slice(0, 10)}.lock`);
for (let waited = 0; ; waited += 500) {
  try { mkdirSync(lock); break; } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 10 * 60_000) { rmSync(lock, { recursive: true, force: true }); continue; }
    if (waited === 0) console.log('build: another build of this tree is running; waiting for it');
    if (waited > 10 * 60_000) { console.error('build: gave up waiting for the other build'); process.exit(1); }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}
process.on('exit', () => rmSync(lock, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const dist = join(root, 'dist');
step('gen-entries', () => process.stdout.write(node('scripts/gen-entries.mjs')));
if (!args.has('--no-npm') && !args.has('--no-cdn')) rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const manifest = step('custom-elements.json', () => generateManifest());
step('react wrappers', () => process.stdout.write(node('scripts/gen-react.mjs')));

if (!args.has('--no-npm')) {
  rmSync(join(dist, 'npm'), { recursive: true, force: true });
  step('npm build (tsc -p tsconfig.build.json)', () => node('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json'], { tolerate: args.has('--loose') }));
}
if (!args.has('--no-cdn')) {
  rmSync(join(dist, 'cdn'), { recursive: true, force: true });
  step('CDN build (rollup)', () => node('node_modules/rollup/dist/bin/rollup', ['-c', 'rollup.config.mjs', '--silent']));
}
step('API reference (docs/api.md)', () => node('scripts/gen-api-docs.mjs'));
if (!args.has('--no-cdn')) step('React demo (dist/demo/react.js)', () => node('demo/react/build.mjs'));

// Summary
const br = (f) => measureFile(f).brotli;
const countFiles = (dir, re) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => re.test(String(f))).length : 0);
const tags = tagsOf(manifest);
console.log('');
console.log(`elements (${tags.length}): ${tags.join(', ')}`);
if (existsSync(join(dist, 'npm'))) console.log(`dist/npm: ${countFiles(join(dist, 'npm'), /\.js$/)} modules, ${countFiles(join(dist, 'npm'), /\.d\.ts$/)} declaration files`);
const cdn = join(dist, 'cdn');
if (existsSync(cdn)) {
  const entry = join(cdn, 'eservice-widgets.js');
  const chunks = readdirSync(join(cdn, 'chunks')).filter((f) => f.endsWith('.js'));
  const total = [entry, join(cdn, 'define.js'), ...chunks.map((c) => join(cdn, 'chunks', c))].reduce((s, f) => s + br(f), 0);
  console.log(`dist/cdn: loader entry ${kb(statSync(entry).size)} min / ${kb(br(entry))} br, ${chunks.length} chunks, all files ${kb(total)} br (details: npm run size)`);
}
console.log(`dist/custom-elements.json: ${manifest.modules.length} modules`);
console.log(`build: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
