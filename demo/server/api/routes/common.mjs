// Authentication and authorisation pieces shared by the route modules.
import { authenticate } from '../auth.mjs';
import { problem } from '../util.mjs';

const portalUserSql = `SELECT pu.account_id, pu.access, pu.role, o.id AS org_id, o.name AS org_name, o.account_id AS org_account_id
  FROM portal_users pu JOIN organisations o ON o.id = pu.organisation_id WHERE pu.account_id = ?`;

/** @returns {(sub: string) => any} */
export function portalUserLookup(db) {
  const stmt = db.prepare(portalUserSql);
  return (sub) => stmt.get(sub);
}

/**
 * preHandlers: `token` (any valid token) and `portal` (valid token + enabled portal user; sets request.portal).
 */
export function guards(ctx) {
  const lookup = portalUserLookup(ctx.db);
  return {
    async token(request) {
      await authenticate(request, ctx.verify);
    },
    async portal(request) {
      const user = await authenticate(request, ctx.verify);
      const pu = lookup(user.sub);
      if (!pu || pu.access !== 'enabled') {
        throw problem(403, 'Portal access not enabled', pu
          ? 'Your portal user is waiting for approval. You will get a welcome email when it is enabled.'
          : 'Your Business Account has no portal user. Ask for one with the account request form.', { type: 'portal-access' });
      }
      request.portal = {
        sub: user.sub,
        role: pu.role,
        organisation: { id: pu.org_id, name: pu.org_name, accountId: pu.org_account_id },
      };
    },
  };
}

/** Standard response map for the OpenAPI document (see openapi.mjs). */
export const PROTECTED = { security: [{ bearer: [] }] };
