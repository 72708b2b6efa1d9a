// Fault suite (runs in CI through `npm test`; about 4 minutes):
// 1. random faults during case submit (es-case-form) and comment posting (es-case-detail) against the real stack —
//    aborted requests, lost responses, 500, 503 with Retry-After, a request held past the client timeout, offline,
//    a reload mid-submit (lib/fault-runner.mjs); after each fault the user retries until the submission is
//    accepted. Expectation: 0 lost drafts, 0 duplicate cases or comments, 0 never accepted.
//    ES_FAULT_TRIALS (default 200: half cases, half comments, two pages at once), ES_FAULT_SEED.
// 2. at the same time, on a second stack with 30-second access tokens, a signed-in page keeps using the API for
//    ES_SOAK_SECONDS (default 180) (lib/soak.mjs). Expectation: 0 forced sign-outs, 0 401s, tokens renewed.
// `npm run bench -- --faults 1000 --soak 600` runs the same with more trials and a longer soak.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { missingPieces, startBrowserStack } from '../e2e/helpers/stack.mjs';
import { launchBrowser } from '../e2e/helpers/browser.mjs';
import { faultPages, runFaultTrials } from './lib/fault-runner.mjs';
import { runSoak, soakPages } from './lib/soak.mjs';

const missing = missingPieces();
const skip = missing ? `missing: ${missing.join(', ')}` : false;
const TRIALS = Number(process.env.ES_FAULT_TRIALS ?? 200);
const SEED = Number(process.env.ES_FAULT_SEED ?? 20261125);
const SOAK_SECONDS = Number(process.env.ES_SOAK_SECONDS ?? 180);
const TTL = 30;

let stack; let soakStack; let browser; let soak;

before(async () => {
  if (missing) return;
  [stack, soakStack, browser] = await Promise.all([
    startBrowserStack({ seed: 'demo', generatePages: faultPages }),
    startBrowserStack({ seed: 'demo', accessTokenTtl: TTL, generatePages: soakPages }),
    launchBrowser(),
  ]);
  // The soak runs while the fault trials run; its test below waits for it.
  soak = runSoak({ stack: soakStack, browser, seconds: SOAK_SECONDS, log: (s) => console.log(`# ${s}`) })
    .then((r) => ({ r }), (e) => ({ e }));
});

after(async () => {
  if (missing) console.log(`# fault suite SKIPPED: ${skip}`);
  if (soak) await soak;
  await browser?.close();
  await stack?.cleanup();
  await soakStack?.cleanup();
});

test(`${TRIALS} random faults during case submit and comment posting: nothing lost, nothing twice`, { skip, timeout: 15 * 60_000 }, async () => {
  const r = await runFaultTrials({ stack, browser, trials: TRIALS, seed: SEED, log: (s) => console.log(`# ${s}`) });
  console.log(`# faults: ${r.trials} trials (${r.cases} case submits, ${r.comments} comments) in ${r.seconds} s, seed ${SEED}: lost ${r.lost}, duplicates ${r.duplicates}, never accepted ${r.missing}, retries ${r.retries}`);
  for (const [f, v] of Object.entries(r.byFault)) console.log(`#   ${f.padEnd(14)} ${String(v.trials).padStart(4)} trials, lost ${v.lost}, duplicates ${v.duplicates}, missing ${v.missing}`);
  for (const p of r.problems.slice(0, 20)) console.log(`#   ${p}`);
  assert.equal(r.trials, TRIALS);
  assert.equal(r.lost, 0, `lost drafts:\n${r.problems.filter((p) => p.includes('gone')).join('\n')}`);
  assert.equal(r.duplicates, 0, `duplicates:\n${r.problems.filter((p) => p.includes('copies')).join('\n')}`);
  assert.equal(r.missing, 0, `never accepted:\n${r.problems.filter((p) => p.includes('never') || p.includes('harness')).join('\n')}`);
  // Every fault kind was exercised (a schedule that skipped one would prove nothing about it).
  if (TRIALS >= 50) for (const f of ['abort', 'lost-response', '500', '503', 'offline', 'reload', 'timeout']) assert.ok(r.byFault[f]?.trials > 0, `fault ${f} was tried`);
});

test(`soak: ${SOAK_SECONDS} s signed in with ${TTL}-second access tokens, no forced sign-out`, { skip, timeout: (SOAK_SECONDS + 300) * 1000 }, async () => {
  const { r, e } = await soak;
  if (e) throw e;
  console.log(`# soak: ${r.seconds} s, ${r.apiCalls} API calls, ${r.accessTokens} access tokens (${r.renewals} renewals), sign-outs ${r.signOuts}, 401s ${r.unauthorized}, other API errors ${r.apiErrors.length - r.unauthorized}, final status ${r.finalStatus}`);
  for (const s of r.statuses.slice(0, 20)) console.log(`#   session: ${s}`);
  for (const x of r.apiErrors.slice(0, 10)) console.log(`#   api error: ${x}`);
  assert.equal(r.signOuts, 0, `forced sign-outs; session states: ${r.statuses.join(', ')}`);
  assert.equal(r.unauthorized, 0, `API calls refused with 401: ${r.apiErrors.join('; ')}`);
  assert.equal(r.finalStatus, 'signed-in');
  assert.equal(r.listShowsErrorOrSignedOut, false, 'the case list shows an error or the signed-out state');
  assert.ok(r.renewals >= Math.floor(r.seconds / TTL) - 2, `access tokens renewed during the soak: ${r.renewals} renewals in ${r.seconds} s`);
  assert.deepEqual(r.apiErrors, [], 'API calls failed during the soak');
});
