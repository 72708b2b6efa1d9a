// The setup every end-to-end file shares: the reference stack on free ports (startTestStack) serving a private
// snapshot of dist/, and one headless Chromium, started in node:test `before` hooks and stopped in `after` hooks.
//
//   const env = useStack({ seed: 'demo', accessTokenTtl: 30 });
//   test('...', { skip: env.skip }, async () => { const page = await env.browser.newPage(); ... env.stack.db ... });
//
// Work that needs the started stack before the tests (e.g. listening to provider events) goes in `onStart`, not in
// a second top-level before(): Node 20 runs a top-level before() as soon as it is registered, so two of them run at
// the same time and the second would not see the stack yet.
//
// The CI rule: when a piece is missing (the build, a server module, Chromium is checked at launch), a local run
// SKIPS the file's tests with the reason; with CI set (CI builds first) the file FAILS with that reason.
import { before, after } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { missingPieces, removeDistSnapshot, snapshotDist } from './stack.mjs';

/**
 * Registers the before/after hooks of one test file and returns the object they fill in.
 * @param {{ seed?: any, accessTokenTtl?: number, portalCount?: number, files?: string[],
 *           onStart?: (env: { stack: any, browser: import('playwright-core').Browser, origin: string }) => unknown }} [o]
 *   seed: passed to the stack ('demo' by default, or e.g. { cases: 10000 }); accessTokenTtl: seconds;
 *   portalCount: portal origins (2 by default); files: more repo-relative files the suite needs
 *   (e.g. 'dist/demo/react.js'), checked before the run and again in the dist/ snapshot; onStart: called (and
 *   awaited) in `before` once the stack is up, before the browser starts.
 * @returns {{ skip: string | false, stack: any, browser: import('playwright-core').Browser, origin: string,
 *             distDir: string }} stack, browser, origin (portal 0) and distDir are set in `before`.
 */
export function useStack(o = {}) {
  // meta.json: the snapshot checks that every chunk it names was copied.
  const files = ['dist/cdn/meta.json', ...(o.files ?? [])];
  const missing = missingPieces({ files });
  // Locally a missing piece skips with the reason; in CI (which builds first) it fails.
  if (missing && process.env.CI) throw new Error(`e2e needs ${missing.join(', ')}`);
  const env = {
    skip: missing ? `needs ${missing.join(', ')}` : false,
    stack: undefined,
    browser: undefined,
    origin: undefined,
    distDir: undefined,
  };

  before(async () => {
    if (env.skip) return;
    const { startTestStack } = await import('../../server/helpers/start-stack.mjs');
    env.distDir = await snapshotDist({
      files: files.filter((f) => f.startsWith('dist/')).map((f) => f.slice('dist/'.length)),
    });
    const options = { seed: o.seed ?? 'demo', distDir: env.distDir };
    if (o.accessTokenTtl !== undefined) options.accessTokenTtl = o.accessTokenTtl;
    if (o.portalCount !== undefined) options.portalCount = o.portalCount;
    env.stack = await startTestStack(options);
    env.origin = env.stack.urls.portals[0];
    await o.onStart?.(env);
    env.browser = await launchBrowser();
  });

  after(async () => {
    await env.browser?.close();
    await env.stack?.cleanup();
    removeDistSnapshot(env.distDir);
  });

  return env;
}
