// Fault trials against the real stack, shared by the fault suite (test/faults, 200 trials in CI) and the bench
// (`npm run bench -- --faults 1000`). A trial = type a case (es-case-form) or a comment (es-case-detail), submit,
// one fault hits the request, then the user retries until it is accepted. After each trial:
//   lost draft  = what was typed is neither in the form nor shown as sent (after the fault, and after a reload);
//   duplicate   = the database holds the case subject / comment body more than once;
//   missing     = never accepted after the retries (the database holds it 0 times).
// Faults (playwright page.route / context.setOffline / page.reload):
//   abort          the request fails on the network before reaching the server
//   lost-response  the server processes the request, the answer is lost (the retry must not create a second one)
//   500            500 problem+json
//   503            503 problem+json with Retry-After: 1
//   timeout        the request is held longer than the client's timeout (15 s), then reaches the server anyway
//   offline        the browser goes offline for the submit, back online before the retry
//   reload         the page reloads while the request is in flight (half of them after the server got it)
import { randomBytes } from 'node:crypto';
import { providerPage } from '../../e2e/helpers/stack.mjs';
import { signInInBrowser } from '../../e2e/helpers/sign-in.mjs';
import { NET_TRACKER, waitForSettled } from '../../e2e/helpers/settle.mjs';

export const FAULTS = ['abort', 'lost-response', '500', '503', 'timeout', 'offline', 'reload'];
const WEIGHTS = { abort: 3, 'lost-response': 3, 500: 2, 503: 2, offline: 2, reload: 2, timeout: 0 };
export const CLIENT_TIMEOUT_MS = 15_000;

/** Pages the runner needs, for startBrowserStack({ generatePages }). */
export function faultPages(vars) {
  return {
    'fault-form.html': providerPage(vars, '<es-case-form></es-case-form>', { title: 'faults: case form' }),
    'fault-detail.html': providerPage(vars, '<es-case-detail case-id="{{CASE_ID}}"></es-case-detail>', { title: 'faults: case detail' }),
  };
}

