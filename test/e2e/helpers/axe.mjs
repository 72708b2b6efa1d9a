// axe-core on a page of the real stack (a demo page, or a provider page whose CSP allows no injected script tag:
// axe goes in through page.evaluate, which DevTools runs outside the page's CSP). Open shadow roots are included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe on `include` (a CSS selector, default the whole page) and fails with the violations, naming `what`.
 * `options` go to axe.run (e.g. `{ rules: { 'landmark-unique': { enabled: false } } }`).
 * @param {import('playwright-core').Page} page
 */
export async function assertNoAxeViolations(page, what, include = 'html', options = {}) {
  await page.evaluate(AXE_SOURCE);
  const { violations, passes } = await page.evaluate(async ([sel, opts]) => {
    const result = await /** @type {any} */ (window).axe.run({ include: [sel] }, { resultTypes: ['violations'], ...opts });
    return {
      violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      passes: result.passes.map((p) => p.id),
    };
  }, [include, options]);
  assert.ok(passes.length > 0, `axe checked ${what}`);
  assert.deepEqual(violations, [], `axe violations on ${what}`);
}
