// A @fastify/rate-limit store in the API's SQLite database, so counters survive a restart (the default store
// lives in memory: restarting the server would hand an abuser a fresh allowance) and every API process on the
// same database file shares them. Fixed windows, like the plugin's LocalStore.
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Returns a store class for the plugin's `store` option, bound to `db`.
 * @param {import('better-sqlite3').Database} db
 */
export function sqliteRateLimitStore(db) {
  db.exec(`CREATE TABLE IF NOT EXISTS rate_limits (
    scope TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, window_start INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  ) WITHOUT ROWID`);
  const get = db.prepare('SELECT count, window_start FROM rate_limits WHERE scope = ? AND key = ?');
  const put = db.prepare(`INSERT INTO rate_limits (scope, key, count, window_start) VALUES (?, ?, ?, ?)
    ON CONFLICT (scope, key) DO UPDATE SET count = excluded.count, window_start = excluded.window_start`);
  const purge = db.prepare('DELETE FROM rate_limits WHERE window_start < ?');
  // Read and write in one IMMEDIATE transaction: two processes counting the same key cannot both read n and write n+1.
  const bump = db.transaction((scope, key, timeWindow, now) => {
    const row = get.get(scope, key);
    const fresh = !row || row.window_start + timeWindow <= now;
    const count = fresh ? 1 : row.count + 1;
    const start = fresh ? now : row.window_start;
    put.run(scope, key, count, start);
    return { current: count, ttl: start + timeWindow - now };
  });
  let calls = 0;

  return class SqliteRateLimitStore {
    /** @param {unknown} _globalParams @param {string} [scope] route the counters belong to */
    constructor(_globalParams, scope = 'global') {
      this.scope = scope;
    }

    incr(key, cb, timeWindow) {
      let result;
      try {
        const now = Date.now();
        result = bump.immediate(this.scope, key, timeWindow, now);
        if (++calls % 1000 === 0) purge.run(now - DAY_MS); // windows here are minutes; a day-old row is dead
      } catch (e) { cb(e); return; }
      cb(null, result);
    }

    read(key, cb, timeWindow) {
      let result;
      try {
        const now = Date.now();
        const row = get.get(this.scope, key);
        result = !row || row.window_start + timeWindow <= now ? { current: 0, ttl: 0 } : { current: row.count, ttl: row.window_start + timeWindow - now };
      } catch (e) { cb(e); return; }
      cb(null, result);
    }

    /** One scope per route, so two rate-limited routes never share a counter. */
    child(routeParams) {
      const route = routeParams.routeInfo ?? {};
      return new SqliteRateLimitStore(routeParams, route.url ? `${route.method} ${route.url}` : (routeParams.groupId ?? 'global'));
    }
  };
}