function rng(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6D2B79F5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** The fault schedule: `timeouts` timeout trials spread over the run, the rest weighted at random. */
export function schedule(trials, seed, timeouts) {
  const r = rng(seed);
  const pool = Object.entries(WEIGHTS).flatMap(([k, w]) => Array(w).fill(k));
  const out = Array.from({ length: trials }, () => pool[Math.floor(r() * pool.length)]);
  for (let i = 0; i < Math.min(timeouts, trials); i++) out[Math.floor(((i + 0.5) * trials) / Math.max(1, timeouts))] = 'timeout';
  return out;
}

const WORDS = ['printer', 'agent', 'firewall', 'license', 'update', 'sensor', 'policy', 'gateway', 'backup', 'console', 'token', 'cluster'];
const words = (r, n) => Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');

/**
 * One worker: a signed-in page running trials of one kind ('case' or 'comment').
 * @param {{ stack: any, browser: import('playwright-core').Browser, kind: 'case'|'comment', faults: string[],
 *           runId: string, caseId?: string, log?: (s: string) => void }} o
 */
export async function runWorker(o) {
  const { stack, browser, kind, faults, runId } = o;
  const log = o.log ?? (() => {});
  const r = rng(Number.parseInt(runId.slice(0, 8), 16) ^ (kind === 'case' ? 1 : 2));
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.addInitScript(NET_TRACKER);
  const tag = kind === 'case' ? 'es-case-form' : 'es-case-detail';
  const pageName = kind === 'case' ? 'fault-form.html' : 'fault-detail.html';
  const url = stack.page(pageName);
  if (kind === 'comment') stack.fillPage(pageName, { CASE_ID: o.caseId });
  await signInInBrowser(page, { startUrl: stack.page(pageName) });
  await page.goto(url);
  await waitForSettled(page, tag, { timeout: 30_000 });

  /** Armed fault for the next matching request (null = pass through). */
  let armed = null;
  let reloadRequested = null;
  let lastReload = null;
  const pattern = kind === 'case' ? /\/api\/v1\/cases$/ : /\/api\/v1\/cases\/[^/]+\/comments$/;
  await page.route((u) => pattern.test(u.pathname), async (route) => {
    const req = route.request();
    if (req.method() !== 'POST' || !armed) return route.continue();
    const fault = armed;
    armed = null;
    const problem = (status, title) => ({ status, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title, status }) });
    try {
      switch (fault) {
        case 'abort': return await route.abort('failed');
        case 'lost-response': { await route.fetch(); return await route.abort('connectionreset'); }
        case '500': return await route.fulfill(problem(500, 'Internal Server Error'));
        case '503': return await route.fulfill({ ...problem(503, 'Service Unavailable'), headers: { 'retry-after': '1' } });
        case 'timeout': {
          await new Promise((res) => setTimeout(res, CLIENT_TIMEOUT_MS + 1500));
          // The client gave up; the request still reaches the server (the slow network delivered it).
          return await route.continue().catch(() => {});
        }
        case 'offline': {
          await context.setOffline(true);
          return await route.abort('internetdisconnected');
        }
        case 'reload': {
          const forward = r() < 0.5;
          if (forward) await route.fetch().catch(() => {});
          reloadRequested = forward ? 'after-server' : 'before-server';
          return await route.abort('aborted').catch(() => {});
        }
        default: return await route.continue();
      }
    } catch { /* the page went away mid-route (reload) */ }
  });

  const sel = kind === 'case'
    ? { a: `${tag} [part~="subject-input"]`, b: `${tag} [part~="description-input"]`, submit: `${tag} [part~="submit-button"]` }
    : { b: `${tag} [part~="comment-input"]`, submit: `${tag} [part~="send-button"]` };

  const stats = { trials: 0, lost: 0, duplicates: 0, missing: 0, retries: 0, byFault: {}, problems: [] };
  const note = (fault, what, detail) => {
    stats.byFault[fault] ??= { trials: 0, lost: 0, duplicates: 0, missing: 0 };
    if (what) stats.byFault[fault][what]++;
    if (detail) stats.problems.push(`${kind}/${fault}: ${detail}`);
  };

  const values = async () => page.evaluate(({ s, t }) => {
    const root = document.querySelector(t)?.shadowRoot;
    const v = (q) => (q ? root?.querySelector(q.replace(`${t} `, ''))?.value ?? null : null);
    return { a: v(s.a), b: v(s.b) };
  }, { s: sel, t: tag });

  const count = (text) => kind === 'case'
    ? stack.db.prepare('SELECT COUNT(*) AS n FROM cases WHERE subject = ?').get(text).n
    : stack.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE body = ?').get(text).n;

  /** True once the element shows the submission as accepted. */
  const accepted = async (text) => page.evaluate(({ t, k, text: x }) => {
    const root = document.querySelector(t)?.shadowRoot;
    if (!root) return false;
    if (k === 'case') return !!root.querySelector('[part~="success"]');
    return [...root.querySelectorAll('[part~="comment"]')].some((c) => !c.getAttribute('part').includes('comment-pending') && c.textContent.includes(x));
  }, { t: tag, k: kind, text });

  const fill = async (subject, body) => {
    if (kind === 'case') {
      await page.locator(sel.a).fill(subject);
      await page.locator(sel.b).fill(body);
      const product = page.locator(`${tag} [part~="product-select"]`);
      const opts = await product.locator('option').evaluateAll((os) => os.map((x) => x.value).filter(Boolean));
      await product.selectOption(opts[0]);
      await page.locator(`${tag} input[name="severity"][value="low"]`).check();
    } else {
      await page.locator(sel.b).fill(body);
    }
  };

  let prev = null;
  for (const fault of faults) {
    if (stats.trials) prev = `${faults[stats.trials - 1]}${lastReload ? ` ${lastReload}` : ''}`;
    lastReload = null;
    stats.trials++;
    note(fault, 'trials');
    const id = `${runId}-${kind}-${stats.trials}`;
    const subject = `FT ${id} ${words(r, 3)}`;
    const body = kind === 'case' ? `Fault trial ${id}: ${words(r, 12)}. Steps to reproduce follow.` : `Comment ${id}: ${words(r, 8)}`;
    const key = kind === 'case' ? subject : body;
    try {
      if (kind === 'case' && await page.locator(`${tag} [part~="new-case-button"]`).count()) {
        await page.locator(`${tag} [part~="new-case-button"]`).click();
        await waitForSettled(page, tag);
      }
      await fill(subject, body);
      await page.waitForTimeout(60);
      armed = fault;
      reloadRequested = null;
      await page.locator(sel.submit).click();
      // Let the fault play out.
      if (fault === 'reload') {
        await page.waitForFunction(() => true, null, { timeout: 100 }).catch(() => {});
        for (let i = 0; i < 100 && !reloadRequested; i++) await page.waitForTimeout(20);
        lastReload = reloadRequested;
        await page.reload();
        // The stored session is restored first (the element may show its signed-out view meanwhile).
        await page.waitForFunction(() => document.querySelector('es-provider')?.session?.state?.status === 'signed-in', null, { timeout: 30_000 });
        await waitForSettled(page, tag, { timeout: 30_000 });
      } else {
        const deadline = Date.now() + (fault === 'timeout' ? CLIENT_TIMEOUT_MS + 8000 : 8000);
        while (Date.now() < deadline) {
          const settled = await waitForSettled(page, tag, { timeout: 2000, quietMs: 80 }).then(() => true, () => false);
          if (settled && !armed) break;
        }
        if (fault === 'offline') await context.setOffline(false);
        if (fault === 'timeout') await page.waitForTimeout(2000); // the held request reaches the server
      }
      armed = null;
      // Draft check: the typed text is still in the form, or the submission already shows as accepted.
      const v = await values();
      const kept = kind === 'case' ? v.a === subject && v.b === body : v.b === body;
      const done = await accepted(key);
      if (!kept && !done) {
        stats.lost++; note(fault, 'lost', `typed text gone after the fault${lastReload ? ` (${lastReload})` : ''} (form has ${JSON.stringify(v).slice(0, 120)})`);
        await fill(subject, body); // the user types it again
      }
      // Retry until accepted.
      for (let attempt = 0; attempt < 6 && !(await accepted(key)); attempt++) {
        stats.retries++;
        const v2 = await values();
        const stillThere = kind === 'case' ? v2.a === subject : v2.b === body;
        if (!stillThere) await fill(subject, body);
        await page.locator(sel.submit).click();
        await page.waitForFunction(({ t, k, text: x }) => {
          const root = document.querySelector(t)?.shadowRoot;
          if (!root) return false;
          if (k === 'case') return !!root.querySelector('[part~="success"], [part~="submit-error"]') && !root.querySelector('[part~="submit-button"][disabled]');
          const ok = [...root.querySelectorAll('[part~="comment"]')].some((c) => !c.getAttribute('part').includes('comment-pending') && c.textContent.includes(x));
          return ok || !!root.querySelector('[part~="comment-error"]');
        }, { t: tag, k: kind, text: key }, { timeout: 20_000 }).catch(() => {});
        if (!(await accepted(key))) await page.waitForTimeout(1100); // Retry-After: 1
      }
      const n = count(key);
      if (process.env.ES_FAULT_DEBUG) {
        const dbg = await page.evaluate((t) => {
          const root = document.querySelector(t)?.shadowRoot;
          return { parts: [...new Set([...(root?.querySelectorAll('[part]') ?? [])].map((e) => e.getAttribute('part')))].join(','), err: root?.querySelector('[part~="comment-error"], [part~="submit-error"], [part~="action-error"]')?.textContent?.trim() };
        }, tag);
        log(`trial ${id} ${fault}: db ${n}, accepted ${await accepted(key)}, ${JSON.stringify(await values())} ${JSON.stringify(dbg).slice(0, 400)}`);
      }
      if (n > 1) { stats.duplicates++; note(fault, 'duplicates', `${n} copies of "${key}"`); }
      if (n === 0) {
        stats.missing++;
        const shown = await page.evaluate((t) => document.querySelector(t)?.shadowRoot
          ?.querySelector('[part~="comment-error"], [part~="submit-error"], [part~="error-summary"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null, tag);
        note(fault, 'missing', `"${key}" never accepted${prev ? ` (previous trial: ${prev})` : ''}; the element says: ${shown}`);
        // What support would tell a stuck user: clear the saved drafts and reload. Later trials start clean.
        await page.evaluate(() => { for (const k of Object.keys(sessionStorage)) if (!/oidc|user:/.test(k)) sessionStorage.removeItem(k); });
        await page.goto(url);
        await waitForSettled(page, tag, { timeout: 30_000 }).catch(() => {});
      }
    } catch (e) {
      armed = null;
      await context.setOffline(false).catch(() => {});
      const n = count(key);
      if (n > 1) { stats.duplicates++; note(fault, 'duplicates', `${n} copies of "${key}"`); }
      if (n === 0) { stats.missing++; note(fault, 'missing', `harness error: ${String(e.message).split('\n')[0]}`); }
      await page.goto(url).catch(() => {});
      await waitForSettled(page, tag, { timeout: 30_000 }).catch(() => {});
    }
    if (stats.trials % 25 === 0) log(`${kind}: ${stats.trials}/${faults.length} trials, lost ${stats.lost}, duplicates ${stats.duplicates}, missing ${stats.missing}`);
  }
  await context.close();
  return stats;
}

/**
 * Runs `trials` trials split between case submits and comment posts (two pages in parallel).
 * @returns {Promise<{ trials: number, lost: number, duplicates: number, missing: number, retries: number, byFault: any, problems: string[], seconds: number }>}
 */
export async function runFaultTrials({ stack, browser, trials, seed = Date.now() % 1e9, log }) {
  const t0 = Date.now();
  const runId = randomBytes(4).toString('hex');
  const timeouts = Math.max(1, Math.round(trials * 0.01));
  const half = Math.ceil(trials / 2);
  const caseId = stack.db.prepare(`SELECT c.id FROM cases c JOIN portal_users pu ON pu.organisation_id = c.organisation_id
    JOIN idp_accounts a ON a.id = pu.account_id WHERE a.email = ? AND c.status NOT IN ('closed','solved') ORDER BY c.updated_at DESC LIMIT 1`)
    .get('anna.virtanen@nordicbank.example')?.id;
  const [a, b] = await Promise.all([
    runWorker({ stack, browser, kind: 'case', faults: schedule(half, seed, Math.ceil(timeouts / 2)), runId, log }),
    runWorker({ stack, browser, kind: 'comment', faults: schedule(trials - half, seed + 1, Math.floor(timeouts / 2)), runId, caseId, log }),
  ]);
  const byFault = {};
  for (const s of [a, b]) for (const [f, v] of Object.entries(s.byFault)) {
    byFault[f] ??= { trials: 0, lost: 0, duplicates: 0, missing: 0 };
    for (const k of Object.keys(v)) byFault[f][k] += v[k];
  }
  return {
    trials: a.trials + b.trials, lost: a.lost + b.lost, duplicates: a.duplicates + b.duplicates, missing: a.missing + b.missing,
    retries: a.retries + b.retries, byFault, problems: [...a.problems, ...b.problems], cases: a.trials, comments: b.trials,
    seconds: Math.round((Date.now() - t0) / 1000),
  };
}
