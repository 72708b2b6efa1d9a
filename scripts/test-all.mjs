#!/usr/bin/env node
// `npm test`: every suite, one after another, then a per-suite table and as the LAST line `N passed, N failed`.
//   node     node --test over test/server/**/*.test.mjs and test/security/**/*.test.mjs
//   browser  web-test-runner (web-test-runner.config.mjs: test/core, test/components in Chromium)
//   e2e      node --test over test/e2e/**/*.test.mjs (runs `npm run build` first when dist/ is missing)
//   faults   node --test over test/faults/**/*.test.mjs (same build requirement)
//   build    node --test over test/build/**/*.test.mjs (same build requirement)
//   stories  node --test over test/stories/**/*.test.mjs (runs `npm run build-storybook` first when
//            storybook-static/ is missing or older than src/, stories/ or .storybook/)
// Options: --only <name>[,<name>...] runs just those suites; --parallel runs two lanes at once (see below; .ci/run
// uses it). Exit code 1 when anything failed.
// Counting: node:test suites through a TAP reporter written to a temp file (`# pass N`, `# fail N`,
// cancelled counts as failed); web-test-runner from its summary line `N passed, N failed`. A runner that exits
// non-zero without reporting a failure counts as one failure, so a crash can never look green.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = ['node', 'browser', 'e2e', 'faults', 'build', 'stories'];
const GROUP_TIMEOUT_MS = Number(process.env.TEST_SUITE_TIMEOUT_MS ?? 15 * 60_000);

const argv = process.argv.slice(2);
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : argv.find((a) => a.startsWith('--only='))?.slice(7);
const only = onlyArg ? onlyArg.split(',').map((s) => s.trim()).filter(Boolean) : null;
if (only) {
  const bad = only.filter((s) => !SUITES.includes(s));
  if (bad.length) { console.error(`test-all: unknown suite(s) ${bad.join(', ')}; choose from ${SUITES.join(', ')}`); process.exit(2); }
}
const wanted = (s) => !only || only.includes(s);

/**
 * The browser every browser suite uses: CHROME_PATH, else Debian's /usr/bin/chromium. On a fresh machine with
 * neither, root installs Debian's chromium with apt-get (never a browser download of a test tool's own);
 * anyone else is told the command. Returns the path.
 */
function ensureChromium() {
  const find = () => [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  let found = find();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error('test-all: no Chromium found. Install one (Debian: `sudo apt-get install -y chromium`) or set CHROME_PATH.');
    process.exit(1);
  }
  console.log('test-all: no Chromium found: installing Debian\'s chromium with apt-get');
  const apt = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt(['update', '-q']).status !== 0 || apt(['install', '-y', '-q', '--no-install-recommends', 'chromium']).status !== 0 || !(found = find())) {
    console.error('test-all: apt-get could not install chromium; install it yourself or set CHROME_PATH.');
    process.exit(1);
  }
  return found;
}
const needsBrowser = !only || only.some((s) => s !== 'build');
if (needsBrowser) process.env.CHROME_PATH = ensureChromium();

const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
const tmp = mkdtempSync(join(tmpdir(), 'es-test-all-'));

/** All files under `dir` (relative to root) ending with `suffix`, sorted. */
function findTests(dir, suffix = '.test.mjs') {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .map(String).filter((f) => f.endsWith(suffix) && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => relative(root, join(abs, f))).sort();
}

function newest(paths) {
  let t = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) { for (const e of readdirSync(p)) if (e !== 'node_modules') walk(join(p, e)); } else if (st.mtimeMs > t) t = st.mtimeMs;
  };
  paths.forEach((p) => walk(join(root, p)));
  return t;
}

/** Where a suite's output goes: straight to the terminal, or into a buffer printed when its lane ends. */
const direct = { out: (d) => process.stdout.write(d), err: (d) => process.stderr.write(d) };
function bufferedWriter() {
  const chunks = [];
  return { out: (d) => chunks.push(String(d)), err: (d) => chunks.push(String(d)), flush: () => process.stdout.write(chunks.join('')) };
}

