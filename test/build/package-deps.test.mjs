// The npm build imports only packages that package.json declares: `dependencies` for everything the elements
// need, and an OPTIONAL peer for what only the React wrappers (`eservice-widgets/react`) import. An undeclared
// import installs fine here (it is a devDependency) and breaks in a web team's project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const npmDist = join(root, 'dist', 'npm');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SKIP = existsSync(npmDist) ? false : 'dist/npm is missing: run `npm run build` first';

/** Package name of a bare specifier (`lit/decorators.js` → `lit`, `@lit/context` → `@lit/context`), or null. */
function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || /^[a-z]+:/.test(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Bare imports of every module of the npm build: Map package → files importing it. */
function bareImports() {
  const found = new Map();
  for (const file of readdirSync(npmDist, { recursive: true }).map(String).filter((f) => f.endsWith('.js'))) {
    // Comments quote import lines as examples: only code counts.
    const text = readFileSync(join(npmDist, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
      const name = packageOf(m[1]);
      if (!name || name === pkg.name) continue;
      if (!found.has(name)) found.set(name, new Set());
      found.get(name).add(file);
    }
  }
  return found;
}

test('every package the npm build imports is declared; React only as an optional peer of the wrappers', { skip: SKIP }, () => {
  const imports = bareImports();
  assert.ok(imports.has('lit') && imports.has('oidc-client-ts'), `the scan found too little: ${[...imports.keys()].join(', ')}`);
  const deps = pkg.dependencies ?? {};
  const peers = pkg.peerDependencies ?? {};
  for (const [name, files] of imports) {
    if (deps[name]) continue;
    assert.ok(peers[name], `${name} is imported by ${[...files].join(', ')} but is neither a dependency nor a peer dependency`);
    assert.equal(pkg.peerDependenciesMeta?.[name]?.optional, true, `peer ${name} must be optional: only some entry points use it`);
    const outside = [...files].filter((f) => !f.replace(/\\/g, '/').startsWith('react/'));
    assert.deepEqual(outside, [], `${name} is an optional peer but is imported outside the React wrappers`);
  }
  assert.ok(imports.has('react'), 'the React wrappers import react');
});
