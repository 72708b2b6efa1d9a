// A tiny static file server for tests and benchmarks: folders mounted at URL prefixes, no caching, optional
// extra headers per path (e.g. a Content-Security-Policy for one page). Listens on 127.0.0.1 (and the
// `localhost` name resolves to it), port 0 = a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {{
 *   mounts: Record<string, string>,              // URL prefix ('/', '/dist/') → folder
 *   port?: number, host?: string,
 *   headers?: (urlPath: string) => Record<string, string> | undefined,
 *   routes?: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void>,
 * }} opts
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function serveStatic({ mounts, port = 0, host = '127.0.0.1', headers, routes = {} }) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname);
      if (routes[path]) return routes[path](req, res);
      const prefix = prefixes.find((p) => path.startsWith(p));
      if (!prefix) return send(res, 404, 'not found');
      const base = resolve(mounts[prefix]);
      let file = normalize(join(base, path.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'forbidden');
      let st = await stat(file).catch(() => null);
      if (st?.isDirectory()) { file = join(file, 'index.html'); st = await stat(file).catch(() => null); }
      if (!st) return send(res, 404, 'not found');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        ...(headers?.(path) ?? {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      send(res, 500, String(e));
    }
  });
  await new Promise((r, j) => { server.once('error', j); server.listen(port, host, r); });
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    url: `http://localhost:${actual}`,
    port: actual,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const { createServer: net } = await import('node:net');
  return new Promise((r, j) => {
    const s = net();
    s.once('error', j);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); });
  });
}
