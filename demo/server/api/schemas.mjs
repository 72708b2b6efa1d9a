// JSON Schemas of the API: request schemas (fastify validates every body, query and path against them) and
// the response models of src/core/models.ts (used in docs/openapi.json and by the contract test).
import { FIELD_LIMITS as L, ACCOUNT_ID_PATTERN, MAX_ATTACHMENTS_PER_ITEM } from '../../../src/core/limits.js';

const SEVERITY = { type: 'string', enum: ['critical', 'high', 'medium', 'low'] };
const STATUS = { type: 'string', enum: ['new', 'in_progress', 'waiting_on_customer', 'escalated', 'solved', 'closed'] };
const ISO = { type: 'string', format: 'date-time' };
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (s) => ({ anyOf: [s, { type: 'null' }] });
const obj = (properties, required = Object.keys(properties)) => ({
  type: 'object', additionalProperties: false, required, properties,
});
/** Non-blank text: at least one non-space character. */
const text = (min, max) => ({ type: 'string', minLength: min, maxLength: max, pattern: min > 0 ? '\\S' : undefined });
const clean = (s) => JSON.parse(JSON.stringify(s));

/** Response models (names as in models.ts). */
export const models = clean({
  Severity: SEVERITY,
  CaseStatus: STATUS,
  PortalAccess: { type: 'string', enum: ['enabled', 'pending', 'none'] },
  Organisation: obj({ id: { type: 'string' }, name: { type: 'string' }, accountId: { type: 'string' } }),
  Me: obj({
    id: { type: 'string' }, email: { type: 'string' }, username: { type: 'string' }, firstName: { type: 'string' },
    lastName: { type: 'string' }, name: { type: 'string' }, organisation: nullable(ref('Organisation')),
    portalAccess: ref('PortalAccess'),
  }),
  Product: obj({ id: { type: 'string' }, name: { type: 'string' }, family: { type: 'string' } }),
  Person: obj({ id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: ['customer', 'support'] } }),
  Attachment: obj({
    id: { type: 'string' }, fileName: { type: 'string' }, contentType: { type: 'string' },
    size: { type: 'integer', minimum: 1 }, createdAt: ISO,
  }),
  CaseSummary: obj({
    id: { type: 'string' }, number: { type: 'string', pattern: '^CS-\\d{7}$' }, subject: { type: 'string' },
    productId: { type: 'string' }, productName: { type: 'string' }, severity: ref('Severity'), status: ref('CaseStatus'),
    createdAt: ISO, updatedAt: ISO,
  }),
  StatusChange: obj({
    from: nullable(ref('CaseStatus')), to: ref('CaseStatus'), at: ISO, by: nullable(ref('Person')),
    note: nullable({ type: 'string' }),
  }),
  SupportCase: obj({
    id: { type: 'string' }, number: { type: 'string', pattern: '^CS-\\d{7}$' }, subject: { type: 'string' },
    productId: { type: 'string' }, productName: { type: 'string' }, severity: ref('Severity'), status: ref('CaseStatus'),
    createdAt: ISO, updatedAt: ISO, description: { type: 'string' }, contactPhone: nullable({ type: 'string' }),
    createdBy: ref('Person'), attachments: { type: 'array', items: ref('Attachment') },
    history: { type: 'array', items: ref('StatusChange') }, escalationLevel: { type: 'integer', minimum: 0, maximum: 3 },
    commentCount: { type: 'integer', minimum: 0 },
  }),
  Comment: obj({
    id: { type: 'string' }, caseId: { type: 'string' }, author: ref('Person'), body: { type: 'string' }, createdAt: ISO,
    attachments: { type: 'array', items: ref('Attachment') },
  }),
  CaseSummaryPage: obj({
    items: { type: 'array', items: ref('CaseSummary') }, nextCursor: nullable({ type: 'string' }), total: { type: 'integer' },
  }),
  CommentPage: obj({
    items: { type: 'array', items: ref('Comment') }, nextCursor: nullable({ type: 'string' }), total: { type: 'integer' },
  }),
  MatchRange: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'integer' }], minItems: 2, maxItems: 2 },
  KbSearchHit: obj({
    id: { type: 'string' }, title: { type: 'string' }, titleMatches: { type: 'array', items: ref('MatchRange') },
    snippet: { type: 'string' }, snippetMatches: { type: 'array', items: ref('MatchRange') },
    productId: nullable({ type: 'string' }), productName: nullable({ type: 'string' }), updatedAt: ISO,
  }),
  KbSearchPage: obj({
    items: { type: 'array', items: ref('KbSearchHit') }, nextCursor: nullable({ type: 'string' }), total: { type: 'integer' },
  }),
  KbArticleRef: obj({ id: { type: 'string' }, title: { type: 'string' } }),
  KbArticle: obj({
    id: { type: 'string' }, title: { type: 'string' }, bodyHtml: { type: 'string' }, productId: nullable({ type: 'string' }),
    productName: nullable({ type: 'string' }), updatedAt: ISO, related: { type: 'array', items: ref('KbArticleRef') },
    helpfulYes: { type: 'integer' }, helpfulNo: { type: 'integer' },
  }),
  OpeningHours: obj({
    day: { type: 'integer', minimum: 1, maximum: 7 }, open: { type: 'string', pattern: '^\\d\\d:\\d\\d$' },
    close: { type: 'string', pattern: '^\\d\\d:\\d\\d$' },
  }),
  Holiday: obj({ date: { type: 'string', format: 'date' }, name: { type: 'string' } }),
  SupportCentre: obj({
    id: { type: 'string' }, name: { type: 'string' }, timeZone: { type: 'string' },
    hours: { type: 'array', items: ref('OpeningHours') }, holidays: { type: 'array', items: ref('Holiday') },
    email: { type: 'string' },
  }),
  CountryLine: obj({
    country: { type: 'string', pattern: '^[A-Z]{2}$' }, countryName: { type: 'string' }, phone: { type: 'string' },
    centreId: { type: 'string' }, languages: { type: 'array', items: { type: 'string' } },
  }),
  EmergencyLine: obj({ label: { type: 'string' }, phone: { type: 'string' }, severities: { type: 'array', items: ref('Severity') } }),
  EscalationLevel: obj({
    level: { type: 'integer', enum: [1, 2, 3] }, name: { type: 'string' }, when: { type: 'string' },
    contact: { type: 'string' }, responseTime: { type: 'string' },
  }),
  Contacts: obj({
    centres: { type: 'array', items: ref('SupportCentre') }, countries: { type: 'array', items: ref('CountryLine') },
    emergency: { type: 'array', items: ref('EmergencyLine') }, escalation: { type: 'array', items: ref('EscalationLevel') },
  }),
  DocumentInfo: obj({
    id: { type: 'string' }, title: { type: 'string' }, productId: nullable({ type: 'string' }),
    productName: nullable({ type: 'string' }), language: { type: 'string' }, fileType: { type: 'string' },
    size: { type: 'integer' }, publishedAt: ISO, url: { type: 'string' },
  }),
  AccountRequestReceipt: obj({
    id: { type: 'string' }, status: { type: 'string', enum: ['received', 'duplicate'] }, hasBusinessAccount: { type: 'boolean' },
  }),
  ProblemDetails: {
    type: 'object', required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
      instance: { type: 'string' },
      errors: { type: 'array', items: obj({ field: { type: 'string' }, message: { type: 'string' } }) },
    },
  },
  AdminAccountRequest: obj({
    id: { type: 'string' }, firstName: { type: 'string' }, lastName: { type: 'string' }, email: { type: 'string' },
    accountId: { type: 'string' }, organisationName: nullable({ type: 'string' }), message: nullable({ type: 'string' }),
    status: { type: 'string', enum: ['open', 'approved', 'rejected'] }, hasBusinessAccount: { type: 'boolean' },
    createdAt: ISO, decidedAt: nullable(ISO),
  }),
  AdminAccountRequestList: obj({ items: { type: 'array', items: ref('AdminAccountRequest') } }),
  ApprovalResult: obj({
    requestId: { type: 'string' }, accountCreated: { type: 'boolean' }, activationSent: { type: 'boolean' },
    welcomeSent: { type: 'boolean' }, organisation: ref('Organisation'), accountSub: { type: 'string' },
  }),
});

