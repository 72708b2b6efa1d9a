// POST /account-requests: public and rate limited.
import { requests } from '../schemas.mjs';
import { problem } from '../util.mjs';
import { createAccountRequest } from '../account-lifecycle.mjs';

export async function accountRequestRoutes(api, ctx) {
  const { db, outbox } = ctx;
  const limit = ctx.accountRequestRateLimit;
  api.post('/account-requests', {
    schema: { body: requests.accountRequest },
    config: {
      rateLimit: {
        max: limit.max,
        timeWindow: limit.timeWindow,
        errorResponseBuilder: (request, c) => problem(429, 'Too many requests',
          `Too many account requests from your network. Try again in ${Math.ceil(c.ttl / 1000)} seconds.`,
          { type: 'rate-limited', headers: { 'retry-after': String(Math.ceil(c.ttl / 1000)) } }),
      },
    },
  }, async (request, reply) => {
    const receipt = createAccountRequest(db, request.body);
    if (receipt.status === 'received' && outbox) {
      const { firstName } = request.body;
      try {
        await outbox.send({
          to: request.body.email.trim().toLowerCase(),
          kind: 'account-request-received',
          subject: 'We received your portal account request',
          text: [
            `Hello ${firstName.trim()},`, '',
            `We received your request for a support portal user for Account ID ${request.body.accountId}.`,
            'An administrator checks it against the support contract; this usually takes 4-5 business days.',
            receipt.hasBusinessAccount
              ? 'You already have a Business Account: when the request is approved you get a welcome email and sign in with your existing password.'
              : 'When it is approved you get an email with a link to set the password of your new Business Account, then a welcome email.',
            'If nothing arrives, check your spam folder.', '', `Reference: ${receipt.id}`, '', 'Vendor Support',
          ].join('\n'),
        });
      } catch (e) {
        request.log.warn({ err: e }, 'account-request-received email failed');
      }
    }
    return reply.code(receipt.status === 'received' ? 201 : 200).send(receipt);
  });
}
