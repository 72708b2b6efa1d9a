// Generates dist/custom-elements.json with @custom-elements-manifest/analyzer (config:
// custom-elements-manifest.config.mjs). Used by scripts/build.mjs and .storybook/main.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const manifestPath = join(root, 'dist', 'custom-elements.json');

/** Newest mtime (ms) of any file under `dir`. */
export function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const t = e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** Runs the analyzer; throws with its output on failure. Returns the manifest object. */
export function generateManifest({ quiet = true } = {}) {
  const cli = join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
  const r = spawnSync(process.execPath, [cli, 'analyze', '--config', join(root, 'custom-elements-manifest.config.mjs')], {
    cwd: root, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`custom-elements-manifest analyze failed:\n${r.stdout}\n${r.stderr}`);
  if (!quiet) process.stdout.write(r.stdout);
  return JSON.parse(readFileSync(manifestPath, 'utf8'));
}

/** Regenerates the manifest when it is missing or older than src/. */
export function ensureManifest() {
  if (!existsSync(manifestPath) || statSync(manifestPath).mtimeMs < newestMtime(join(root, 'src'))) return generateManifest();
  return JSON.parse(readFileSync(manifestPath, 'utf8'));
}

/** Tag names of the custom elements in a manifest. */
export function tagsOf(manifest) {
  return (manifest.modules ?? []).flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName));
}
