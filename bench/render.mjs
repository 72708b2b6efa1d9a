// First render of each element in headless Chromium against the real, seeded stack: median of N runs (20; 5 with
// --quick) from performance.mark('es-start'), placed right before the page's module script, to the element's
// first complete render (see lib/probe.mjs). Public elements are measured in a signed-out tab, the others in a
// tab signed in through the real login page (the stored session is restored on each load, as for a returning
// user). The first load of each page is cold (empty HTTP cache; reported apart, not in the median); the counted
// loads revalidate the SDK files (the pages server sends no-cache) like a returning visitor's. Also records the
// JavaScript each page really downloaded.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './lib/report.mjs';
import { probeFromQueryScript } from './lib/probe.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

export const ELEMENTS = [
  { tag: 'es-contact-card', page: 'bench-contact-card.html', signedIn: false, expect: '/api/v1/contacts' },
  { tag: 'es-documents', page: 'bench-documents.html', signedIn: false, expect: '/api/v1/documents' },
  { tag: 'es-kb-search', page: 'bench-kb-search.html', signedIn: false, expect: null },
  { tag: 'es-account-request', page: 'bench-account-request.html', signedIn: false, expect: null },
  { tag: 'es-login', page: 'bench-login.html', signedIn: true, expect: '/api/v1/me' },
  { tag: 'es-case-list', page: 'bench-case-list.html', signedIn: true, expect: '/api/v1/cases' },
  { tag: 'es-case-detail', page: 'bench-case-detail.html', signedIn: true, expect: '/api/v1/cases/[^/?]+(\\?|$)' },
  { tag: 'es-case-form', page: 'bench-case-form.html', signedIn: true, expect: '/api/v1/products' },
  { tag: 'es-portal', page: 'bench-portal.html', signedIn: true, expect: null },
];

/** A case of the demo user's organisation with the most comments (for es-case-detail). */
export function demoCaseId(db) {
  return db.prepare(`SELECT c.id FROM cases c
    JOIN portal_users pu ON pu.organisation_id = c.organisation_id
    JOIN idp_accounts a ON a.id = pu.account_id
    WHERE a.email = ? ORDER BY c.comment_count DESC, c.updated_at DESC LIMIT 1`).get('anna.virtanen@nordicbank.example')?.id ?? null;
}

/**
 * Loads `url` `runs` times in `page` and returns the probe's figures.
 * @param {import('playwright-core').Page} page
 */
export async function measureLoads(page, { url, tag, expect, apiOrigins, runs, warmup = 1, onFirst }) {
  const times = [];
  const cold = [];
  const phases = [];
  const failures = [];
  const cfg = encodeURIComponent(JSON.stringify({ tag, expect, apiOrigins }));
  for (let i = 0; i < warmup + runs; i++) {
    const sep = url.includes('?') ? '&' : '?';
    await page.goto(`${url}${sep}esprobe=${cfg}`, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__esProbe?.ms !== undefined, null, { timeout: 20_000, polling: 100 });
    } catch {
      const st = await page.evaluate(() => JSON.stringify(window.__esProbe ?? null)).catch(() => 'null');
      failures.push(`run ${i}: not rendered within 20 s (probe ${st.slice(0, 200)})`);
      continue;
    }
    const st = await page.evaluate(() => ({ ms: window.__esProbe.ms, start: window.__esProbe.start, timeline: window.__esProbe.timeline }));
    const defined = st.timeline.find((x) => x[1].startsWith('defined'))?.[0];
    if (defined !== undefined) phases.push(defined - st.start);
    if (i === 0 && onFirst) await onFirst();
    if (i < warmup) cold.push(st.ms); else times.push(st.ms);
  }
  return { times, cold: cold[0] ?? null, defined: median(phases), failures, median: median(times), p95: percentile(times, 95), min: times.length ? Math.min(...times) : null };
}

/** Installs the probe (reads its settings from ?esprobe=) in every document of `page`. */
export async function installProbe(page) {
  await page.addInitScript(probeFromQueryScript());
}

export async function run(ctx) {
  const missing = ctx.missing();
  if (missing) return { figures: ELEMENTS.map((e) => ({ section: 'first render', name: e.tag, value: null, unit: 'ms', budget: 30, skipped: `missing: ${missing.join(', ')}` })) };
  const { measure } = await import(join(root, 'scripts', 'size-lib.mjs'));
  const runs = ctx.args.runs ?? (ctx.args.quick ? 5 : 20);
  const stack = await ctx.stack();
  const apiOrigins = [stack.urls.api, stack.urls.idp];
  const caseId = demoCaseId(stack.db);
  stack.fillPage('bench-case-detail.html', { CASE_ID: caseId ?? '' });
  const figures = [];
  const raw = {};
  const tabs = {};
  const tab = async (signedIn) => {
    if (!tabs[signedIn]) {
      const t = await ctx.newPage({ signedIn });
      await installProbe(t.page);
      tabs[signedIn] = t;
    }
    return tabs[signedIn].page;
  };
  for (const el of ELEMENTS) {
    const page = await tab(el.signedIn);
    /** path → body of every SDK file the page downloaded (measured as served, not re-read from disk). */
    const js = new Map();
    const onResponse = (res) => {
      const u = new URL(res.url());
      if (u.origin === stack.origin && u.pathname.startsWith('/dist/') && u.pathname.endsWith('.js')) {
        js.set(u.pathname.slice('/dist/'.length), res.body().catch(() => Buffer.alloc(0)));
      }
    };
    page.on('response', onResponse);
    let recording = true;
    const r = await measureLoads(page, {
      url: stack.page(el.page), tag: el.tag, expect: el.expect, apiOrigins, runs,
      onFirst: async () => { await page.waitForTimeout(800); recording = false; page.off('response', onResponse); },
    });
    if (recording) page.off('response', onResponse);
    let bytes = { min: 0, gzip: 0, brotli: 0 };
    for (const body of js.values()) {
      const m = measure(await body);
      bytes = { min: bytes.min + m.min, gzip: bytes.gzip + m.gzip, brotli: bytes.brotli + m.brotli };
    }
    raw[el.tag] = { ...r, files: [...js.keys()].sort(), bytes, signedIn: el.signedIn };
    const label = `${el.tag}${el.signedIn ? ' (signed in)' : ''}`;
    figures.push({
      section: 'first render (median)', name: label, value: r.median, unit: 'ms', budget: 30,
      note: r.times.length ? `${r.times.length} runs, min ${r.min.toFixed(1)}, p95 ${r.p95.toFixed(1)}, cold ${r.cold?.toFixed(0) ?? '—'} ms; element defined at ${r.defined?.toFixed(0) ?? '—'} ms${r.failures.length ? `; ${r.failures.length} failed: ${r.failures[0]}` : ''}` : r.failures[0],
    });
    figures.push({
      section: 'sizes: pages (downloaded in Chromium)', name: `page: es-provider + ${el.tag} (brotli)`, value: bytes.brotli / 1000, unit: 'KB',
      ...(el.tag === 'es-contact-card' ? { budget: 15 } : {}),
      note: `${js.size} JS file(s), min ${(bytes.min / 1000).toFixed(1)} KB, gzip ${(bytes.gzip / 1000).toFixed(1)} KB${el.signedIn ? ', signed in' : ', signed out'}`,
    });
    console.log(`  ${label}: median ${r.median?.toFixed(1) ?? '—'} ms over ${r.times.length} runs; ${js.size} JS files, ${(bytes.brotli / 1000).toFixed(1)} KB br`);
  }
  for (const t of Object.values(tabs)) await t.context.close();
  return { figures, raw };
}
