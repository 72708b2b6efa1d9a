// The committed API reference (docs/api.md) is the one the current manifest produces, and it documents every
// element with its attributes, events and parts. Needs `npm run build` (dist/custom-elements.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderApiDocs } from '../../scripts/gen-api-docs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifestPath = `${root}dist/custom-elements.json`;
const missing = !existsSync(manifestPath);
const skip = missing && !process.env.CI ? 'needs npm run build (dist/custom-elements.json)' : false;

test('docs/api.md is current and documents every element', { skip }, () => {
  assert.ok(!missing, 'dist/custom-elements.json is missing: run npm run build');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const expected = renderApiDocs(manifest);
  assert.equal(readFileSync(`${root}docs/api.md`, 'utf8'), expected, 'docs/api.md is stale: run npm run build and commit it');
  const tags = ['es-provider', 'es-login', 'es-account-request', 'es-case-list', 'es-case-detail', 'es-case-form',
    'es-kb-search', 'es-contact-card', 'es-documents', 'es-portal'];
  for (const tag of tags) assert.ok(expected.includes(`\`<${tag}>\``), `${tag} is documented`);
  assert.match(expected, /### Events[\s\S]*`es-case-select`/);
  assert.match(expected, /### CSS parts/);
});
