// The reference stack for browser suites (security, faults, bench): free ports, a temporary data folder, and a
// temporary pages folder = demo/pages + the suite's own pages, so the suite's pages are served on a registered
// portal origin (CORS of the API, redirect URIs of the provider) next to /dist and /config.json.
// Placeholders in the suite's .html files are filled in for portal 0 (client portal-a):
//   {{API_URL}} {{AUTHORITY}} {{CLIENT_ID}} {{RESOURCE}} {{ORIGIN}}
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const CDN_ENTRY = join(REPO_ROOT, 'dist', 'cdn', 'eservice-widgets.js');

/**
 * Why a browser suite cannot run yet, or null when every piece it needs exists.
 * @param {{ api?: boolean, dist?: boolean, files?: string[] }} [o] files: more repo-relative files the suite needs
 *   (build outputs such as 'dist/demo/react.js').
 */
export function missingPieces({ api = true, dist = true, files = [] } = {}) {
  const missing = [];
  if (!existsSync(join(REPO_ROOT, 'demo/server/stack.mjs'))) missing.push('demo/server/stack.mjs (startStack)');
  if (!existsSync(join(REPO_ROOT, 'test/server/helpers/start-stack.mjs'))) missing.push('test/server/helpers/start-stack.mjs');
  if (api && !existsSync(join(REPO_ROOT, 'demo/server/api/server.mjs'))) missing.push('demo/server/api/server.mjs (createApiServer)');
  if (api && !existsSync(join(REPO_ROOT, 'demo/server/seed/seed.mjs'))) missing.push('demo/server/seed/seed.mjs (seedDatabase)');
  if (dist && !existsSync(CDN_ENTRY)) missing.push('dist/cdn/eservice-widgets.js (run `npm run build`)');
  for (const f of files) if (!existsSync(join(REPO_ROOT, f))) missing.push(`${f}${f.startsWith('dist/') ? ' (run `npm run build`)' : ''}`);
  return missing.length ? missing : null;
}

/**
 * A private snapshot of dist/ for one stack, so a `npm run build` running at the same time (it empties and
 * rewrites dist/) cannot pull files from under a test. Retries until the copy is complete (every chunk that
 * dist/cdn/meta.json names is there, and every file of `files`, paths relative to dist/). Delete it with
 * removeDistSnapshot().
 * @param {{ files?: string[] }} [o]
 */
export async function snapshotDist({ files = [] } = {}) {
  const src = join(REPO_ROOT, 'dist');
  const dst = mkdtempSync(join(tmpdir(), 'es-dist-'));
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      rmSync(dst, { recursive: true, force: true });
      cpSync(src, dst, { recursive: true });
      const meta = JSON.parse(readFileSync(join(dst, 'cdn', 'meta.json'), 'utf8'));
      const complete = Object.keys(meta.chunks).every((f) => existsSync(join(dst, 'cdn', f))) &&
        files.every((f) => existsSync(join(dst, f)));
      if (complete) return dst;
    } catch { /* a build is rewriting dist/: try again */ }
    await new Promise((r) => setTimeout(r, 2000));
  }
  rmSync(dst, { recursive: true, force: true });
  throw new Error('dist/ stayed incomplete for 20 s (is a build failing?)');
}

/** Deletes a snapshot made by snapshotDist() (never dist/ itself). */
export function removeDistSnapshot(dir) {
  if (dir && resolve(dir) !== join(REPO_ROOT, 'dist')) rmSync(dir, { recursive: true, force: true });
}

/** Copies `from` into `to`, filling the placeholders of .html files. */
function copyPages(from, to, vars) {
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) { mkdirSync(dst, { recursive: true }); copyPages(src, dst, vars); continue; }
    if (name.endsWith('.html')) {
      let text = readFileSync(src, 'utf8');
      for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{{${k}}}`, v);
      writeFileSync(dst, text);
    } else {
      cpSync(src, dst);
    }
  }
}

/**
 * Starts the stack for a browser suite.
 * @param {{ pages?: string[], seed?: any, accessTokenTtl?: number, portalCount?: number,
 *           generatePages?: (vars: Record<string,string>) => Record<string,string> }} [o]
 *   pages: folders whose files are added to the pages folder; generatePages: extra files (name → html) built
 *   from the stack's URLs.
 */
export async function startBrowserStack(o = {}) {
  const { startTestStack, freePort } = await import('../../server/helpers/start-stack.mjs');
  const idpPort = await freePort();
  const apiPort = await freePort();
  const portalPorts = [];
  for (let i = 0; i < (o.portalCount ?? 2); i++) portalPorts.push(await freePort());
  const host = 'localhost';
  const vars = {
    API_URL: `http://${host}:${apiPort}/api/v1`,
    AUTHORITY: `http://${host}:${idpPort}`,
    CLIENT_ID: 'portal-a',
    RESOURCE: `http://${host}:${apiPort}/api/v1`,
    ORIGIN: `http://${host}:${portalPorts[0]}`,
  };
  const pagesDir = mkdtempSync(join(tmpdir(), 'es-pages-'));
  copyPages(join(REPO_ROOT, 'demo', 'pages'), pagesDir, vars);
  for (const dir of o.pages ?? []) copyPages(dir, pagesDir, vars);
  for (const [name, html] of Object.entries(o.generatePages?.(vars) ?? {})) writeFileSync(join(pagesDir, name), html);

  const distDir = existsSync(join(REPO_ROOT, 'dist', 'cdn', 'meta.json')) ? await snapshotDist() : join(REPO_ROOT, 'dist');
  const stack = await startTestStack({
    idpPort, apiPort, portalPorts, pagesDir, distDir,
    seed: o.seed ?? 'demo', accessTokenTtl: o.accessTokenTtl, quiet: true,
  });
  const origin = stack.urls.portals[0];
  return {
    ...stack,
    vars,
    pagesDir,
    distDir,
    origin,
    /** URL of a page on portal 0. */
    page: (name) => `${origin}/${name.replace(/^\//, '')}`,
    /**
     * Fills more {{PLACEHOLDERS}} of a served page once the data exists (e.g. {{CASE_ID}} after seeding). The
     * pages server reads files on each request; the redirect URI was registered when the stack started. (Pages
     * must not be rewritten with page.route().fulfill: Chromium then treats the document as non-local and blocks
     * its requests to the loopback API.)
     */
    fillPage(name, more) {
      const file = join(pagesDir, name);
      let text = readFileSync(file, 'utf8');
      for (const [k, v] of Object.entries(more)) text = text.replaceAll(`{{${k}}}`, v);
      writeFileSync(file, text);
    },
    async cleanup() {
      await stack.cleanup();
      rmSync(pagesDir, { recursive: true, force: true });
      removeDistSnapshot(distDir);
    },
  };
}

/** HTML of a page with one <es-provider> around `inner`, the SDK loaded by one module script after a mark. */
export function providerPage(vars, inner, { title = 'eService Widgets', head = '', redirect } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
${head}
<script>performance.mark('es-start')</script>
<script type="module" src="/dist/cdn/eservice-widgets.js"></script>
</head>
<body>
<es-provider api-url="${vars.API_URL}" authority="${vars.AUTHORITY}" client-id="${vars.CLIENT_ID}" resource="${vars.RESOURCE}"${redirect ? ` redirect-uri="${vars.ORIGIN}/${redirect}"` : ''}>
${inner}
</es-provider>
</body>
</html>
`;
}
