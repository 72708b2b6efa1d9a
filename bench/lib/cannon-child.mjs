// Runs autocannon in its own process (so the load generator does not share the server's event loop) and prints
// the result as one JSON line. Input: a JSON argument { url, connections, duration, headers, requests? }.
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2]);
const result = await autocannon({
  url: opts.url,
  connections: opts.connections,
  duration: opts.duration,
  headers: opts.headers,
  requests: opts.paths ? opts.paths.map((path) => ({ method: 'GET', path })) : undefined,
});
process.stdout.write(JSON.stringify({
  requestsPerSecond: result.requests.average,
  total: result.requests.total,
  latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
  non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
  statusCodeStats: result.statusCodeStats,
  duration: result.duration,
}) + '\n');
