// End to end (issue 7 §2c): the React demo page (demo/react/main.jsx, bundled with the `eservice-widgets/react`
// wrappers into dist/demo/react.js) against the real stack: the wrapped elements render signed out, the user
// signs in through the real login page, and an element event reaches React (onEsCaseSelect opens the case in
// React state, counted in the heading) — wrappers map props to properties and events to callbacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPage } from './helpers/browser.mjs';
import { signInFromButton } from './helpers/sign-in.mjs';
import { useStack } from './helpers/use-stack.mjs';

const env = useStack({ seed: 'demo', files: ['dist/demo/react.js'] });
const { skip } = env;

test('React page: wrapped elements render, sign-in works, an element event updates React state', { skip, timeout: 90_000 }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${env.origin}/react.html`);
    // Signed out: the knowledge base works (public API) and es-login offers sign-in.
    await page.locator('es-kb-search input[role="combobox"]').waitFor({ timeout: 20_000 });
    await signInFromButton(page, { button: 'es-login [part~="sign-in-button"]', origin: env.origin, path: '/react.html' });

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
    assert.deepEqual(log.consoleErrors, [], 'no console error (e.g. a configuration error logged before React sets the props)');
  } finally {
    await context.close();
  }
});
