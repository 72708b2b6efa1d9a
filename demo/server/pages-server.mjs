// Static server for one portal origin of the demo: demo/pages/* and the SDK builds under /dist/*.
// /node_modules is never served and nothing is injected into the files. Also answers /config.json (what the demo
// pages need to configure es-provider for this origin) and /api/outbox (the demo outbox, read-only).
import http from 'node:http';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** CSP of pages named csp.html: the SDK must work under it. */
export function strictCsp({ apiOrigin, idpOrigin }) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin} ${idpOrigin}`,
    "img-src 'self' data: blob:",
    `frame-src ${idpOrigin}`,
    "require-trusted-types-for 'script'",
    'trusted-types eservice-widgets lit-html',
  ].join('; ');
}

function originOf(url) {
  try { return new URL(url).origin; } catch { return ''; }
}

/**
 * @param {{
 *   root?: string, distDir?: string, port?: number, host?: string,
 *   config: { apiUrl: string, authority: string, clientId: string, resource: string, [extra: string]: any },
 *   outbox?: { list: Function, get: Function },
 * }} options
 */
export function createPagesServer({ root = 'demo/pages', distDir = 'dist', port = 0, host = 'localhost', config, outbox } = {}) {
  const rootDir = resolve(root);
  const dist = resolve(distDir);
  const apiOrigin = originOf(config?.apiUrl);
  const idpOrigin = originOf(config?.authority);

  function json(res, status, body) {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  }

  function notFound(res) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  }

  /** Resolves a URL path under a base folder, refusing anything that escapes it. */
  function fileUnder(base, urlPath) {
    let decoded;
    try { decoded = decodeURIComponent(urlPath); } catch { return null; }
    if (decoded.includes('\0')) return null;
    const full = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
    if (full !== base && !full.startsWith(base + sep)) return null;
    if (full.split(sep).includes('node_modules')) return null;
    try {
      const st = statSync(full);
      if (st.isDirectory()) {
        const index = join(full, 'index.html');
        return existsSync(index) ? { file: index, size: statSync(index).size } : null;
      }
      return st.isFile() ? { file: full, size: st.size } : null;
    } catch {
      return null;
    }
  }

  function indexListing(res) {
    let pages = [];
    try { pages = readdirSync(rootDir).filter((f) => f.endsWith('.html')).sort(); } catch { /* no pages */ }
    const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>eService Widgets demo</title></head><body><h1>eService Widgets demo</h1><ul>${pages.map((p) => `<li><a href="/${esc(p)}">${esc(p)}</a></li>`).join('')}</ul></body></html>`);
  }

  function serveFile(req, res, found, urlPath) {
    const type = CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    res.statusCode = 200;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', found.size);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    if (/(^|\/)csp\.html$/.test(urlPath)) res.setHeader('Content-Security-Policy', strictCsp({ apiOrigin, idpOrigin }));
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
  }

  function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    const url = new URL(req.url, 'http://pages.invalid');
    const path = url.pathname;
    if (path === '/config.json') {
      // apiUrl, authority, clientId, resource, plus any extra links the stack adds (forgotPasswordUrl, portals).
      json(res, 200, { ...config, apiUrl: config.apiUrl, authority: config.authority, clientId: config.clientId, resource: config.resource });
      return;
    }
    if (path === '/api/outbox' || path.startsWith('/api/outbox/')) {
      if (!outbox) { json(res, 404, { title: 'No outbox on this server' }); return; }
      if (path === '/api/outbox') {
        const to = url.searchParams.get('to') || undefined;
        const kind = url.searchParams.get('kind') || undefined;
        json(res, 200, { items: outbox.list({ to, kind }) });
        return;
      }
      const msg = outbox.get(decodeURIComponent(path.slice('/api/outbox/'.length)));
      if (!msg) json(res, 404, { title: 'Message not found' });
      else json(res, 200, msg);
      return;
    }
    if (path === '/node_modules' || path.startsWith('/node_modules/')) { notFound(res); return; }
    if (path === '/dist' || path.startsWith('/dist/')) {
      const found = fileUnder(dist, path.slice('/dist'.length) || '/');
      if (!found) { notFound(res); return; }
      serveFile(req, res, found, path);
      return;
    }
    const found = fileUnder(rootDir, path);
    if (!found) {
      if (path === '/' || path === '/index.html') { indexListing(res); return; }
      notFound(res);
      return;
    }
    serveFile(req, res, found, path);
  }

  const server = http.createServer((req, res) => {
    try { handle(req, res); } catch (err) {
      console.error('[pages]', err);
      if (!res.headersSent) { res.statusCode = 500; res.end('Server error'); } else res.destroy();
    }
  });

  return {
    server,
    /** @param {number} [p] @param {string} [h] */
    listen(p = port, h = host) {
      return new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(p, h, () => { server.off('error', reject); resolvePromise(server.address()); });
      });
    },
    close() {
      return new Promise((r) => {
        if (!server.listening) { r(); return; }
        server.close(() => r());
        server.closeAllConnections?.();
      });
    },
  };
}
