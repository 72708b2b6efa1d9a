#!/usr/bin/env node
// `npm start`: builds the SDK when needed, starts the identity provider, the support API and the demo page
// servers, seeds an empty database, prints the URLs and the demo sign-in, and stops everything on Ctrl-C.
// Options: --no-build. Environment: ES_DATA_DIR, ES_IDP_PORT, ES_API_PORT, ES_PORTAL_PORTS, ES_ACCESS_TOKEN_TTL.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack, listPagePaths, PAGES_DIR } from './server/stack.mjs';
import { DEMO_PASSWORD } from './server/idp/demo-accounts.mjs';
import { forgotPasswordPath } from './server/idp/provider.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

function newestMtime(dir) {
  let newest = 0;
  let entries = [];
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return 0; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile()) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const cdn = join(root, 'dist', 'cdn');
  if (!existsSync(cdn)) return true;
  return newestMtime(join(root, 'src')) > newestMtime(cdn);
}

if (!args.has('--no-build') && needsBuild()) {
  console.log('Building the SDK (npm run build)... (skip with --no-build)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The build failed; the stack starts anyway, but pages that load /dist/ will not work.');
  }
}

let stack;
try {
  stack = await startStack({ dataDir: process.env.ES_DATA_DIR ?? join(root, '.data') });
} catch (err) {
  console.error(`Could not start the stack: ${err.message}`);
  if (err.code === 'EADDRINUSE') console.error('A port is in use. Set ES_IDP_PORT, ES_API_PORT or ES_PORTAL_PORTS to other ports.');
  process.exit(1);
}

const [portal] = stack.urls.portals;
const demoPages = listPagePaths(PAGES_DIR).filter((p) => !/^\/(outbox|admin)\.html$/.test(p)).sort();
console.log(`
eService Widgets reference stack is running${stack.seeded ? ' (database seeded)' : ''}

  Identity provider   ${stack.urls.idp}   (forgot password: ${stack.urls.idp}${forgotPasswordPath})
  Support API         ${stack.urls.api}/api/v1${stack.api ? '' : '   (NOT started: demo/server/api/server.mjs missing)'}
${stack.urls.portals.map((u, i) => `  Portal ${String.fromCharCode(65 + i)} (${stack.clients[i].client_id})  ${u}/`).join('\n')}

  Demo pages          ${demoPages.map((p) => `${portal}${p}`).join('\n                      ')}
  Outbox (emails)     ${portal}/outbox.html
  Admin page          ${portal}/admin.html

  Sign in as          anna.virtanen@nordicbank.example  /  ${DEMO_PASSWORD}
  Username != email   jsmith  /  ${DEMO_PASSWORD}   (john.smith@fabrikam.example)
  Pending access      pekka.pending@nordicbank.example  /  ${DEMO_PASSWORD}

  Data folder         ${stack.dataDir}
Press Ctrl-C to stop.
`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping...`);
  const timer = setTimeout(() => process.exit(1), 5000);
  timer.unref();
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