const attachmentIds = { type: 'array', maxItems: MAX_ATTACHMENTS_PER_ITEM, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 100 } };
const reason = text(L.reason.min, L.reason.max);

/** Request schemas, by use. Fastify validates against these (ajv, allErrors); the OpenAPI document embeds them. */
export const requests = clean({
  idParams: obj({ id: { type: 'string', minLength: 1, maxLength: 100 } }),
  caseQuery: {
    type: 'object', additionalProperties: false, properties: {
      status: { type: 'string', maxLength: 200, pattern: '^(new|in_progress|waiting_on_customer|escalated|solved|closed)(,(new|in_progress|waiting_on_customer|escalated|solved|closed))*$', description: 'comma-separated CaseStatus values' },
      q: { type: 'string', maxLength: 200 },
      product: { type: 'string', maxLength: 100 },
      severity: { type: 'string', maxLength: 100, pattern: '^(critical|high|medium|low)(,(critical|high|medium|low))*$', description: 'comma-separated Severity values' },
      sort: { type: 'string', enum: ['updated', '-updated', 'created', '-created', 'severity', '-severity'], default: '-updated', description: 'A leading - means descending: -updated = newest first, -severity = critical first.' },
      cursor: { type: 'string', maxLength: 500 },
      limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    },
  },
  newCase: obj({
    subject: text(L.subject.min, L.subject.max),
    description: text(L.description.min, L.description.max),
    productId: { type: 'string', minLength: 1, maxLength: 100 },
    severity: SEVERITY,
    contactPhone: { type: 'string', maxLength: L.contactPhone.max, pattern: '^[+0-9 ()./-]*$' },
    attachmentIds,
  }, ['subject', 'description', 'productId', 'severity']),
  commentQuery: {
    type: 'object', additionalProperties: false, properties: {
      since: { type: 'string', format: 'date-time', description: 'Only comments created after this time (for polling).' },
      order: { type: 'string', enum: ['asc', 'desc'], default: 'asc', description: 'asc = oldest first; desc = newest first (open a long thread at its end, then follow nextCursor to page back to older comments).' },
      cursor: { type: 'string', maxLength: 500, description: 'nextCursor of the previous page, requested with the same order.' },
      limit: { type: 'integer', minimum: 1, maximum: 200, default: 100 },
    },
  },
  newComment: obj({ body: text(L.comment.min, L.comment.max), attachmentIds }, ['body']),
  closeCase: obj({ reason: { type: 'string', maxLength: L.reason.max } }, []),
  reasonRequired: obj({ reason }),
  kbQuery: {
    type: 'object', additionalProperties: false, required: ['q'], properties: {
      q: { type: 'string', minLength: L.kbQuery.min, maxLength: L.kbQuery.max },
      product: { type: 'string', maxLength: 100 },
      limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
      cursor: { type: 'string', maxLength: 200 },
    },
  },
  feedback: obj({ helpful: { type: 'boolean' } }),
  documentQuery: {
    type: 'object', additionalProperties: false, properties: {
      product: { type: 'string', maxLength: 100 },
      lang: { type: 'string', maxLength: 35, pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' },
    },
  },
  accountRequest: obj({
    firstName: text(L.firstName.min, L.firstName.max),
    lastName: text(L.lastName.min, L.lastName.max),
    email: { type: 'string', format: 'email', maxLength: L.email.max },
    accountId: { type: 'string', pattern: ACCOUNT_ID_PATTERN },
    message: { type: 'string', maxLength: L.accountRequestMessage.max },
  }, ['firstName', 'lastName', 'email', 'accountId']),
  adminListQuery: {
    type: 'object', additionalProperties: false, properties: {
      status: { type: 'string', enum: ['open', 'approved', 'rejected', 'all'], default: 'open' },
    },
  },
  rejectBody: obj({ note: { type: 'string', maxLength: 2000 } }, []),
});
