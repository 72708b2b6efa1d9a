// Admin routes (demo): list, approve and reject account requests. Protected by a shared admin token
// (ES_ADMIN_TOKEN, default 'demo-admin'), sent as `Authorization: Bearer <token>` or `X-Admin-Token`.
import { timingSafeEqual, createHash } from 'node:crypto';
import { requests } from '../schemas.mjs';
import { problem } from '../util.mjs';
import { approveAccountRequest, rejectAccountRequest, listAccountRequests, LifecycleError } from '../account-lifecycle.mjs';

const digest = (s) => createHash('sha256').update(String(s)).digest();

function lifecycleProblem(e) {
  if (!(e instanceof LifecycleError)) return e;
  if (e.code === 'not-found') return problem(404, 'Not found', e.message);
  if (e.code === 'not-open') return problem(409, 'Already decided', e.message, { type: 'invalid-transition' });
  return problem(422, 'Unknown Account ID', e.message, { type: 'unknown-organisation' });
}

export async function adminRoutes(admin, ctx) {
  const expected = digest(ctx.adminToken);
  admin.addHook('preHandler', async (request) => {
    const h = request.headers.authorization;
    const token = request.headers['x-admin-token'] ?? (h && /^Bearer\s+(.+)$/i.exec(h)?.[1]);
    if (!token || !timingSafeEqual(digest(token), expected)) {
      throw problem(401, 'Unauthorized', 'The admin token is missing or wrong.', { type: 'unauthorized', headers: { 'www-authenticate': 'Bearer realm="admin"' } });
    }
  });

  admin.get('/account-requests', { schema: { querystring: requests.adminListQuery } }, async (request) => ({
    items: listAccountRequests(ctx.db, { status: request.query.status }),
  }));

  admin.post('/account-requests/:id/approve', { schema: { params: requests.idParams } }, async (request) => {
    try {
      return await approveAccountRequest(ctx.db, ctx.outbox, { requestId: request.params.id, issuer: ctx.issuer, portalUrl: ctx.portalUrl, log: request.log });
    } catch (e) {
      throw lifecycleProblem(e);
    }
  });

  admin.post('/account-requests/:id/reject', { schema: { params: requests.idParams, body: requests.rejectBody } }, async (request) => {
    try {
      return rejectAccountRequest(ctx.db, { requestId: request.params.id, note: request.body?.note ?? null });
    } catch (e) {
      throw lifecycleProblem(e);
    }
  });
}
