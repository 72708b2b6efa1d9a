// End to end (issue 7 §2c): the React demo page (demo/react/main.jsx, bundled with the `eservice-widgets/react`
// wrappers into dist/demo/react.js) against the real stack: the wrapped elements render signed out, the user
// signs in through the real login page, and an element event reaches React (onEsCaseSelect opens the case in
// React state, counted in the heading) — wrappers map props to properties and events to callbacks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, watchPage } from './helpers/browser.mjs';
import { missingPieces, REPO_ROOT } from './helpers/stack.mjs';
import { DEMO_PASSWORD, DEMO_USER } from './helpers/sign-in.mjs';
import { startTestStack } from '../server/helpers/start-stack.mjs';

const reactBundle = join(REPO_ROOT, 'dist', 'demo', 'react.js');
const missing = missingPieces() ?? (existsSync(reactBundle) ? null : ['dist/demo/react.js (run `npm run build`)']);
// In CI a missing build is a failure, not a skip.
const skip = missing && !process.env.CI ? `needs ${missing.join(', ')}` : false;

let stack; let browser; let distDir; let origin;

before(async () => {
  if (skip) return;
  if (missing) throw new Error(`missing: ${missing.join(', ')}`);
  distDir = mkdtempSync(join(tmpdir(), 'es-react-dist-'));
  cpSync(join(REPO_ROOT, 'dist'), distDir, { recursive: true });
  stack = await startTestStack({ seed: 'demo', distDir });
  origin = stack.urls.portals[0];
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await stack?.cleanup();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

test('React page: wrapped elements render, sign-in works, an element event updates React state', { skip, timeout: 90_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${origin}/react.html`);
    // Signed out: the knowledge base works (public API) and es-login offers sign-in.
    await page.locator('es-kb-search input[role="combobox"]').waitFor({ timeout: 20_000 });
    await page.locator('es-login [part~="sign-in-button"]').click();
    await page.locator('#username').waitFor({ timeout: 20_000 });
    await page.locator('#username').fill(DEMO_USER);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.origin === origin && u.pathname === '/react.html', { timeout: 20_000 }), page.keyboard.press('Enter')]);

    // Signed in: the case list (rendered by React) shows the organisation's cases.
    const firstRow = page.locator('es-case-list [part~="row"]').first();
    await firstRow.waitFor({ timeout: 20_000 });
    assert.match(await page.locator('h2').first().innerText(), /\(0 opened from React\)/);
    const id = await firstRow.getAttribute('data-id');
    assert.ok(id, 'rows carry the case id');
    await firstRow.click();

    // React's onEsCaseSelect ran: its state counts the selection and renders <EsCaseDetail caseId=...>.
    await page.waitForFunction(() => /\(1 opened from React\)/.test(document.querySelector('h2')?.textContent ?? ''), null, { timeout: 10_000 });
    const detail = page.locator('es-case-detail');
    await detail.waitFor({ timeout: 10_000 });
    assert.equal(await detail.evaluate((el) => /** @type {any} */ (el).caseId), id);
    await page.locator('es-case-detail [part~="header"]').waitFor({ timeout: 15_000 });
    assert.equal(new URL(page.url()).hash, '', 'the event was cancelled in React: no navigation happened');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
