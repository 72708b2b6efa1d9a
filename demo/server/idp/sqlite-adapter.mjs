// oidc-provider storage adapter on SQLite (table idp_oidc, created by migrateIdp), so sessions, grants,
// codes and refresh tokens survive a restart.

/**
 * @param {import('better-sqlite3').Database} db
 * @returns {(model: string) => SqliteAdapter}
 */
export function createSqliteAdapter(db) {
  const st = {
    upsert: db.prepare(`INSERT INTO idp_oidc (model, id, payload, expires_at, grant_id, user_code, uid)
      VALUES (@model, @id, @payload, @expiresAt, @grantId, @userCode, @uid)
      ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, expires_at = excluded.expires_at,
        grant_id = excluded.grant_id, user_code = excluded.user_code, uid = excluded.uid`),
    find: db.prepare('SELECT payload, expires_at, consumed_at FROM idp_oidc WHERE model = ? AND id = ?'),
    findByUid: db.prepare('SELECT payload, expires_at, consumed_at FROM idp_oidc WHERE model = ? AND uid = ?'),
    findByUserCode: db.prepare('SELECT payload, expires_at, consumed_at FROM idp_oidc WHERE model = ? AND user_code = ?'),
    consume: db.prepare('UPDATE idp_oidc SET consumed_at = ? WHERE model = ? AND id = ?'),
    destroy: db.prepare('DELETE FROM idp_oidc WHERE model = ? AND id = ?'),
    revoke: db.prepare('DELETE FROM idp_oidc WHERE grant_id = ?'),
    purge: db.prepare('DELETE FROM idp_oidc WHERE expires_at IS NOT NULL AND expires_at < ?'),
  };
  st.purge.run(Date.now());

  function decode(row) {
    if (!row) return undefined;
    if (row.expires_at !== null && row.expires_at < Date.now()) return undefined;
    const payload = JSON.parse(row.payload);
    if (row.consumed_at) payload.consumed = row.consumed_at;
    return payload;
  }

  class SqliteAdapter {
    constructor(model) { this.model = model; }

    async upsert(id, payload, expiresIn) {
      st.upsert.run({
        model: this.model,
        id,
        payload: JSON.stringify(payload),
        expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null,
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
      });
    }

    async find(id) { return decode(st.find.get(this.model, id)); }

    async findByUid(uid) { return decode(st.findByUid.get(this.model, uid)); }

    async findByUserCode(userCode) { return decode(st.findByUserCode.get(this.model, userCode)); }

    async consume(id) { st.consume.run(Math.floor(Date.now() / 1000), this.model, id); }

    async destroy(id) { st.destroy.run(this.model, id); }

    async revokeByGrantId(grantId) { st.revoke.run(grantId); }
  }

  const factory = (model) => new SqliteAdapter(model);
  /** Deletes expired rows; returns how many. */
  factory.purgeExpired = () => st.purge.run(Date.now()).changes;
  return factory;
}
