// Story test (issue 7): loads every story of the BUILT Storybook (storybook-static/) in Chromium and fails on any
// console error, uncaught page error, Storybook error display, or axe-core violation inside #storybook-root.
// Stories are switched through Storybook's channel on one preview page per variant (fast); after a failure the
// next story gets a fresh page. Each story runs twice: with the default globals (English, light, LTR) and with Finnish + dark + right-to-left,
// so translations, the dark palette's contrast and RTL layout are checked too (STORY_TEST_VARIANTS=default to
// run only the first). Skips with a message when storybook-static/ is missing (npm test builds it first).
// A story can opt out of axe only explicitly: `parameters: { a11y: { test: 'off' } }` (reported as a diagnostic),
// or turn single rules off with `parameters.a11y.config.rules: [{ id, enabled: false }]`, as the a11y addon does.
// A story that demonstrates an error the SDK deliberately logs (e.g. a configuration error) declares it:
// `parameters: { storyTest: { expectedErrors: ['clientId (attribute client-id) is required'] } }` (substrings);
// any other console error still fails.
// STORY_TEST_FILTER=<regexp> runs only the story ids matching it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../e2e/helpers/static-server.mjs';
import { chromiumPath, launchBrowser } from '../e2e/helpers/browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = process.env.STORYBOOK_STATIC_DIR ? resolve(process.env.STORYBOOK_STATIC_DIR) : join(root, 'storybook-static');
const indexFile = join(staticDir, 'index.json');
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');

const VARIANTS = {
  default: '',
  'fi-dark-rtl': 'locale:fi;theme:dark;dir:rtl',
};
export const wantedVariants = (process.env.STORY_TEST_VARIANTS ?? Object.keys(VARIANTS).join(',')).split(',').map((s) => s.trim()).filter((v) => v in VARIANTS);
/** Page-level rules that make no sense for a component fragment (the a11y addon turns `region` off too). */
const FRAGMENT_RULES_OFF = ['region', 'landmark-one-main', 'page-has-heading-one', 'landmark-complementary-is-top-level'];

