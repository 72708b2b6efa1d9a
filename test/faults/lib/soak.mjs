// Long-session soak: a signed-in page keeps using the API while access tokens live 30 seconds (the stack is
// started with accessTokenTtl: 30). Every few seconds the case list re-queries and /me is fetched through the
// provider's api; the session's state changes are recorded. A forced sign-out = the session leaving `signed-in`
// (to `signed-out` or `error`), or an API call failing with 401. Renewals are counted from the distinct access
// tokens seen, so a soak in which no renewal happened cannot pass unnoticed.
import { createHash } from 'node:crypto';
import { providerPage } from '../../e2e/helpers/stack.mjs';
import { signInInBrowser } from '../../e2e/helpers/sign-in.mjs';
import { NET_TRACKER } from '../../e2e/helpers/settle.mjs';

export function soakPages(vars) {
  return { 'soak.html': providerPage(vars, '<es-login></es-login><es-case-list page-size="20"></es-case-list>', { title: 'faults: soak' }) };
}

/**
 * @param {{ stack: any, browser: import('playwright-core').Browser, seconds: number, log?: (s: string) => void }} o
 */
export async function runSoak({ stack, browser, seconds, log = () => {} }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(NET_TRACKER);
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await signInInBrowser(page, { startUrl: stack.page('soak.html') });
  await page.evaluate(() => {
    const p = document.querySelector('es-provider');
    window.__soak = { statuses: [], signOuts: 0 };
    let last = p.session.state.status;
    p.session.subscribe((s) => {
      window.__soak.statuses.push(`${Math.round(performance.now() / 1000)}s ${s.status}${s.error ? ` (${s.error.code})` : ''}`);
      if (last === 'signed-in' && (s.status === 'signed-out' || s.status === 'error')) window.__soak.signOuts++;
      last = s.status;
    });
  });
  const tokens = new Set();
  let apiCalls = 0;
  const apiErrors = [];
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < seconds * 1000) {
    i++;
    const r = await page.evaluate(async (n) => {
      const p = document.querySelector('es-provider');
      const out = { ok: 0, errors: [] };
      try {
        const tok = await p.session.getAccessToken();
        out.token = tok;
        await p.api.me();
        out.ok++;
        await p.api.listCases({ limit: 5, q: n % 2 ? 'agent' : undefined });
        out.ok++;
      } catch (e) {
        out.errors.push(`${e?.status ?? ''} ${e?.message ?? e}`);
      }
      const list = document.querySelector('es-case-list');
      list.setAttribute('q', n % 2 ? 'agent' : '');
      return out;
    }, i);
    apiCalls += 2;
    if (r.token) tokens.add(createHash('sha256').update(r.token).digest('hex'));
    for (const e of r.errors) apiErrors.push(`${Math.round((Date.now() - t0) / 1000)}s ${e}`);
    if (i % 15 === 0) log(`soak: ${Math.round((Date.now() - t0) / 1000)} s, ${tokens.size} access tokens seen, ${apiErrors.length} API errors`);
    await page.waitForTimeout(4000);
  }
  const state = await page.evaluate(() => ({ ...window.__soak, status: document.querySelector('es-provider').session.state.status }));
  const listError = await page.evaluate(() => !!document.querySelector('es-case-list').shadowRoot.querySelector('[part~="error"], [part~="signed-out"]'));
  await context.close();
  const unauthorized = apiErrors.filter((e) => /\b401\b/.test(e)).length;
  return {
    seconds: Math.round((Date.now() - t0) / 1000),
    accessTokens: tokens.size,
    renewals: Math.max(0, tokens.size - 1),
    apiCalls,
    apiErrors,
    signOuts: state.signOuts + (state.status !== 'signed-in' && state.signOuts === 0 ? 1 : 0),
    unauthorized,
    finalStatus: state.status,
    statuses: state.statuses,
    listShowsErrorOrSignedOut: listError,
    consoleErrors,
  };
}
