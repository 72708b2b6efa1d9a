// Shared, lazily started resources of one bench run: the seeded reference stack (10,000 cases and 10,000 KB
// articles, bench pages on portal 0), one Chromium, and a tab signed in through the real login page.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingPieces, startBrowserStack } from '../../test/e2e/helpers/stack.mjs';
import { launchBrowser } from '../../test/e2e/helpers/browser.mjs';
import { signInInBrowser } from '../../test/e2e/helpers/sign-in.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
export const BENCH_PAGES = join(here, '..', 'pages');
export const BIG = { cases: 10_000, articles: 10_000 };

export function createContext(args) {
  let stackP = null;
  let browserP = null;
  const ctx = {
    args,
    chromiumVersion: null,
    /** Why the seeded stack cannot start (missing pieces), or null. */
    missing: (opts) => missingPieces(opts),
    /** The big seeded stack (started once). */
    stack() {
      stackP ??= (async () => {
        const t0 = Date.now();
        console.log(`  starting the reference stack, seeding ${BIG.cases} cases and ${BIG.articles} articles…`);
        const s = await startBrowserStack({ pages: [BENCH_PAGES], seed: BIG });
        // Every seeded case goes to the demo user's organisation (Nordic Bank), so the list really holds 10,000.
        const org = s.db.prepare(`SELECT pu.organisation_id AS id FROM portal_users pu JOIN idp_accounts a ON a.id = pu.account_id WHERE a.email = ?`)
          .get('anna.virtanen@nordicbank.example')?.id;
        if (org) s.db.prepare('UPDATE cases SET organisation_id = ?').run(org);
        ctx.bigTotal = s.db.prepare('SELECT COUNT(*) AS n FROM cases WHERE organisation_id = ?').get(org ?? '')?.n ?? null;
        ctx.bigArticles = s.db.prepare('SELECT COUNT(*) AS n FROM kb_articles').get().n;
        console.log(`  stack up in ${((Date.now() - t0) / 1000).toFixed(1)} s (${ctx.bigTotal} cases for the demo organisation, ${ctx.bigArticles} articles): api ${s.urls.api}, idp ${s.urls.idp}, portal ${s.origin}`);
        return s;
      })();
      return stackP;
    },
    browser() {
      browserP ??= launchBrowser().then((b) => { ctx.chromiumVersion = b.version(); return b; });
      return browserP;
    },
    /** A new browser context + page; signed in through the login page when `signedIn`. */
    async newPage({ signedIn = false } = {}) {
      const browser = await ctx.browser();
      const stack = await ctx.stack();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (signedIn) await signInInBrowser(page, { startUrl: stack.page('bench-login.html') });
      return { context, page };
    },
    async close() {
      if (browserP) await (await browserP).close().catch(() => {});
      if (stackP) await (await stackP.catch(() => null))?.cleanup().catch(() => {});
    },
  };
  return ctx;
}
