// Story test (issue 7): loads every story of the BUILT Storybook (storybook-static/) in Chromium and fails on any
// console error, uncaught page error, Storybook error display, or axe-core violation inside #storybook-root.
// Each story runs twice: with the default globals (English, light, LTR) and with Finnish + dark + right-to-left,
// so translations, the dark palette's contrast and RTL layout are checked too (STORY_TEST_VARIANTS=default to
// run only the first). Skips with a message when storybook-static/ is missing (npm test builds it first).
// A story can opt out of axe only explicitly: `parameters: { a11y: { test: 'off' } }` (reported as a diagnostic),
// or turn single rules off with `parameters.a11y.config.rules: [{ id, enabled: false }]`, as the a11y addon does.
// STORY_TEST_FILTER=<regexp> runs only the story ids matching it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../e2e/helpers/static-server.mjs';
import { chromiumPath, launchBrowser } from '../e2e/helpers/browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = join(root, 'storybook-static');
const indexFile = join(staticDir, 'index.json');
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');

const VARIANTS = {
  default: '',
  'fi-dark-rtl': 'locale:fi;theme:dark;dir:rtl',
};
const wantedVariants = (process.env.STORY_TEST_VARIANTS ?? Object.keys(VARIANTS).join(',')).split(',').map((s) => s.trim()).filter((v) => v in VARIANTS);
/** Page-level rules that make no sense for a component fragment (the a11y addon turns `region` off too). */
const FRAGMENT_RULES_OFF = ['region', 'landmark-one-main', 'page-has-heading-one', 'landmark-complementary-is-top-level'];

let skip = false;
if (!existsSync(indexFile)) skip = 'storybook-static/ is missing: run `npm run build-storybook` first (npm test builds it when needed)';
else if (!chromiumPath()) skip = 'no Chromium (set CHROME_PATH or apt-get install chromium)';

const stories = skip ? [] : Object.values(JSON.parse(readFileSync(indexFile, 'utf8')).entries)
  .filter((e) => e.type === 'story')
  .filter((e) => !process.env.STORY_TEST_FILTER || new RegExp(process.env.STORY_TEST_FILTER).test(e.id))
  .sort((a, b) => a.id.localeCompare(b.id));

if (skip) test('stories', { skip }, () => {});
else if (!stories.length) test('storybook-static has stories', () => assert.fail('index.json lists no stories'));

let server; let browser; let context;
before(async () => {
  if (skip || !stories.length) return;
  server = await serveStatic({ mounts: { '/': staticDir } });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' });
});
after(async () => { await context?.close(); await browser?.close(); await server?.close(); });

/** In page: waits until every custom element (in all open shadow roots) finished its Lit update cycle. */
async function settle(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('#storybook-root');
    return document.body.classList.contains('sb-show-errordisplay') || (el && el.childElementCount > 0);
  }, null, { timeout: 20000 });
  for (let i = 0; i < 3; i++) {
    await page.evaluate(async () => {
      const all = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.updateComplete) all.push(el.updateComplete);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      await Promise.race([Promise.all(all), new Promise((r) => setTimeout(r, 3000))]);
    });
    await page.waitForTimeout(150);
  }
}

for (const variant of wantedVariants) {
  for (const story of stories) {
    test(`${story.id} [${variant}]`, { timeout: 60000 }, async (t) => {
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const where = m.location()?.url ?? '';
        // Chromium reports a missing favicon as a console error; the HTTP check below covers real 404s.
        if (/favicon/i.test(where) || /^Failed to load resource/.test(m.text())) return;
        errors.push(`console.error: ${m.text()}${where ? ` (${where})` : ''}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && !/\/favicon\.(ico|svg)$/.test(new URL(r.url()).pathname)) errors.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      page.on('pageerror', (e) => errors.push(`page error: ${e?.message ?? e}`));
      try {
        const globals = VARIANTS[variant] ? `&globals=${encodeURIComponent(VARIANTS[variant])}` : '';
        await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story${globals}`, { waitUntil: 'load' });
        await settle(page);
        const shown = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay')
          ? (document.querySelector('#error-message')?.textContent ?? '') + ' ' + (document.querySelector('#error-stack')?.textContent ?? '')
          : null);
        assert.equal(shown, null, `Storybook shows an error: ${shown}`);

        // The story's own a11y parameters (as the a11y addon reads them).
        const a11y = await page.evaluate(async (id) => {
          try {
            const preview = window.__STORYBOOK_PREVIEW__;
            const s = await preview?.storyStoreValue?.loadStory({ storyId: id });
            return s?.parameters?.a11y ?? null;
          } catch { return null; }
        }, story.id);
        if (a11y?.test === 'off' || a11y?.disable === true) {
          t.diagnostic(`axe skipped: the story sets parameters.a11y.test = 'off'`);
        } else {
          await page.addScriptTag({ path: axePath });
          const rules = Object.fromEntries(FRAGMENT_RULES_OFF.map((id) => [id, { enabled: false }]));
          for (const r of a11y?.config?.rules ?? []) rules[r.id] = { enabled: r.enabled !== false };
          const violations = await page.evaluate(async (rulesArg) => {
            const res = await window.axe.run(document.querySelector('#storybook-root'), { rules: rulesArg, resultTypes: ['violations'] });
            return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
          }, rules);
          assert.deepEqual(violations, [], `axe violations in ${story.id} [${variant}]:\n  ${violations.join('\n  ')}`);
        }
        assert.deepEqual(errors, [], `errors in ${story.id} [${variant}]:\n  ${errors.join('\n  ')}`);
      } finally {
        await page.close();
      }
    });
  }
}
