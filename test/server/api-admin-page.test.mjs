// The demo admin page (demo/pages/admin.html) in headless Chromium against the real stack: lists the open
// account requests through the API's /admin routes (CORS from the portal origin) and approves one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

const ready = existsSync(new URL('./helpers/start-stack.mjs', import.meta.url)) && existsSync('/usr/bin/chromium');

test('admin page lists open requests and approves one (activation + welcome emails)', { skip: !ready && 'stack helpers or chromium missing', timeout: 90_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const { startTestStack } = await import('./helpers/start-stack.mjs');
  const stack = await startTestStack({ seed: 'demo' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${stack.urls.portals[0]}/admin.html`);
    await page.fill('#ad-token', process.env.ES_ADMIN_TOKEN ?? 'demo-admin');
    await page.click('#ad-controls button[type=submit]');
    const row = page.locator('#ad-rows tr', { hasText: 'emma.nieminen@nordicbank.example' });
    await row.waitFor();
    assert.match(await row.textContent(), /ACC-104233.*Nordic Bank Oyj.*Will be created.*open/);
    await row.getByRole('button', { name: 'Approve' }).click();
    await page.locator('#ad-status-line.ad-ok').waitFor();
    assert.match(await page.textContent('#ad-status-line'), /Approved emma\.nieminen@nordicbank\.example for Nordic Bank Oyj\. Business Account created, activation email sent\./);
    assert.equal(await page.locator('#ad-rows tr', { hasText: 'emma.nieminen' }).count(), 0, 'no longer open');
    const kinds = stack.outbox.list({ to: 'emma.nieminen@nordicbank.example' }).map((m) => m.kind).sort();
    assert.deepEqual(kinds, ['activation', 'welcome']);
    await page.fill('#ad-token', 'wrong-token');
    await page.click('#ad-controls button[type=submit]');
    await page.locator('#ad-status-line.ad-error').waitFor();
    assert.match(await page.textContent('#ad-status-line'), /admin token is wrong/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await stack.cleanup();
  }
});