/** Runs a command, streaming its output to `w`; resolves { code, output, timedOut }. */
function run(cmd, args, { label, w = direct } = {}) {
  return new Promise((resolveRun) => {
    w.out(`\n$ ${[cmd === process.execPath ? 'node' : cmd, ...args].join(' ')}${label ? `   # ${label}` : ''}\n`);
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let output = '';
    child.stdout.on('data', (d) => { output += d; w.out(d); });
    child.stderr.on('data', (d) => { output += d; w.err(d); });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      w.err(`test-all: ${label ?? cmd} exceeded ${GROUP_TIMEOUT_MS / 1000} s; stopping it\n`);
      try { process.kill(-child.pid, 'SIGTERM'); } catch { child.kill('SIGTERM'); }
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000).unref();
    }, GROUP_TIMEOUT_MS);
    child.on('close', (code, signal) => { clearTimeout(timer); resolveRun({ code: code ?? (signal ? 1 : 0), output, timedOut }); });
    child.on('error', (e) => { clearTimeout(timer); output += String(e); resolveRun({ code: 1, output, timedOut }); });
  });
}

/** node --test over `files`; counts from a TAP file. */
async function nodeSuite(name, files, w = direct, concurrency = 1) {
  if (!files.length) return { name, passed: 0, failed: 0, skipped: 0, note: 'no test files' };
  const tap = join(tmp, `${name}.tap`);
  const r = await run(process.execPath, ['--test', `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], { label: `${name}: ${files.length} file(s)`, w });
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const num = (k) => { const m = [...text.matchAll(new RegExp(`^# ${k} (\\d+)$`, 'gm'))].pop(); return m ? Number(m[1]) : null; };
  const passed = num('pass');
  let failed = (num('fail') ?? 0) + (num('cancelled') ?? 0);
  const skipped = (num('skipped') ?? 0) + (num('todo') ?? 0);
  let note = `${files.length} file(s)`;
  if (passed === null || (r.code !== 0 && failed === 0)) { failed += 1; note += `; runner exited ${r.code}${r.timedOut ? ' (timeout)' : ''} without reporting a failure`; }
  return { name, passed: passed ?? 0, failed, skipped, note };
}

async function browserSuite(w = direct) {
  const files = [...findTests('test/core', '.test.ts'), ...findTests('test/components', '.test.ts')];
  if (!files.length) return { name: 'browser', passed: 0, failed: 0, skipped: 0, note: 'no test files' };
  const bin = join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js');
  const r = await run(process.execPath, [bin], { label: `browser: ${files.length} file(s)`, w });
  // Summary lines look like "Chrome: |████| 12/12 test files | 87 passed, 0 failed" (skipped appended when any).
  const clean = r.output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const m = [...clean.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].pop();
  let passed = m ? Number(m[1]) : 0;
  let failed = m ? Number(m[2]) : 0;
  const skipped = m?.[3] ? Number(m[3]) : 0;
  let note = `${files.length} file(s)`;
  if (!m || (r.code !== 0 && failed === 0)) { failed += 1; note += `; web-test-runner exited ${r.code}${r.timedOut ? ' (timeout)' : ''}${m ? '' : ' without a summary'}`; }
  return { name: 'browser', passed, failed, skipped, note };
}

let buildOnce = null;
/** Runs `npm run build` (scripts/build.mjs) once when dist/ is incomplete. Resolves an error note or null. */
function ensureBuild(w = direct) {
  buildOnce ??= (async () => {
    const needed = ['dist/npm/index.js', 'dist/cdn/eservice-widgets.js', 'dist/cdn/meta.json', 'dist/custom-elements.json'];
    if (needed.every((f) => existsSync(join(root, f)))) return null;
    const r = await run(process.execPath, [join(root, 'scripts', 'build.mjs')], { label: 'dist/ missing: npm run build', w });
    return r.code === 0 ? null : `npm run build failed (exit ${r.code})`;
  })();
  return buildOnce;
}

async function storiesSuite(w = direct) {
  const files = findTests('test/stories');
  if (!files.length) return { name: 'stories', passed: 0, failed: 0, skipped: 0, note: 'no test files' };
  const index = join(root, 'storybook-static', 'index.json');
  const stale = !existsSync(index) || statSync(index).mtimeMs < newest(['src', 'stories', '.storybook']);
  if (stale) {
    const bin = join(root, 'node_modules', 'storybook', 'dist', 'bin', 'dispatcher.js');
    const cli = existsSync(bin) ? [bin] : [join(root, 'node_modules', '.bin', 'storybook')];
    const r = await run(process.execPath, [...cli, 'build', '-o', 'storybook-static', '--quiet', '--disable-telemetry'], { label: 'storybook-static missing or stale: build-storybook', w });
    if (r.code !== 0) return { name: 'stories', passed: 0, failed: 1, skipped: 0, note: `build-storybook failed (exit ${r.code})` };
  }
  // The story files (one per globals variant) each drive their own browser: run them side by side.
  return nodeSuite('stories', files, w, Math.min(files.length, 2));
}

async function runSuite(suite, w) {
  const t = Date.now();
  let res;
  if (suite === 'node') res = await nodeSuite('node', [...findTests('test/server'), ...findTests('test/security')], w);
  else if (suite === 'browser') res = await browserSuite(w);
  else if (suite === 'stories') res = await storiesSuite(w);
  else {
    const files = findTests(`test/${suite}`);
    const buildErr = files.length ? await ensureBuild(w) : null;
    res = buildErr ? { name: suite, passed: 0, failed: 1, skipped: 0, note: buildErr } : await nodeSuite(suite, files, w);
  }
  res.seconds = (Date.now() - t) / 1000;
  return res;
}

// --parallel (or TEST_PARALLEL=1): two lanes at once. Lane A holds the suites that start the reference stack on
// its fixed ports (node, e2e, faults) and runs them one by one; lane B (browser, build, stories) only uses
// in-process servers on free ports. Lane B's output is printed as one block when it ends.
const parallel = argv.includes('--parallel') || process.env.TEST_PARALLEL === '1';
const LANE_A = ['node', 'e2e', 'faults'];
const t0 = Date.now();
const results = [];
if (parallel) {
  const laneB = bufferedWriter();
  const runLane = async (names, w) => { const out = []; for (const n of names) if (wanted(n)) out.push(await runSuite(n, w)); return out; };
  const [a, b] = await Promise.all([
    runLane(LANE_A, direct),
    runLane(SUITES.filter((x) => !LANE_A.includes(x)), laneB),
  ]);
  process.stdout.write('\n--- browser / build / stories (ran in parallel with the suites above) ---\n');
  laneB.flush();
  const byName = Object.fromEntries([...a, ...b].map((r) => [r.name, r]));
  for (const n of SUITES) if (byName[n]) results.push(byName[n]);
} else {
  for (const suite of SUITES) if (wanted(suite)) results.push(await runSuite(suite, direct));
}
rmSync(tmp, { recursive: true, force: true });

const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
const rows = [['suite', 'passed', 'failed', 'skipped', 'time', 'notes'],
  ...results.map((r) => [r.name, String(r.passed), String(r.failed), String(r.skipped), `${r.seconds.toFixed(0)} s`, r.note ?? '']),
  ['total', String(total.passed), String(total.failed), String(total.skipped), `${((Date.now() - t0) / 1000).toFixed(0)} s`, '']];
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log('\n' + rows.map((r, j) => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd() +
  (j === 0 ? `\n${w.map((n) => '-'.repeat(n)).join('  ')}` : '')).join('\n'));
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed > 0 ? 1 : 0;
