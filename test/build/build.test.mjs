// Build output checks (node:test). Needs `npm run build` first; every test skips with a message when dist/ is
// missing. The browser tests serve dist/cdn from a nested path with a tiny static server and watch requests with
// playwright-core in the system Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElements } from '../../scripts/gen-entries.mjs';
import { closure, readMeta, tagChunks } from '../../scripts/size-lib.mjs';
import { serveStatic } from '../e2e/helpers/static-server.mjs';
import { chromiumPath, launchBrowser, watchPage } from '../e2e/helpers/browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const cdn = join(dist, 'cdn');
const built = existsSync(join(cdn, 'meta.json')) && existsSync(join(dist, 'npm', 'index.js')) && existsSync(join(dist, 'custom-elements.json'));
const SKIP_BUILD = built ? false : 'dist/ is missing: run `npm run build` first (npm test builds it when needed)';
const SKIP_BROWSER = SKIP_BUILD || (chromiumPath() ? false : 'no Chromium (set CHROME_PATH or apt-get install chromium)');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const elements = findElements();
const meta = built ? readMeta(cdn) : null;

/** Packages whose code is in a CDN file, from its source map (authoritative) and code signatures. */
function packagesIn(file) {
  const map = JSON.parse(readFileSync(join(cdn, `${file}.map`), 'utf8'));
  const code = readFileSync(join(cdn, file), 'utf8');
  const found = new Set();
  for (const s of map.sources) {
    if (s.includes('node_modules/oidc-client-ts/')) found.add('oidc-client-ts');
    if (s.includes('node_modules/dompurify/')) found.add('dompurify');
  }
  if (code.includes('JsonService') || code.includes('code_verifier')) found.add('oidc-client-ts');
  if (code.includes('uponSanitizeElement') || code.includes('DOMPurify')) found.add('dompurify');
  return found;
}

test('the manifest lists es-provider and every element that exists', { skip: SKIP_BUILD }, () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName));
  assert.ok(tags.includes('es-provider'), `es-provider missing from custom-elements.json (has: ${tags.join(', ')})`);
  for (const e of elements) assert.ok(tags.includes(e.tag), `${e.tag} missing from custom-elements.json`);
  // Every element has a summary and its attributes documented (what Storybook's docs page shows).
  for (const m of manifest.modules) {
    for (const d of (m.declarations ?? []).filter((x) => x.customElement)) {
      assert.ok(d.summary || d.description, `${d.tagName} has no @summary / description`);
    }
  }
});

test('every package.json exports target exists', { skip: SKIP_BUILD }, () => {
  const targets = [];
  const walk = (key, v) => {
    if (typeof v === 'string') targets.push([key, v]);
    else for (const x of Object.values(v)) walk(key, x);
  };
  for (const [k, v] of Object.entries(pkg.exports)) walk(k, v);
  assert.ok(targets.length >= 6);
  for (const [key, target] of targets) {
    if (!target.includes('*')) { assert.ok(existsSync(join(root, target)), `exports["${key}"] -> ${target} does not exist`); continue; }
    // Pattern: every element's define module (and its declaration) must be reachable through it.
    const subs = key.startsWith('./components/') ? elements.flatMap((e) => [`${e.name}/define`, `${e.name}/${e.name}`])
      : key.startsWith('./react/') ? elements.map((e) => e.name)
        : key === './cdn/*' ? ['eservice-widgets.js', 'define.js'] : [];
    assert.ok(subs.length, `no sample paths for pattern ${key}`);
    for (const s of subs) {
      const file = target.replace('*', key === './cdn/*' ? s : s.replace(/\.js$/, ''));
      assert.ok(existsSync(join(root, file)), `exports["${key}"] -> ${file} does not exist`);
    }
  }
  for (const f of [pkg.main, pkg.module, pkg.types, pkg.customElements]) assert.ok(existsSync(join(root, f)), `${f} does not exist`);
});

