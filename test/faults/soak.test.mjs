// Long-session soak: 30-second access tokens (accessTokenTtl: 30), a signed-in page keeps using the API for
// ES_SOAK_SECONDS (default 180 in CI; `npm run bench -- --only faults --soak 600` for longer).
// Expectation: 0 forced sign-outs, 0 API calls refused with 401, and the access token renewed along the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { missingPieces, startBrowserStack } from '../e2e/helpers/stack.mjs';
import { launchBrowser } from '../e2e/helpers/browser.mjs';
import { runSoak, soakPages } from './lib/soak.mjs';

const missing = missingPieces();
const skip = missing ? `missing: ${missing.join(', ')}` : false;
const SECONDS = Number(process.env.ES_SOAK_SECONDS ?? 180);
const TTL = 30;

let stack; let browser;

before(async () => {
  if (missing) return;
  stack = await startBrowserStack({ seed: 'demo', accessTokenTtl: TTL, generatePages: soakPages });
  browser = await launchBrowser();
});

after(async () => {
  if (missing) console.log(`# soak SKIPPED: ${skip}`);
  await browser?.close();
  await stack?.cleanup();
});

test(`soak: ${SECONDS} s signed in with ${TTL}-second access tokens, no forced sign-out`, { skip, timeout: (SECONDS + 120) * 1000 }, async () => {
  const r = await runSoak({ stack, browser, seconds: SECONDS, log: (s) => console.log(`# ${s}`) });
  console.log(`# soak: ${r.seconds} s, ${r.apiCalls} API calls, ${r.accessTokens} access tokens (${r.renewals} renewals), sign-outs ${r.signOuts}, 401s ${r.unauthorized}, other API errors ${r.apiErrors.length - r.unauthorized}, final status ${r.finalStatus}`);
  for (const s of r.statuses.slice(0, 20)) console.log(`#   session: ${s}`);
  for (const e of r.apiErrors.slice(0, 10)) console.log(`#   api error: ${e}`);
  assert.equal(r.signOuts, 0, `forced sign-outs; session states: ${r.statuses.join(', ')}`);
  assert.equal(r.unauthorized, 0, `API calls refused with 401: ${r.apiErrors.join('; ')}`);
  assert.equal(r.finalStatus, 'signed-in');
  assert.equal(r.listShowsErrorOrSignedOut, false, 'the case list shows an error or the signed-out state');
  assert.ok(r.renewals >= Math.floor(r.seconds / TTL) - 2, `access tokens renewed during the soak: ${r.renewals} renewals in ${r.seconds} s`);
  assert.deepEqual(r.apiErrors, [], 'API calls failed during the soak');
});
