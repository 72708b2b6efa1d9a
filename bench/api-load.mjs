// The reference API under load: autocannon (100 connections, 20 s; 5 s with --quick) against the seeded stack
// (10,000 cases in the demo organisation, 10,000 KB articles). Case list with a real bearer token obtained by
// signing in through the provider's login page over HTTP; KB search cycling through real queries.
// The API runs in this process and autocannon in a child process, so they do not share an event loop.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./lib/cannon-child.mjs', import.meta.url));

function cannon(opts) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, JSON.stringify(opts)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.on('error', reject);
    p.on('close', (code) => {
      try { resolve(JSON.parse(out.trim().split('\n').pop())); } catch { reject(new Error(`autocannon exited ${code}: ${out.slice(0, 300)}`)); }
    });
  });
}

export async function run(ctx) {
  const missing = ctx.missing({ dist: false });
  if (missing) return { figures: [{ section: 'API load', name: '(all)', value: null, unit: 'req/s', skipped: `missing: ${missing.join(', ')}` }] };
  const stack = await ctx.stack();
  const { signIn } = await import('../test/server/helpers/start-stack.mjs');
  const { accessToken } = await signIn(stack, { username: 'anna.virtanen@nordicbank.example', password: 'Support!2026' });
  const duration = ctx.args.quick ? 5 : 20;
  const connections = 100;
  const words = ['password', 'agent', 'update', 'firewall', 'license', 'install', 'error', 'login', 'sync', 'scan', 'policy', 'certificate'];
  const targets = [
    { name: 'case list (GET /cases, 10,000 cases)', url: `${stack.urls.api}/api/v1/cases?limit=50`, headers: { authorization: `Bearer ${accessToken}` } },
    { name: 'KB search (GET /kb/search, 10,000 articles)', url: stack.urls.api, paths: words.map((w) => `/api/v1/kb/search?q=${encodeURIComponent(w)}&limit=10`) },
  ];
  const figures = [];
  const raw = {};
  for (const t of targets) {
    // Warm up (JIT, statement cache, token cache) for a second, then measure.
    await cannon({ url: t.url, connections: 10, duration: 1, headers: t.headers, paths: t.paths });
    const r = await cannon({ url: t.url, connections, duration, headers: t.headers, paths: t.paths });
    raw[t.name] = r;
    const bad = r.non2xx + r.errors + r.timeouts;
    const note = `${connections} connections, ${duration} s, ${r.total.toLocaleString('en-US')} requests${bad ? `, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : ', all 2xx'}`;
    figures.push({ section: 'API load', name: `${t.name}: throughput`, value: r.requestsPerSecond, unit: 'req/s', budget: 2000, op: '>=', note });
    figures.push({ section: 'API load', name: `${t.name}: p50 latency`, value: r.latency.p50, unit: 'ms' });
    figures.push({ section: 'API load', name: `${t.name}: p99 latency`, value: r.latency.p99, unit: 'ms', budget: 50, note: `max ${r.latency.max} ms` });
    console.log(`  ${t.name}: ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (${note})`);
  }
  return { figures, raw };
}
