// Starts the whole reference stack in one process: identity provider, support API and one demo page server per
// portal origin, all on one SQLite database under dataDir.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase } from './db.mjs';
import { migrateIdp, countAccounts } from './idp/accounts.mjs';
import { createOutbox } from './outbox.mjs';
import { createIdentityProvider, forgotPasswordPath, accountPath } from './idp/provider.mjs';
import { createPagesServer } from './pages-server.mjs';
import { seedDemoAccounts } from './idp/demo-accounts.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '../..');
export const API_SERVER_FILE = join(here, 'api', 'server.mjs');
export const SEED_FILE = join(here, 'seed', 'seed.mjs');
export const PAGES_DIR = join(repoRoot, 'demo', 'pages');
export const DIST_DIR = join(repoRoot, 'dist');

/** Client ids of the portal origins, in order: portal-a, portal-b, portal-c, ... */
export function portalClientId(index) {
  return `portal-${String.fromCharCode(97 + index)}`;
}

function envInt(env, name) {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${v}"`);
  return n;
}

/** Stack options from ES_* environment variables (only the ones set). */
export function optionsFromEnv(env = process.env) {
  const o = {};
  if (env.ES_DATA_DIR) o.dataDir = env.ES_DATA_DIR;
  if (envInt(env, 'ES_IDP_PORT') !== undefined) o.idpPort = envInt(env, 'ES_IDP_PORT');
  if (envInt(env, 'ES_API_PORT') !== undefined) o.apiPort = envInt(env, 'ES_API_PORT');
  if (env.ES_PORTAL_PORTS) {
    o.portalPorts = env.ES_PORTAL_PORTS.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`ES_PORTAL_PORTS must be a comma list of ports, got "${env.ES_PORTAL_PORTS}"`);
      return n;
    });
  }
  if (envInt(env, 'ES_ACCESS_TOKEN_TTL') !== undefined) o.accessTokenTtl = envInt(env, 'ES_ACCESS_TOKEN_TTL');
  if (env.ES_HOST) o.host = env.ES_HOST;
  return o;
}

/**
 * URL paths of the HTML pages under a folder (two levels deep): `/portal.html`, `/react/index.html`, `/react/`.
 * They become redirect URIs of every portal client.
 */
export function listPagePaths(dir, prefix = '/', depth = 0) {
  const out = [];
  let entries = [];
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    if (e.isFile() && e.name.endsWith('.html')) {
      out.push(`${prefix}${e.name}`);
      if (e.name === 'index.html' && prefix !== '/') out.push(prefix);
    } else if (e.isDirectory() && depth < 1) {
      out.push(...listPagePaths(join(dir, e.name), `${prefix}${e.name}/`, depth + 1));
    }
  }
  return out.slice(0, 500);
}

async function importIfPresent(file) {
  if (!existsSync(file)) return null;
  return import(pathToFileURL(file).href);
}

/**
 * @param {{
 *   dataDir?: string, idpPort?: number, apiPort?: number, portalPorts?: number[], host?: string,
 *   accessTokenTtl?: number, seed?: 'demo' | 'none' | { cases?: number, articles?: number }, quiet?: boolean,
 *   pagesDir?: string, distDir?: string,
 * }} [options]
 */
export async function startStack(options = {}) {
  const env = optionsFromEnv();
  const {
    dataDir = env.dataDir ?? '.data',
    idpPort = env.idpPort ?? 4100,
    apiPort = env.apiPort ?? 4200,
    portalPorts = env.portalPorts ?? [8080, 8081],
    host = env.host ?? 'localhost',
    accessTokenTtl = env.accessTokenTtl ?? 300,
    seed = 'demo',
    quiet = false,
    pagesDir = PAGES_DIR,
    distDir = DIST_DIR,
  } = options;
  const log = quiet ? () => {} : (...a) => console.log(...a);

  const issuer = `http://${host}:${idpPort}`;
  const apiOrigin = `http://${host}:${apiPort}`;
  const resource = `${apiOrigin}/api/v1`;
  const portalOrigins = portalPorts.map((p) => `http://${host}:${p}`);
  const clients = portalOrigins.map((origin, i) => ({ client_id: portalClientId(i), origin }));

  const db = openDatabase(join(resolve(dataDir), 'eservice.sqlite'));
  const closers = [];
  const close = async () => {
    while (closers.length) {
      const fn = closers.pop();
      try { await fn(); } catch (err) { if (!quiet) console.error('[stack] close:', err); }
    }
  };
  closers.push(() => db.close());

  try {
    migrateIdp(db);
    const outbox = createOutbox(db);

    // Every page in demo/pages can be a redirect target, on top of the fixed PORTAL_PAGE_PATHS.
    const pagePaths = listPagePaths(pagesDir);

    const idp = createIdentityProvider({ db, outbox, issuer, clients, resource, accessTokenTtl, pagePaths, quiet });
    await idp.listen(idpPort, host);
    closers.push(() => idp.close());

    let api = null;
    const apiModule = await importIfPresent(API_SERVER_FILE);
    if (apiModule?.createApiServer) {
      api = await apiModule.createApiServer({
        db, outbox, issuer, audience: resource, corsOrigins: portalOrigins, dataDir: resolve(dataDir), quiet,
        portalUrl: portalOrigins[0],
      });
      await api.listen({ port: apiPort, host });
      closers.push(() => api.close());
    } else {
      log(`[stack] ${API_SERVER_FILE} not found: the support API is not started`);
    }

    let seeded = false;
    if (seed !== 'none' && countAccounts(db) === 0) {
      const seedModule = await importIfPresent(SEED_FILE);
      if (seedModule?.seedDatabase) {
        const size = seed === 'demo' ? 'demo' : seed;
        await seedModule.seedDatabase(db, { outbox, issuer, size });
      } else {
        log('[stack] seed module not found: creating the demo Business Accounts only');
        seedDemoAccounts(db);
      }
      seeded = true;
    }

    const pages = [];
    for (const [i, port] of portalPorts.entries()) {
      const server = createPagesServer({
        root: pagesDir, distDir, port, host, outbox,
        config: {
          apiUrl: resource, authority: issuer, clientId: portalClientId(i), resource,
          forgotPasswordUrl: `${issuer}${forgotPasswordPath}`, accountUrl: `${issuer}${accountPath}`, portals: portalOrigins,
        },
      });
      await server.listen(port, host);
      closers.push(() => server.close());
      pages.push(server);
    }

    return {
      urls: { idp: issuer, api: apiOrigin, apiBase: resource, portals: portalOrigins },
      clients,
      resource,
      issuer,
      dataDir: resolve(dataDir),
      seeded,
      db,
      outbox,
      idp,
      api,
      pages,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
