// Waiting for elements to finish rendering in playwright tests: a fetch tracker (init script) and a check that
// an element and every es-* inside it (shadow DOM included) has finished its Lit update, shows no loading view
// and that no tracked request is in flight.

/** Init script: counts fetches in flight (window.__esNet). Install with page.addInitScript(NET_TRACKER). */
export const NET_TRACKER = `(() => {
  if (window.__esNet) return;
  const net = window.__esNet = { inflight: 0, total: 0, last: 0, open: new Set() };
  const orig = window.fetch;
  window.fetch = function (input, init) {
    const p = orig.call(this, input, init);
    let url = String(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    try { url = new URL(url, location.href).pathname; } catch (e) { /* keep */ }
    const key = url + '#' + (++net.total);
    net.inflight++; net.open.add(key);
    const done = () => { net.inflight--; net.open.delete(key); net.last = performance.now(); };
    p.then((res) => { res.clone().arrayBuffer().catch(() => {}).finally(done); }, done);
    return p;
  };
})();`;

/**
 * Resolves when `selector` (first match, light DOM) has settled for `quietMs`. Rejects after `timeout`.
 * @param {import('playwright-core').Page} page
 */
export async function waitForSettled(page, selector, { timeout = 15_000, quietMs = 120 } = {}) {
  try {
    await page.waitForFunction(({ sel, quietMs: q }) => {
      const why = [];
      const el = document.querySelector(sel);
      if (!el) { window.__esWhy = ['absent']; return false; }
      const visit = (host) => {
        if (host.localName.startsWith('es-')) {
          if (!customElements.get(host.localName)) why.push(`${host.localName} undefined`);
          else if (!host.hasUpdated || host.isUpdatePending) why.push(`${host.localName} updating`);
        }
        const root = host.shadowRoot;
        if (root) {
          const busy = root.querySelector('[part~="loading"], [aria-busy="true"]');
          if (busy) why.push(`${host.localName} shows ${busy.getAttribute('part') ?? busy.localName}`);
          for (const child of root.querySelectorAll('*')) if (child.shadowRoot || child.localName.startsWith('es-')) visit(child);
        }
        // Light-DOM es-* descendants (slotted children, or elements inside a plain container).
        for (const child of host.querySelectorAll('*')) if (child.localName.startsWith('es-')) visit(child);
      };
      visit(el);
      const net = window.__esNet;
      if (net && net.inflight > 0) why.push(`${net.inflight} request(s) in flight: ${[...net.open].slice(-3).join(' ')}`);
      else if (net && performance.now() - net.last < q) why.push('network quiet period');
      window.__esWhy = why;
      if (why.length) { window.__esQuietSince = undefined; return false; }
      window.__esQuietSince ??= performance.now();
      return performance.now() - window.__esQuietSince >= q;
    }, { sel: selector, quietMs }, { timeout, polling: 30 });
  } catch (e) {
    const why = await page.evaluate(() => window.__esWhy).catch(() => null);
    e.message = `${selector} did not settle within ${timeout} ms: ${JSON.stringify(why)}\n${e.message}`;
    throw e;
  }
  await page.evaluate(() => { window.__esQuietSince = undefined; });
}

/** In-page deep query: every element matching `css` inside `selector` and its nested shadow roots. */
export async function deepCount(page, selector, css) {
  return page.evaluate(({ sel, css: c }) => {
    let n = 0;
    const visit = (node) => {
      n += node.querySelectorAll(c).length;
      for (const el of node.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    const el = document.querySelector(sel);
    if (el) { if (el.shadowRoot) visit(el.shadowRoot); visit(el); }
    return n;
  }, { sel: selector, css });
}
