// In-page render probe (injected with page.addInitScript before any page script runs).
// Measures from performance.mark('es-start') (placed by the page right before its module script) to the first
// moment the element is completely rendered: the element (and every es-* inside it) has finished its Lit
// update, no loading view is shown anywhere in its shadow tree, every API/identity request the page started has
// finished, and — when `expect` is given — a response whose URL matches it has arrived (the data is there).
// Checks run on every DOM mutation inside the shadow trees (microtasks right after Lit commits), so the time
// is taken at the commit that completed the render, not at the next frame.

/** The probe as a function; stringified into the page. */
function probe(cfg) {
  const { tag, expect, apiOrigins } = cfg;
  const expectRe = expect ? new RegExp(expect) : null;
  const state = { started: 0, inflight: 0, doneUrls: [], settledAt: null, checks: 0, timeline: [] };
  const t = (what) => state.timeline.push([Math.round(performance.now() * 10) / 10, what]);
  window.__esProbe = state;
  const origFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const p = origFetch.call(this, input, init);
    if (apiOrigins.some((o) => url.startsWith(o))) {
      state.started++;
      state.inflight++;
      t(`fetch ${url.replace(/^https?:\/\/[^/]+/, '')}`);
      const done = () => { state.inflight--; state.doneUrls.push(url); t(`done ${url.replace(/^https?:\/\/[^/]+/, '')}`); queueMicrotask(check); };
      p.then((res) => { res.clone().arrayBuffer().catch(() => {}).finally(done); }, done);
    }
    return p;
  };
  const observed = new WeakSet();
  const mo = new MutationObserver(() => { state.lastMutation = performance.now(); check(); });
  const watch = (root) => {
    if (observed.has(root)) return;
    observed.add(root);
    mo.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  };

  function settled(el) {
    let ok = true;
    let content = 0;
    const visit = (host) => {
      if (!ok) return;
      if (host.localName.startsWith('es-')) {
        if (!customElements.get(host.localName)) { ok = false; return; }
        if (!host.hasUpdated || host.isUpdatePending) { ok = false; return; }
      }
      const root = host.shadowRoot;
      if (!root) return;
      watch(root);
      if (root.querySelector('[part~="loading"], [aria-busy="true"]')) { ok = false; return; }
      for (const child of root.querySelectorAll('*')) {
        if (child.localName !== 'style') content++;
        if (child.shadowRoot || child.localName.startsWith('es-')) visit(child);
      }
      // Light-DOM es-* children (slotted) render too.
      for (const child of host.querySelectorAll('*')) if (child.localName.startsWith('es-')) visit(child);
    };
    visit(el);
    return ok && content > 0;
  }

  function check() {
    if (state.settledAt !== null) return;
    state.checks++;
    const el = document.querySelector(tag);
    if (!el || !el.shadowRoot) return;
    watch(el.shadowRoot);
    if (state.inflight > 0) return;
    if (expectRe && !state.doneUrls.some((u) => expectRe.test(u))) return;
    if (!settled(el)) return;
    state.settledAt = performance.now();
    const start = performance.getEntriesByName('es-start')[0]?.startTime ?? 0;
    // The render that completed the element is the last DOM mutation, provided it came after the last API
    // response (resource timing's responseEnd); otherwise the moment the check passed. This keeps the probe's own
    // bookkeeping (reading a clone of each response) out of the figure.
    const api = performance.getEntriesByType('resource').filter((e) => apiOrigins.some((o) => e.name.startsWith(o)));
    const dataAt = api.reduce((m, e) => Math.max(m, e.responseEnd), 0);
    state.renderedAt = state.lastMutation !== undefined && state.lastMutation >= dataAt ? state.lastMutation : state.settledAt;
    state.dataAt = dataAt;
    state.ms = state.renderedAt - start;
    state.start = start;
    state.resources = performance.getEntriesByType('resource').map((e) => [e.name.replace(/^https?:\/\/[^/]+/, ''), Math.round(e.startTime), Math.round(e.responseEnd)]);
    t('settled');
  }
  customElements.whenDefined(tag).then(() => {
    t(`defined ${tag}`);
    const el = document.querySelector(tag);
    if (el?.shadowRoot) watch(el.shadowRoot);
    check();
    const poll = () => { if (state.settledAt === null) { check(); setTimeout(poll, 50); } };
    setTimeout(poll, 50);
  });
  // Elements that are never defined (a broken build) are reported by the caller's timeout.
  document.addEventListener('DOMContentLoaded', () => check());
}

/** Source for page.addInitScript with a fixed configuration. */
export function probeScript(cfg) {
  return `(${probe.toString()})(${JSON.stringify(cfg)});`;
}

/**
 * Source for page.addInitScript that reads its configuration from the page URL's `esprobe` query parameter
 * (JSON { tag, expect, apiOrigins }), so one tab can measure different elements on successive loads.
 */
export function probeFromQueryScript() {
  return `(() => {
    const p = new URLSearchParams(location.search).get('esprobe');
    if (p) (${probe.toString()})(JSON.parse(p));
  })();`;
}
