// Scripted HTTP responses for the browser tests of the API client and the session (web-test-runner middleware).
//   POST /__mock/script/<key>   body: [{ status, headers, json | body, delayMs }, ...]  queue answers for <key>
//   ANY  /__mock/r/<key>/<path> pops the next answer (none left: 500 "no scripted response") and logs the request
//   GET  /__mock/log/<key>      the logged requests: [{ method, path, query, headers, body }]
// Keys are unique per test, so test files running in parallel do not meet.
const queues = new Map();
const logs = new Map();

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.alloc(0)));
  });
}

export async function mockMiddleware(ctx, next) {
  const m = /^\/__mock\/(script|log|r)\/([\w.-]+)(\/.*)?$/.exec(ctx.path);
  if (!m) return next();
  const [, kind, key, rest = '/'] = m;
  if (kind === 'script') {
    const body = JSON.parse((await readBody(ctx.req)).toString('utf8') || '[]');
    queues.set(key, [...(queues.get(key) ?? []), ...body]);
    logs.set(key, logs.get(key) ?? []);
    ctx.status = 204;
    return;
  }
  if (kind === 'log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(logs.get(key) ?? []);
    return;
  }
  const raw = await readBody(ctx.req);
  const h = ctx.request.headers;
  const entry = {
    method: ctx.method, path: rest, query: ctx.querystring,
    headers: {
      authorization: h.authorization ?? null, 'idempotency-key': h['idempotency-key'] ?? null,
      'content-type': h['content-type'] ?? null,
    },
    body: raw.toString('utf8').slice(0, 4000),
  };
  if (!logs.has(key)) logs.set(key, []);
  logs.get(key).push(entry);
  const spec = (queues.get(key) ?? []).shift() ?? { status: 500, body: 'no scripted response', headers: { 'content-type': 'text/plain' } };
  if (spec.delayMs) await new Promise((r) => setTimeout(r, spec.delayMs));
  if (ctx.res.destroyed || ctx.req.socket?.destroyed) { ctx.respond = false; return; }
  ctx.status = spec.status ?? 200;
  for (const [k, v] of Object.entries(spec.headers ?? {})) ctx.set(k, String(v));
  if (spec.json !== undefined) {
    if (!spec.headers || !Object.keys(spec.headers).some((k) => k.toLowerCase() === 'content-type')) ctx.type = 'application/json';
    ctx.body = JSON.stringify(spec.json);
  } else if (spec.body !== undefined) {
    ctx.body = spec.body;
  } else if (ctx.status !== 204) {
    ctx.body = '';
  }
}
