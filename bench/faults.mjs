// The fault suite as a bench part: `npm run bench -- --faults 1000` runs 1000 trials (default 200) and a soak of
// --soak SECONDS (default 300) with 30-second access tokens, each on its own stack (demo seed).
import { missingPieces, startBrowserStack } from '../test/e2e/helpers/stack.mjs';
import { faultPages, runFaultTrials } from '../test/faults/lib/fault-runner.mjs';
import { runSoak, soakPages } from '../test/faults/lib/soak.mjs';

export async function run(ctx) {
  const missing = missingPieces();
  const trials = ctx.args.faults ?? (ctx.args.quick ? 40 : 200);
  const soakSeconds = ctx.args.soak ?? (ctx.args.quick ? 60 : 300);
  if (missing) {
    return { figures: [
      { section: 'faults', name: 'lost drafts', value: null, unit: 'count', budget: 0, skipped: `missing: ${missing.join(', ')}` },
      { section: 'faults', name: 'forced sign-outs (soak)', value: null, unit: 'count', budget: 0, skipped: `missing: ${missing.join(', ')}` },
    ] };
  }
  const browser = await ctx.browser();
  const log = (s) => console.log(`  ${s}`);
  const [faults, soak] = await Promise.all([
    (async () => {
      const stack = await startBrowserStack({ seed: 'demo', generatePages: faultPages });
      try { return await runFaultTrials({ stack, browser, trials, log }); } finally { await stack.cleanup(); }
    })(),
    (async () => {
      const stack = await startBrowserStack({ seed: 'demo', accessTokenTtl: 30, generatePages: soakPages });
      try { return await runSoak({ stack, browser, seconds: soakSeconds, log }); } finally { await stack.cleanup(); }
    })(),
  ]);
  const byFault = Object.entries(faults.byFault).map(([f, v]) => `${f} ${v.trials}`).join(', ');
  return {
    figures: [
      { section: 'faults', name: `trials (${faults.cases} case submits, ${faults.comments} comments)`, value: faults.trials, unit: 'count', note: `${faults.seconds} s; ${byFault}` },
      { section: 'faults', name: 'lost drafts', value: faults.lost, unit: 'count', budget: 0 },
      { section: 'faults', name: 'duplicate cases or comments', value: faults.duplicates, unit: 'count', budget: 0 },
      { section: 'faults', name: 'submissions never accepted', value: faults.missing, unit: 'count', budget: 0, note: faults.problems.slice(0, 2).join('; ') },
      { section: 'faults', name: `soak ${soak.seconds} s, 30 s tokens: forced sign-outs`, value: soak.signOuts + soak.unauthorized, unit: 'count', budget: 0, note: `${soak.apiCalls} API calls, ${soak.renewals} renewals, ${soak.apiErrors.length} API errors, final ${soak.finalStatus}` },
    ],
    raw: { faults, soak },
  };
}
