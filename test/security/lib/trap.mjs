// The execution trap of the security suite. Installed in every document and frame of a page before any script:
// `__xss(id)` (what every payload calls), alert/confirm/prompt/print, and securitypolicyviolation events, all
// recorded in the page and echoed to the console (so hits inside frames are seen too); dialogs and requests to
// the beacon origin are recorded on the playwright side.

export const TRAP_INIT = `(() => {
  const hits = [];
  const violations = [];
  const say = (msg) => { try { console.log(msg); } catch (e) { /* ignore */ } };
  const record = (kind, id) => { hits.push(kind + ':' + String(id)); say('__XSS_HIT__ ' + kind + ' ' + String(id)); };
  try { Object.defineProperty(window, '__xssHits', { value: hits, configurable: false }); } catch (e) { /* frame */ }
  try { Object.defineProperty(window, '__cspViolations', { value: violations, configurable: false }); } catch (e) { /* frame */ }
  try { Object.defineProperty(window, '__xss', { value: (id) => record('xss', id), configurable: false, writable: false }); } catch (e) { /* frame */ }
  for (const f of ['alert', 'confirm', 'prompt', 'print']) {
    try { window[f] = (m) => { record(f, m); return f === 'confirm' ? false : null; }; } catch (e) { /* ignore */ }
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    const v = e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || 0) + ' ' + (e.sample || '');
    violations.push(v);
    say('__CSP_VIOLATION__ ' + v);
  }, true);
})();`;

/** Origin the CSS/HTML-injection payloads try to load from (see payloads.mjs). */
export const BEACON_ORIGIN = 'http://127.0.0.1:9';

/**
 * Installs the trap on a page and collects what it reports.
 * @param {import('playwright-core').Page} page
 */
export async function installTrap(page) {
  const found = { hits: [], dialogs: [], beacons: [], violations: [], consoleErrors: [], pageErrors: [] };
  await page.addInitScript(TRAP_INIT);
  page.on('console', (m) => {
    const t = m.text();
    if (t.startsWith('__XSS_HIT__ ')) found.hits.push(t.slice(12));
    else if (t.startsWith('__CSP_VIOLATION__ ')) found.violations.push(t.slice(18));
    else if (m.type() === 'error') found.consoleErrors.push(t);
  });
  page.on('pageerror', (e) => found.pageErrors.push(String(e?.message ?? e)));
  page.on('dialog', async (d) => { found.dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss().catch(() => {}); });
  await page.route(`${BEACON_ORIGIN}/**`, (route) => { found.beacons.push(route.request().url()); return route.abort(); });
  return found;
}
