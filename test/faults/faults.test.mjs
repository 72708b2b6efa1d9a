// Fault suite: random faults during case submit (es-case-form) and comment posting (es-case-detail) against the
// real stack — aborted requests, lost responses, 500, 503 with Retry-After, a request held past the client
// timeout, offline, a reload mid-submit (lib/fault-runner.mjs). After each fault the user retries until the
// submission is accepted. Expectation: 0 lost drafts, 0 duplicate cases or comments, 0 never accepted.
// Trials: ES_FAULT_TRIALS (default 200, half cases, half comments, run in two pages at once); seed ES_FAULT_SEED.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { missingPieces, startBrowserStack } from '../e2e/helpers/stack.mjs';
import { launchBrowser } from '../e2e/helpers/browser.mjs';
import { faultPages, runFaultTrials } from './lib/fault-runner.mjs';

const missing = missingPieces();
const skip = missing ? `missing: ${missing.join(', ')}` : false;
const TRIALS = Number(process.env.ES_FAULT_TRIALS ?? 200);
const SEED = Number(process.env.ES_FAULT_SEED ?? 20261125);

let stack; let browser;

before(async () => {
  if (missing) return;
  stack = await startBrowserStack({ seed: 'demo', generatePages: faultPages });
  browser = await launchBrowser();
});

after(async () => {
  if (missing) console.log(`# fault suite SKIPPED: ${skip}`);
  await browser?.close();
  await stack?.cleanup();
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
  // Every fault kind was exercised at least once (a schedule that skipped one would prove nothing about it).
  for (const f of ['abort', 'lost-response', '500', '503', 'offline', 'reload', 'timeout']) {
    if (TRIALS >= 50) assert.ok(r.byFault[f]?.trials > 0, `fault ${f} was tried`);
  }
});
