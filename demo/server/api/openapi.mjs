// Builds the OpenAPI 3.1 document of the support API from the same schemas the server validates with.
// `node demo/server/api/openapi.mjs` writes docs/openapi.json; test/server/api-openapi.test.mjs checks that the
// committed document matches the registered routes and that responses validate against it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { models, requests } from './schemas.mjs';
import { MAX_ATTACHMENT_BYTES, ATTACHMENT_TYPES } from '../../../src/core/limits.js';

const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema) => ({ 'application/json': { schema } });
const problemRef = (description) => ({ description, content: { 'application/problem+json': { schema: ref('ProblemDetails') } } });
const P = {
  400: problemRef('Invalid request; `errors` lists each bad field'),
  401: problemRef('Missing, invalid or expired access token (`WWW-Authenticate: Bearer error="invalid_token"`)'),
  403: problemRef('Portal access is not enabled for this Business Account'),
  404: problemRef('Not found (also for items of another organisation)'),
  409: problemRef('Not allowed in the current state'),
  413: problemRef('File too large'),
  415: problemRef('File type not allowed'),
  422: problemRef('Idempotency-Key reused with a different body'),
  429: problemRef('Rate limited; see Retry-After'),
};
const idParam = { name: 'id', in: 'path', required: true, schema: requests.idParams.properties.id };
const idemHeader = {
  name: 'Idempotency-Key', in: 'header', required: true,
  description: 'Fresh random value per new item. Same key + same body returns the first result; same key + another body is 422.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};
const queryParams = (schema) => Object.entries(schema.properties).map(([name, s]) => ({
  name, in: 'query', required: (schema.required ?? []).includes(name), schema: s,
}));
const body = (schema) => ({ required: true, content: json(schema) });
const optionalBody = (schema) => ({ required: false, content: json(schema) });
const ok = (schema, description = 'OK') => ({ description, content: json(schema) });
const bearer = [{ bearer: [] }];
const admin = [{ adminToken: [] }];

/** Every route: [method, path, operation]. Paths are OpenAPI style ({id}). */
export const ROUTES = [
  ['get', '/api/v1/me', { operationId: 'me', summary: 'The signed-in user, organisation and portal access', security: bearer, responses: { 200: ok(ref('Me')), 401: P[401] } }],
  ['get', '/api/v1/cases', { operationId: 'listCases', summary: "List the organisation's cases (keyset paging)", security: bearer, parameters: queryParams(requests.caseQuery), responses: { 200: ok(ref('CaseSummaryPage')), 400: P[400], 401: P[401], 403: P[403] } }],
  ['post', '/api/v1/cases', { operationId: 'createCase', summary: 'Create a case', security: bearer, parameters: [idemHeader], requestBody: body(requests.newCase), responses: { 201: ok(ref('SupportCase'), 'Created (or the stored answer of an earlier request with the same key and body)'), 400: P[400], 401: P[401], 403: P[403], 422: P[422] } }],
  ['get', '/api/v1/cases/{id}', { operationId: 'getCase', summary: 'A case with its status history (id, or the case number CS-0000000)', security: bearer, parameters: [idParam], responses: { 200: ok(ref('SupportCase')), 401: P[401], 403: P[403], 404: P[404] } }],
  ['get', '/api/v1/cases/{id}/comments', { operationId: 'listComments', summary: 'Comments, oldest first (`order=desc`: newest first, paging back); `since` returns only newer ones; `total` counts all that match', security: bearer, parameters: [idParam, ...queryParams(requests.commentQuery)], responses: { 200: ok(ref('CommentPage')), 400: P[400], 401: P[401], 403: P[403], 404: P[404] } }],
  ['post', '/api/v1/cases/{id}/comments', { operationId: 'addComment', summary: 'Add a comment (a customer comment moves waiting_on_customer to in_progress)', security: bearer, parameters: [idParam, idemHeader], requestBody: body(requests.newComment), responses: { 201: ok(ref('Comment')), 400: P[400], 401: P[401], 403: P[403], 404: P[404], 409: P[409], 422: P[422] } }],
  ['post', '/api/v1/cases/{id}/close', { operationId: 'closeCase', summary: 'Close a case (optional reason)', security: bearer, parameters: [idParam], requestBody: optionalBody(requests.closeCase), responses: { 200: ok(ref('SupportCase')), 400: P[400], 401: P[401], 403: P[403], 404: P[404], 409: P[409] } }],
  ['post', '/api/v1/cases/{id}/reopen', { operationId: 'reopenCase', summary: 'Reopen a solved or closed case (reason required)', security: bearer, parameters: [idParam], requestBody: body(requests.reasonRequired), responses: { 200: ok(ref('SupportCase')), 400: P[400], 401: P[401], 403: P[403], 404: P[404], 409: P[409] } }],
  ['post', '/api/v1/cases/{id}/escalations', { operationId: 'escalateCase', summary: 'Ask for escalation (raises the level 1→2→3)', security: bearer, parameters: [idParam], requestBody: body(requests.reasonRequired), responses: { 200: ok(ref('SupportCase')), 400: P[400], 401: P[401], 403: P[403], 404: P[404], 409: P[409] } }],
  ['post', '/api/v1/attachments', {
    operationId: 'uploadAttachment', summary: `Upload one file (≤ ${MAX_ATTACHMENT_BYTES / 1048576} MB; ${Object.keys(ATTACHMENT_TYPES).join(' ')})`, security: bearer,
    requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } } },
    responses: { 201: ok(ref('Attachment')), 400: P[400], 401: P[401], 403: P[403], 413: P[413], 415: P[415] },
  }],
  ['get', '/api/v1/attachments/{id}', {
    operationId: 'downloadAttachment', summary: 'Download a file (Content-Disposition: attachment; organisation only)', security: bearer, parameters: [idParam],
    responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, 401: P[401], 403: P[403], 404: P[404] },
  }],
  ['get', '/api/v1/products', { operationId: 'listProducts', summary: 'Product catalogue (public)', security: [], responses: { 200: ok({ type: 'array', items: ref('Product') }) } }],
  ['get', '/api/v1/kb/search', { operationId: 'searchKb', summary: 'Ranked KB search with plain-text snippets and match offsets (public)', security: [], parameters: queryParams(requests.kbQuery), responses: { 200: ok(ref('KbSearchPage')), 400: P[400] } }],
  ['get', '/api/v1/kb/articles/{id}', { operationId: 'getArticle', summary: 'A KB article (sanitised HTML) with related articles (public)', security: [], parameters: [idParam], responses: { 200: ok(ref('KbArticle')), 404: P[404] } }],
  ['post', '/api/v1/kb/articles/{id}/feedback', { operationId: 'sendArticleFeedback', summary: 'Was this article helpful? (public)', security: [], parameters: [idParam], requestBody: body(requests.feedback), responses: { 204: { description: 'Recorded' }, 400: P[400], 404: P[404] } }],
  ['get', '/api/v1/contacts', { operationId: 'getContacts', summary: 'Support centres, country lines, holidays, emergency lines, escalation path (public)', security: [], responses: { 200: ok(ref('Contacts')) } }],
  ['get', '/api/v1/documents', { operationId: 'listDocuments', summary: 'Service-description documents (public)', security: [], parameters: queryParams(requests.documentQuery), responses: { 200: ok({ type: 'array', items: ref('DocumentInfo') }), 400: P[400] } }],
  ['get', '/api/v1/documents/{id}/file', { operationId: 'downloadDocument', summary: 'The document file (public)', security: [], parameters: [idParam], responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, 404: P[404] } }],
  ['post', '/api/v1/account-requests', { operationId: 'requestAccount', summary: 'Ask for a portal user (public, rate limited)', security: [], requestBody: body(requests.accountRequest), responses: { 201: ok(ref('AccountRequestReceipt'), 'Received'), 200: ok(ref('AccountRequestReceipt'), 'An open request for this email already exists (status duplicate)'), 400: P[400], 429: P[429] } }],
  ['get', '/admin/account-requests', { operationId: 'adminListAccountRequests', summary: 'Account requests (demo admin)', tags: ['admin'], security: admin, parameters: queryParams(requests.adminListQuery), responses: { 200: ok(ref('AdminAccountRequestList')), 401: P[401] } }],
  ['post', '/admin/account-requests/{id}/approve', { operationId: 'adminApproveAccountRequest', summary: 'Approve: create the Business Account if needed (activation email), enable the portal user, welcome email', tags: ['admin'], security: admin, parameters: [idParam], responses: { 200: ok(ref('ApprovalResult')), 401: P[401], 404: P[404], 409: P[409], 422: problemRef('Unknown Account ID') } }],
  ['post', '/admin/account-requests/{id}/reject', { operationId: 'adminRejectAccountRequest', summary: 'Reject an account request', tags: ['admin'], security: admin, parameters: [idParam], requestBody: optionalBody(requests.rejectBody), responses: { 200: ok({ type: 'object', required: ['requestId', 'status'], properties: { requestId: { type: 'string' }, status: { const: 'rejected' } } }), 401: P[401], 404: P[404], 409: P[409] } }],
];

export function buildOpenApi() {
  const paths = {};
  for (const [method, path, op] of ROUTES) (paths[path] ??= {})[method] = op;
  return {
    openapi: '3.1.0',
    info: {
      title: 'eService support API',
      version: '1.0.0',
      description: 'The support API the eService Widgets talk to (DESIGN.md §5). Errors are application/problem+json (RFC 9457). '
        + 'Lists are cursor-paged. Public routes need no token; everything else needs a Bearer access token from the identity provider '
        + 'with audience http://localhost:4200/api/v1 (demo). A user sees only the cases of the organisation on their portal user.',
    },
    servers: [{ url: 'http://localhost:4200' }],
    security: bearer,
    tags: [{ name: 'admin', description: 'Demo admin routes, protected by the shared admin token (ES_ADMIN_TOKEN).' }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        adminToken: { type: 'apiKey', in: 'header', name: 'X-Admin-Token' },
      },
      schemas: models,
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
