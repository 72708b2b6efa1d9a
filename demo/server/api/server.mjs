// The support API (DESIGN.md §5): fastify 5 over the shared SQLite connection.
import Fastify, { LogController } from 'fastify';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../../src/core/limits.js';
import { migrateApi } from './schema.mjs';
import { createTokenVerifier } from './auth.mjs';
import { problem, PROBLEM_BASE } from './util.mjs';
import { meRoutes } from './routes/me.mjs';
import { caseRoutes } from './routes/cases.mjs';
import { attachmentRoutes } from './routes/attachments.mjs';
import { publicRoutes } from './routes/public.mjs';
import { accountRequestRoutes } from './routes/account-requests.mjs';
import { adminRoutes } from './routes/admin.mjs';

export const API_PREFIX = '/api/v1';

function makeAjv(coerce) {
  const ajv = new Ajv({
    allErrors: true, removeAdditional: true, useDefaults: true, coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/** Field name of one ajv error (`subject`, `attachmentIds[2]`, `limit`). */
function fieldOf(e) {
  if (e.keyword === 'required') return [e.instancePath.replace(/^\//, '').replace(/\//g, '.'), e.params.missingProperty].filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties') return e.params.additionalProperty;
  const p = e.instancePath.replace(/^\//, '').split('/').map((s) => (/^\d+$/.test(s) ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
  return p || '(body)';
}

function messageOf(e) {
  switch (e.keyword) {
    case 'required': return 'is required';
    case 'minLength': return e.params.limit === 1 ? 'must not be empty' : `must be at least ${e.params.limit} characters`;
    case 'maxLength': return `must be at most ${e.params.limit} characters`;
    case 'pattern':
      if (e.schema === '\\S') return 'must not be blank';
      return 'has an invalid format';
    case 'format': return e.params.format === 'email' ? 'must be a valid email address' : `must be a valid ${e.params.format}`;
    case 'enum': return `must be one of: ${e.params.allowedValues.join(', ')}`;
    case 'type': return `must be ${e.params.type === 'integer' ? 'an integer' : e.params.type === 'object' || e.params.type === 'array' ? `an ${e.params.type}` : `a ${e.params.type}`}`;
    case 'minimum': return `must be ≥ ${e.params.limit}`;
    case 'maximum': return `must be ≤ ${e.params.limit}`;
    case 'maxItems': return `must have at most ${e.params.limit} items`;
    case 'uniqueItems': return 'must not contain duplicates';
    default: return e.message ?? 'is invalid';
  }
}

/**
 * Builds the API server (not listening).
 * @param {{
 *   db: import('better-sqlite3').Database, outbox: any, issuer: string, audience: string,
 *   corsOrigins?: string[], dataDir: string, quiet?: boolean, jwksUri?: string, jwks?: any,
 *   adminToken?: string, portalUrl?: string,
 *   accountRequestRateLimit?: { max: number, timeWindow: number | string },
 * }} opts
 */
export function createApiServer(opts) {
  const { db, outbox, issuer, audience, corsOrigins = [], dataDir, quiet = false } = opts;
  migrateApi(db);
  const attachmentsDir = join(dataDir, 'attachments');
  mkdirSync(attachmentsDir, { recursive: true });

  const app = Fastify({
    logger: quiet ? false : { level: process.env.ES_API_LOG_LEVEL ?? 'info' },
    // One log line per request costs more than the request at benchmark rates; errors are still logged.
    logController: new LogController({ disableRequestLogging: process.env.ES_API_LOG_REQUESTS !== '1' }),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    return503OnClosing: true,
    exposeHeadRoutes: true,
    routerOptions: { maxParamLength: 500, ignoreTrailingSlash: true },
    // Router-level errors (bad percent-encoding, over-long path parameters) as problem+json too.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify({
        type: 'about:blank', title: status === 414 ? 'URI too long' : 'Bad request', status,
        detail: status === 414 ? 'A path segment is too long.' : 'The URL is not valid.',
      }));
    },
    // Errors the HTTP parser finds before fastify sees a request (header too large, malformed request line).
    clientErrorHandler: (err, socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      const [status, title] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout'] : [400, 'Bad Request'];
      const body = JSON.stringify({ type: 'about:blank', title, status });
      if (socket.writable) {
        socket.write(`HTTP/1.1 ${status} ${title}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n${body}`);
      }
      socket.destroy(err);
    },
  });

  // JSON only (and multipart for uploads): a text/plain body is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');

  const ajvBody = makeAjv(false);
  const ajvOther = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajvBody : ajvOther).compile(schema));
  // A POST without a body validates as an empty object: optional bodies (close, reject) may be left out, and
  // required fields are reported one by one instead of "body must be an object".
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method === 'POST' && !request.isMultipart?.()) request.body = {};
  });

  // Route patterns, to answer 405 (with Allow) instead of 404 for a known path with another method.
  /** @type {{ re: RegExp, method: string }[]} */
  const known = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const re = new RegExp(`^${r.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`);
    for (const method of methods) known.push({ re, method });
  });

  app.setErrorHandler((error, request, reply) => {
    /** @type {any} */
    const e = error;
    let body;
    let status;
    if (e.validation) {
      const list = e.validation;
      const errors = [];
      const seen = new Set();
      for (const v of list) {
        if (v.keyword === 'if' || v.keyword === 'anyOf') continue;
        const field = fieldOf(v);
        const message = messageOf(v);
        if (seen.has(field)) continue; // one message per field: the first is the most basic
        seen.add(field);
        errors.push({ field, message });
      }
      status = 400;
      const where = e.validationContext === 'querystring' ? 'Some query parameters are' : e.validationContext === 'params' ? 'The path is' : 'Some fields of the request body are';
      body = { type: `${PROBLEM_BASE}validation`, title: 'Invalid request', status, detail: `${where} not valid.`, errors };
    } else if (e.problem) {
      status = e.problem.status;
      body = e.problem;
      if (e.headers) reply.headers(e.headers);
    } else if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      const titles = {
        400: 'Bad request', 401: 'Unauthorized', 404: 'Not found', 405: 'Method not allowed', 406: 'Not acceptable',
        413: 'Payload too large', 415: 'Unsupported media type', 429: 'Too many requests',
      };
      let detail = e.message;
      if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError) detail = 'The request body is not valid JSON.';
      if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.code === 'FST_REQ_FILE_TOO_LARGE') detail = `The request body is too large (at most ${MAX_ATTACHMENT_BYTES / 1048576} MB for files).`;
      body = { type: 'about:blank', title: titles[status] ?? 'Bad request', status, detail };
    } else {
      status = 500;
      request.log.error({ err: e }, 'unhandled error');
      body = { type: 'about:blank', title: 'Internal server error', status, detail: 'Something went wrong on the server.' };
    }
    reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const allowed = [...new Set(known.filter((k) => k.re.test(path)).map((k) => k.method))].filter((m) => m !== 'OPTIONS');
    if (allowed.length && !allowed.includes(request.method)) {
      reply.code(405).header('allow', allowed.join(', ')).type('application/problem+json; charset=utf-8')
        .send(JSON.stringify({ type: 'about:blank', title: 'Method not allowed', status: 405, detail: `${request.method} is not allowed here; use ${allowed.join(', ')}.` }));
      return;
    }
    reply.code(404).type('application/problem+json; charset=utf-8')
      .send(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: 'There is nothing at this address.' }));
  });

  app.register(cors, {
    origin: (origin, cb) => cb(null, !origin ? false : corsOrigins.includes(origin)),
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Admin-Token', 'Accept', 'Accept-Language'],
    exposedHeaders: ['Retry-After', 'Content-Disposition', 'Location', 'Idempotent-Replayed', 'WWW-Authenticate'],
    maxAge: 600,
  });
  app.register(multipart, {
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 10, headerPairs: 100 },
    throwFileSizeLimit: true,
  });
  app.register(rateLimit, { global: false });

  const ctx = {
    db, outbox, issuer, audience, dataDir, attachmentsDir,
    verify: createTokenVerifier({ issuer, audience, jwksUri: opts.jwksUri, jwks: opts.jwks }),
    adminToken: opts.adminToken ?? process.env.ES_ADMIN_TOKEN ?? 'demo-admin',
    portalUrl: opts.portalUrl ?? process.env.ES_PORTAL_URL ?? corsOrigins[0] ?? 'http://localhost:8080',
    // 5 per 10 minutes per client IP by default; ES_ACCOUNT_REQUEST_RATE_MAX / _WINDOW_MS let test stacks raise it.
    accountRequestRateLimit: opts.accountRequestRateLimit ?? {
      max: Number(process.env.ES_ACCOUNT_REQUEST_RATE_MAX) || 5,
      timeWindow: Number(process.env.ES_ACCOUNT_REQUEST_RATE_WINDOW_MS) || 10 * 60 * 1000,
    },
  };

  app.register(async (api) => {
    await meRoutes(api, ctx);
    await caseRoutes(api, ctx);
    await attachmentRoutes(api, ctx);
    await publicRoutes(api, ctx);
    await accountRequestRoutes(api, ctx);
  }, { prefix: API_PREFIX });
  app.register(async (admin) => { await adminRoutes(admin, ctx); }, { prefix: '/admin' });

  // Never cache personal data in shared caches; API answers are not meant to be framed or sniffed.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  return app;
}

export { problem };
