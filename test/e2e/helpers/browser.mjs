// Shared playwright-core helpers: launch the system Chromium (never a downloaded one), collect console errors,
// page errors and CSP violations, and small waits that look into shadow DOM.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Path of the browser: CHROME_PATH, else /usr/bin/chromium. Null when there is none. */
export function chromiumPath() {
  for (const p of [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

/**
 * Launches headless Chromium. Throws with an install hint when none is found.
 * @param {{ args?: string[] }} [opts]
 */
export async function launchBrowser(opts = {}) {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error('No Chromium found: install one (Debian: `apt-get install -y chromium`) or set CHROME_PATH.');
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...(opts.args ?? [])] });
}

/**
 * Records console errors, uncaught page errors and failed requests of a page.
 * @param {import('playwright-core').Page} page
 */
export function watchPage(page) {
  const log = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => log.pageErrors.push(String(e?.message ?? e)));
  page.on('dialog', async (d) => { log.dialogs.push(`${d.type()}: ${d.message()}`); try { await d.dismiss(); } catch { /* closed */ } });
  return log;
}

/** In-page: text of an element including everything in its (nested) open shadow roots, whitespace collapsed. */
export function inPageDeepText(root) {
  let t = '';
  const visit = (node) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) t += n.data;
      else if (n.nodeType === 1) {
        if (n.localName === 'style' || n.localName === 'script') continue;
        if (n.shadowRoot) visit(n.shadowRoot);
        visit(n);
      }
    }
  };
  visit(root.shadowRoot ?? root);
  return t.replace(/\s+/g, ' ').trim();
}

/** Text content of the first element matching selector, shadow DOM included; null when absent. */
export async function deepText(page, selector) {
  const handle = await page.$(selector);
  if (!handle) return null;
  try {
    return await handle.evaluate(inPageDeepText);
  } finally {
    await handle.dispose();
  }
}

/** Milliseconds as a promise. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
