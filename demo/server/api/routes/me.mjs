// GET /me: who the token belongs to and whether they have portal access. Works for any valid token.
import { findAccountById } from '../../idp/accounts.mjs';
import { guards, portalUserLookup } from './common.mjs';

export async function meRoutes(api, ctx) {
  const { db } = ctx;
  const g = guards(ctx);
  const lookup = portalUserLookup(db);
  const openRequest = db.prepare("SELECT 1 FROM account_requests WHERE email = ? AND status = 'open' LIMIT 1");

  api.get('/me', { preHandler: g.token }, async (request) => {
    const { sub, claims } = request.user;
    const a = findAccountById(db, sub);
    const email = a?.email ?? (typeof claims.email === 'string' ? claims.email : '');
    const firstName = a?.firstName ?? claims.given_name ?? '';
    const lastName = a?.lastName ?? claims.family_name ?? '';
    const pu = lookup(sub);
    let portalAccess = 'none';
    if (pu) portalAccess = pu.access === 'enabled' ? 'enabled' : 'pending';
    else if (email && openRequest.get(email.toLowerCase())) portalAccess = 'pending';
    return {
      id: sub,
      email,
      username: a?.username ?? claims.preferred_username ?? email,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`.trim() || email,
      organisation: pu ? { id: pu.org_id, name: pu.org_name, accountId: pu.org_account_id } : null,
      portalAccess,
    };
  });
}