test('the npm build keeps dependencies external and src/index.js has no registration side effect', { skip: SKIP_BUILD }, () => {
  const files = readdirSync(join(dist, 'npm'), { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
  for (const f of files) {
    const text = readFileSync(join(dist, 'npm', f), 'utf8');
    assert.ok(!/node_modules/.test(text.replace(/\/\/# sourceMappingURL=.*$/m, '')), `${f} references node_modules`);
  }
  const index = readFileSync(join(dist, 'npm', 'index.js'), 'utf8');
  const imports = [...index.matchAll(/^(?:import|export)[^;]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]);
  assert.ok(imports.length > 5, 'index.js re-exports nothing?');
  for (const spec of imports) assert.ok(!/define\.js$|loader\.js$/.test(spec), `index.js imports ${spec} (a registration side effect)`);
  const define = readFileSync(join(dist, 'npm', 'define.js'), 'utf8');
  for (const e of elements) assert.ok(define.includes(`./components/${e.name}/define.js`), `define.js does not register ${e.tag}`);
});

test('the CDN entry holds neither oidc-client-ts nor dompurify, and no element loads them statically', { skip: SKIP_BUILD }, () => {
  const entryFiles = closure(meta, [meta.entry]);
  for (const f of entryFiles) {
    const found = packagesIn(f);
    assert.ok(!found.has('oidc-client-ts'), `${f} (loaded with the entry) contains oidc-client-ts code`);
    assert.ok(!found.has('dompurify'), `${f} (loaded with the entry) contains dompurify code`);
  }
  // The packages do exist somewhere (otherwise the check above proves nothing) ...
  const all = Object.keys(meta.chunks);
  assert.ok(all.some((f) => packagesIn(f).has('oidc-client-ts')), 'no chunk contains oidc-client-ts at all');
  // ... and every element's static graph is free of them: they arrive by dynamic import only when used.
  for (const [tag, file] of Object.entries(tagChunks(meta))) {
    for (const f of closure(meta, [file])) {
      const found = packagesIn(f);
      assert.ok(!found.has('oidc-client-ts'), `${tag}: ${f} in its static graph contains oidc-client-ts`);
      assert.ok(!found.has('dompurify'), `${tag}: ${f} in its static graph contains dompurify`);
    }
  }
});

test('each element is its own chunk of the CDN build', { skip: SKIP_BUILD }, () => {
  const tags = tagChunks(meta);
  for (const e of elements) assert.ok(tags[e.tag], `no chunk defines ${e.tag}`);
  const entry = meta.chunks[meta.entry];
  for (const e of elements) assert.ok(entry.dynamicImports.includes(tags[e.tag]), `the loader does not lazy-load ${e.tag}`);
});

// ---------------------------------------------------------------- in Chromium
let server; let browser;
const CDN_PATH = '/static/widgets/v0/'; // any path: chunk URLs resolve against import.meta.url
const page = (body, script = 'eservice-widgets.js') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="${CDN_PATH}${script}"></script></head><body>${body}</body></html>`;

before(async () => {
  if (SKIP_BROWSER) return;
  server = await serveStatic({
    mounts: { [CDN_PATH]: cdn },
    routes: {
      '/contact.html': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page('<es-provider api-url="/api/v1"><es-contact-card></es-contact-card></es-provider>')); },
      '/late.html': (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(page('<es-provider api-url="/api/v1" id="p"></es-provider>'));
      },
      '/define.html': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page('', 'define.js')); },
      // The demo's strict policy (demo/server/pages-server.mjs): no inline script, Trusted Types enforced.
      '/csp-contact.html': (q, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types eservice-widgets lit-html" });
        res.end(page(`<es-provider api-url="http://${q.headers.host}/api/v1"><es-contact-card></es-contact-card></es-provider>`));
      },
      '/api/v1/contacts': (_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"centres":[],"countries":[],"emergency":[],"escalation":[]}'); },
    },
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test('a page with only <es-contact-card> never fetches sign-in (oidc-client-ts) or sanitiser code',
  { skip: SKIP_BROWSER || (elements.some((e) => e.tag === 'es-contact-card') ? false : 'es-contact-card does not exist yet') }, async () => {
    const p = await browser.newPage();
    const scripts = [];
    p.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.startsWith(CDN_PATH) && u.pathname.endsWith('.js')) scripts.push(u.pathname.slice(CDN_PATH.length)); });
    await p.goto(`${server.url}/contact.html`);
    await p.waitForFunction(() => !!customElements.get('es-contact-card') && !!customElements.get('es-provider'), null, { timeout: 15000 });
    await p.waitForTimeout(500);
    assert.ok(scripts.includes('eservice-widgets.js'));
    assert.ok(scripts.includes(tagChunks(meta)['es-contact-card']), `contact card chunk not requested: ${scripts.join(', ')}`);
    for (const s of scripts) {
      const found = packagesIn(s);
      assert.ok(!found.has('oidc-client-ts'), `${s} was fetched and contains oidc-client-ts`);
      assert.ok(!found.has('dompurify'), `${s} was fetched and contains dompurify`);
    }
    await p.close();
  });

test('the loader requests every file an element needs at once (modulepreload), under a strict CSP with Trusted Types',
  { skip: SKIP_BROWSER || (elements.some((e) => e.tag === 'es-contact-card') ? false : 'es-contact-card does not exist yet') }, async () => {
    const p = await browser.newPage();
    const log = watchPage(p);
    await p.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    // Every chunk answers after DELAY: a file found only once another has arrived (a second round trip) would be
    // requested at least DELAY after the first one.
    const DELAY = 1000;
    await p.route((u) => u.pathname.startsWith(`${CDN_PATH}chunks/`), async (route) => { await new Promise((r) => setTimeout(r, DELAY)); await route.continue(); });
    const started = new Map();
    p.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.startsWith(`${CDN_PATH}chunks/`)) started.set(u.pathname.slice(CDN_PATH.length), Date.now()); });
    await p.goto(`${server.url}/csp-contact.html`);
    await p.waitForFunction(() => !!customElements.get('es-contact-card') && !!customElements.get('es-provider'), null, { timeout: 20000 });
    const expected = [...new Set([...meta.preload['es-contact-card'], ...meta.preload['es-provider']])].sort();
    assert.deepEqual([...started.keys()].sort(), expected, 'the page fetched other chunks than the two elements\' static graphs');
    const spread = Math.max(...started.values()) - Math.min(...started.values());
    assert.ok(spread < DELAY / 2, `chunk requests spread over ${spread} ms: some waited for another file (${[...started].map(([f, t]) => `${f} +${t - Math.min(...started.values())}`).join(', ')})`);
    const links = await p.evaluate(() => [...document.head.querySelectorAll('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname));
    assert.deepEqual(links.sort(), expected.map((f) => `${CDN_PATH}${f}`), 'one modulepreload link per file, resolved against the CDN path');
    await p.waitForFunction(() => (document.querySelector('es-contact-card')?.shadowRoot?.childElementCount ?? 0) > 0, null, { timeout: 10000 });
    assert.deepEqual(await p.evaluate(() => window.__violations), [], 'CSP / Trusted Types violations');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
    await p.close();
  });

test('the loader defines elements added after load, also inside shadow roots, from a nested CDN path', { skip: SKIP_BROWSER }, async () => {
  const p = await browser.newPage();
  const log = watchPage(p);
  const requested = [];
  p.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await p.goto(`${server.url}/late.html`);
  await p.waitForFunction(() => !!customElements.get('es-provider'), null, { timeout: 15000 });
  const other = elements.find((e) => e.tag !== 'es-provider' && e.tag !== 'es-portal');
  assert.ok(other, 'no second element to load');
  assert.equal(await p.evaluate((t) => !!customElements.get(t), other.tag), false, `${other.tag} loaded before it appeared`);
  await p.evaluate((t) => { document.getElementById('p').append(document.createElement(t)); }, other.tag);
  await p.waitForFunction((t) => !!customElements.get(t), other.tag, { timeout: 15000 });
  // Nested: an es-* element created inside an open shadow root of one of ours is found too.
  const third = elements.find((e) => ![other.tag, 'es-provider', 'es-portal'].includes(e.tag));
  if (third) {
    await p.evaluate((t) => {
      const host = document.getElementById('p').lastElementChild;
      host.shadowRoot.append(document.createElement(t));
    }, third.tag);
    await p.waitForFunction((t) => !!customElements.get(t), third.tag, { timeout: 15000 });
  }
  const chunkRequests = requested.filter((u) => u.includes('/chunks/'));
  assert.ok(chunkRequests.length > 0 && chunkRequests.every((u) => u.startsWith(`${CDN_PATH}chunks/`)), `chunks not loaded from the CDN path: ${chunkRequests.join(', ')}`);
  assert.deepEqual(log.pageErrors, []);
  await p.close();
});

test('define.js registers every element eagerly', { skip: SKIP_BROWSER }, async () => {
  const p = await browser.newPage();
  const log = watchPage(p);
  await p.goto(`${server.url}/define.html`);
  const tags = elements.map((e) => e.tag);
  await p.waitForFunction((ts) => ts.every((t) => !!customElements.get(t)), tags, { timeout: 15000 });
  assert.deepEqual(log.pageErrors, []);
  await p.close();
});

test('the CDN build uses Lit\'s production build (no dev mode, no process.env left)', { skip: SKIP_BUILD }, () => {
  for (const f of Object.keys(meta.chunks)) {
    const code = readFileSync(join(cdn, f), 'utf8');
    assert.ok(!code.includes('Lit is in dev mode'), `${f} contains Lit's dev-mode warning`);
    assert.ok(!/process\.env/.test(code), `${f} still references process.env`);
    assert.ok(existsSync(join(cdn, `${f}.map`)), `${f} has no source map`);
  }
});