/** Registers one node:test test per story for `variant` (a key of VARIANTS). */
export function defineStoryTests(variant) {
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

  /**
   * One preview page per variant: the first story (and any story after a failure) is opened by URL; the others are
   * switched to through Storybook's channel (setCurrentStory), as the Storybook UI does, which avoids reloading the
   * preview bundle for every story. The a11y addon's automatic run is turned off (a11y.manual) so only this test's
   * axe runs.
   */
  class Preview {
    constructor(variant) { this.variant = variant; this.page = null; this.errors = []; }

    async open(id) {
      await this.page?.close().catch(() => {});
      this.page = await context.newPage();
      this.page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const where = m.location()?.url ?? '';
        // Chromium reports a missing favicon as a console error; the HTTP check below covers real 404s.
        if (/favicon/i.test(where) || /^Failed to load resource/.test(m.text())) return;
        this.errors.push(`console.error: ${m.text()}${where ? ` (${where})` : ''}`);
      });
      this.page.on('response', (r) => {
        if (r.status() >= 400 && !/\/favicon\.(ico|svg)$/.test(new URL(r.url()).pathname)) this.errors.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      this.page.on('pageerror', (e) => this.errors.push(`page error: ${e?.message ?? e}`));
      const globals = ['a11y.manual:!true', VARIANTS[this.variant]].filter(Boolean).join(';');
      await this.page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${globals}`, { waitUntil: 'load' });
      // Wait for the render (including any play function) to finish, as the channel path does.
      const phase = await this.page.waitForFunction(() => {
        const ph = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
        return ['finished', 'completed', 'errored', 'aborted'].includes(ph) || document.body.classList.contains('sb-show-errordisplay') ? (ph ?? 'error') : false;
      }, null, { timeout: 20000 }).then((h) => h.jsonValue(), async () => `timed out in phase "${await this.page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase)}"`);
      this.current = id;
      return ['finished', 'completed', 'error'].includes(phase) ? null : `story did not finish rendering: ${phase}`;
    }

    /** Shows story `id`; resolves with an error text when Storybook reported one, else null. */
    async show(id) {
      if (!this.page) return this.open(id);
      const outcome = await this.page.evaluate((storyId) => new Promise((resolve) => {
        const ch = window.__STORYBOOK_ADDONS_CHANNEL__;
        if (!ch) { resolve({ reload: true }); return; }
        const off = [];
        const on = (ev, fn) => { ch.on(ev, fn); off.push(() => ch.off(ev, fn)); };
        const timer = setTimeout(() => finish({ error: `story did not finish rendering: timed out in phase "${window.__STORYBOOK_PREVIEW__?.currentRender?.phase}"` }), 20000);
        const finish = (r) => { clearTimeout(timer); off.forEach((f) => f()); resolve(r); };
        on('storyFinished', (e) => { if (e?.storyId === storyId) finish({ status: e.status }); });
        on('storyErrored', (e) => finish({ error: `${e?.title ?? ''} ${e?.description ?? ''}`.trim() }));
        on('storyThrewException', (e) => finish({ error: String(e?.message ?? e) }));
        on('playFunctionThrewException', (e) => finish({ error: `play function: ${e?.message ?? e}` }));
        on('storyMissing', (sid) => finish({ error: `story ${sid ?? storyId} missing` }));
        ch.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }), id);
      if (outcome.reload) return this.open(id);
      this.current = id;
      return outcome.error ?? null;
    }

    async settle() {
      for (let i = 0; i < 2; i++) {
        await this.page.evaluate(async () => {
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
        await this.page.waitForTimeout(100);
      }
    }

    async axe(rules) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.page.evaluate(async (rulesArg) => {
            const res = await window.__esAxe.run(document.querySelector('#storybook-root'), { rules: rulesArg, resultTypes: ['violations'] });
            return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
          }, rules);
        } catch (e) {
          if (attempt < 20 && /already running/i.test(String(e))) { await this.page.waitForTimeout(250); continue; }
          throw e;
        }
      }
    }

    /** Our own axe-core (node_modules/axe-core), kept apart from the a11y addon's copy. */
    async ensureAxe() {
      if (await this.page.evaluate(() => !!window.__esAxe)) return;
      await this.page.evaluate(() => { window.__esPrevAxe = window.axe; });
      await this.page.addScriptTag({ path: axePath });
      await this.page.evaluate(() => { window.__esAxe = window.axe; if (window.__esPrevAxe) window.axe = window.__esPrevAxe; });
    }
  }

  {
    if (!wantedVariants.includes(variant)) { test(`stories [${variant}]`, { skip: `variant ${variant} not in STORY_TEST_VARIANTS` }, () => {}); return; }
    const preview = new Preview(variant);
    after(async () => { await preview.page?.close().catch(() => {}); });
    for (const story of stories) {
      test(`${story.id} [${variant}]`, { timeout: 90000 }, async (t) => {
        let failed = true;
        try {
          const reported = await preview.show(story.id);
          assert.equal(reported, null, `Storybook reported an error for ${story.id}: ${reported}`);
          await preview.settle();
          const page = preview.page;
          const shown = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay')
            ? (document.querySelector('#error-message')?.textContent ?? '') + ' ' + (document.querySelector('#error-stack')?.textContent ?? '')
            : null);
          assert.equal(shown, null, `Storybook shows an error: ${shown}`);

          // The story's own a11y / storyTest parameters (a11y as the a11y addon reads them).
          const params = await page.evaluate(async (id) => {
            try {
              const s = await window.__STORYBOOK_PREVIEW__?.storyStoreValue?.loadStory({ storyId: id });
              return { a11y: s?.parameters?.a11y ?? null, expected: s?.parameters?.storyTest?.expectedErrors ?? [] };
            } catch { return { a11y: null, expected: [] }; }
          }, story.id);
          const a11y = params.a11y;
          const expected = Array.isArray(params.expected) ? params.expected.map(String) : [];
          if (a11y?.test === 'off' || a11y?.disable === true) {
            t.diagnostic(`axe skipped: the story sets parameters.a11y.test = 'off'`);
          } else {
            await preview.ensureAxe();
            const rules = Object.fromEntries(FRAGMENT_RULES_OFF.map((id) => [id, { enabled: false }]));
            for (const r of a11y?.config?.rules ?? []) rules[r.id] = { enabled: r.enabled !== false };
            const violations = await preview.axe(rules);
            assert.deepEqual(violations, [], `axe violations in ${story.id} [${variant}]:\n  ${violations.join('\n  ')}`);
          }
          const unexpected = preview.errors.filter((e) => !expected.some((x) => e.includes(x)));
          if (unexpected.length < preview.errors.length) t.diagnostic(`${preview.errors.length - unexpected.length} expected error(s) (parameters.storyTest.expectedErrors)`);
          assert.deepEqual(unexpected, [], `errors in ${story.id} [${variant}]:\n  ${preview.errors.join('\n  ')}`);
          failed = false;
        } finally {
          preview.errors = []; // anything logged later is reported with the next story
          // After a failure start the next story on a fresh page, so one broken story cannot spoil the rest.
          if (failed) { await preview.page?.close().catch(() => {}); preview.page = null; }
        }
      });
    }
  }
}
