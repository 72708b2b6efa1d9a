import type { CreateOptions, RequestOptions, SupportApi, UploadOptions } from './api-types.js';
import { ACCEPT, DEFAULT_RETRY, fetchTransport, parseRetryAfter, type HttpRequest, type RetryPolicy, type Transport, type TransportOptions } from './api-transport.js';
import { ApiError, isApiError, type FieldError } from './errors.js';
import type {
  AccountRequestReceipt, Attachment, CaseSummary, Comment, Contacts, DocumentInfo, KbArticle, KbSearchHit, Me, Page,
  Product, SupportCase,
} from './models.js';
import type { Session } from './session-types.js';

export { parseRetryAfter };
export type { RetryPolicy };

export interface ApiClientOptions {
  /** Base URL of the support API, e.g. `http://localhost:4200/api/v1`. */
  apiUrl: string;
  /** Where the bearer token comes from; without one every call goes out without Authorization. */
  session?: Session | null;
  /** Milliseconds per attempt before a call fails with kind `timeout` (default 15000). */
  timeout?: number;
  /** Retry policy for GETs (default: limit 2, GET only, 408/429/500/502/503/504, Retry-After up to 10 s). */
  retry?: RetryPolicy;
}

type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** Query string from an object: arrays comma-joined, undefined/null/empty dropped. */
export function toSearchParams(query: Record<string, QueryValue> | object | undefined): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}) as [string, QueryValue][]) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) { if (v.length) out.set(k, v.join(',')); continue; }
    if (v === '') continue;
    out.set(k, String(v));
  }
  return out;
}

type Expect = 'json' | 'void' | 'blob';
type Check = (body: unknown) => boolean;

interface CallSpec extends Omit<HttpRequest, 'token' | 'signal'> {
  expect?: Expect;
  check?: Check;
  /** What the check looked for, for the error detail. */
  shape?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId: Check = (v) => isObj(v) && typeof v.id === 'string';
const isPage: Check = (v) => isObj(v) && Array.isArray(v.items);
const isArray: Check = (v) => Array.isArray(v);
const seg = (s: string) => encodeURIComponent(s);

/** Turns an error response into an ApiError: problem+json (RFC 9457) when the body is one, else by status. */
export async function errorFromResponse(operation: string, response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const type = response.headers.get('Content-Type') ?? '';
  let text = '';
  try { text = await response.text(); } catch { /* body gone */ }
  if (/json/i.test(type) && text) {
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      if (isObj(body) && typeof body.title === 'string') {
        const errors = Array.isArray(body.errors)
          ? (body.errors as unknown[]).filter((e): e is FieldError => isObj(e) && typeof e.field === 'string' && typeof e.message === 'string')
          : [];
        return ApiError.fromProblem(operation, {
          type: typeof body.type === 'string' ? body.type : 'about:blank',
          title: body.title,
          status: typeof body.status === 'number' ? body.status : response.status,
          ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
          errors,
        }, retryAfter);
      }
    } catch { /* not JSON after all: fall through */ }
  }
  // An HTML error page from a proxy, an empty body, or JSON that is not a problem: the status says enough.
  return new ApiError({ kind: 'http', operation, status: response.status, retryAfter, cause: text.slice(0, 500) || undefined });
}

/** Maps anything a call can throw onto an ApiError. */
export async function toApiError(operation: string, e: unknown, signal?: AbortSignal): Promise<ApiError> {
  if (isApiError(e)) return e;
  if (signal?.aborted || (e instanceof DOMException && e.name === 'AbortError') || (e as Error)?.name === 'AbortError') {
    return new ApiError({ kind: 'abort', operation, cause: e });
  }
  // ky's TimeoutError and the DOMException of AbortSignal.timeout() share the name.
  if ((e as Error)?.name === 'TimeoutError') return new ApiError({ kind: 'timeout', operation, cause: e });
  // fetch rejects with a TypeError for offline, DNS, refused connections and CORS failures.
  return new ApiError({ kind: 'network', operation, cause: e });
}

async function parseBody<T>(operation: string, res: Response, expect: Expect, check?: Check, shape?: string): Promise<T> {
  if (expect === 'void') { void res.body?.cancel().catch(() => undefined); return undefined as T; }
  if (expect === 'blob') return (await res.blob()) as T;
  const text = await res.text();
  const type = res.headers.get('Content-Type') ?? '';
  let body: unknown;
  try {
    if (!/json/i.test(type)) throw new SyntaxError(`content type ${type || 'missing'}`);
    body = JSON.parse(text);
  } catch (cause) {
    throw new ApiError({
      kind: 'invalid-response', operation, status: res.status, cause,
      detail: /json/i.test(type) ? 'the answer was not valid JSON' : `expected JSON, got ${type.split(';')[0] || 'no content type'}`,
    });
  }
  if (check && !check(body)) {
    throw new ApiError({ kind: 'invalid-response', operation, status: res.status, detail: `expected ${shape ?? 'a different shape'}` });
  }
  return body as T;
}

/**
 * The typed support API. Every method takes an AbortSignal and rejects with `ApiError` only.
 * - `Authorization: Bearer` from `session.getAccessToken()` on every call (public routes too, when signed in).
 *   Calls with a token go through ky (loaded on the first such call); anonymous calls through plain fetch, so a
 *   public page never downloads ky (`api-transport.ts`).
 * - A 401 renews the session once (`session.renew()`) and repeats the call once; a second 401, or a renewal that
 *   returns null, moves the session to signed-out (`markExpired()` when the session has it) and rejects with 401.
 * - GETs are retried with backoff (408/429/5xx and network failures, Retry-After respected); POSTs never are —
 *   callers retry with the same `Idempotency-Key`.
 */
export function createApiClient(options: ApiClientOptions): SupportApi {
  const { session = null, timeout = 15_000 } = options;
  const prefixUrl = options.apiUrl.replace(/\/+$/, '') + '/';
  const transportOptions: TransportOptions = { prefixUrl, timeout, retry: { ...DEFAULT_RETRY, ...options.retry } };
  const anonymous = fetchTransport(transportOptions);
  let signedIn: Promise<Transport> | null = null;

  /** Anonymous calls go out at once; the first call with a token loads the ky transport (once). */
  function send(spec: CallSpec, token: string | null, signal?: AbortSignal): Promise<Response> {
    const request: HttpRequest = { ...spec, token, ...(signal ? { signal } : {}) };
    if (!token) return anonymous(request);
    signedIn ??= import('./api-transport-ky.js').then((m) => m.kyTransport(transportOptions), (e: unknown) => { signedIn = null; throw e; });
    return signedIn.then((transport) => transport(request));
  }

  function expire(): void {
    const s = session as (Session & { markExpired?: (m?: string) => void }) | null;
    if (s?.markExpired) s.markExpired();
    else void s?.signOut().catch(() => undefined);
  }

  async function call<T>(operation: string, spec: CallSpec, signal?: AbortSignal): Promise<T> {
    try {
      const token = session ? await session.getAccessToken().catch(() => null) : null;
      let res = await send(spec, token, signal);
      if (res.status === 401 && session && token) {
        const fresh = await session.renew().catch(() => null);
        if (!fresh) expire();
        else {
          void res.body?.cancel().catch(() => undefined);
          res = await send(spec, fresh, signal);
          if (res.status === 401) expire();
        }
      }
      if (!res.ok) throw await errorFromResponse(operation, res);
      return await parseBody<T>(operation, res, spec.expect ?? 'json', spec.check, spec.shape);
    } catch (e) {
      throw await toApiError(operation, e, signal);
    }
  }

  function upload(file: File, o: UploadOptions = {}): Promise<Attachment> {
    const operation = 'uploadAttachment';
    const send = (token: string | null) => new Promise<Response>((resolve, reject) => {
      if (o.signal?.aborted) { reject(new ApiError({ kind: 'abort', operation })); return; }
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${prefixUrl}attachments`);
      xhr.setRequestHeader('Accept', ACCEPT);
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      const onAbort = () => xhr.abort();
      o.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => o.signal?.removeEventListener('abort', onAbort);
      if (o.onProgress) {
        const cb = o.onProgress;
        xhr.upload.onprogress = (ev) => cb(ev.loaded, ev.lengthComputable ? ev.total : file.size);
      }
      xhr.onload = () => {
        done();
        const headers = new Headers();
        for (const h of ['Content-Type', 'Retry-After']) { const v = xhr.getResponseHeader(h); if (v) headers.set(h, v); }
        resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }));
      };
      xhr.onerror = () => { done(); reject(new TypeError('Network request failed')); };
      xhr.ontimeout = () => { done(); reject(new ApiError({ kind: 'timeout', operation })); };
      xhr.onabort = () => { done(); reject(new ApiError({ kind: 'abort', operation })); };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
    return (async () => {
      try {
        const token = session ? await session.getAccessToken().catch(() => null) : null;
        let res = await send(token);
        if (res.status === 401 && session && token) {
          const fresh = await session.renew().catch(() => null);
          if (!fresh) { expire(); throw await errorFromResponse(operation, res); }
          res = await send(fresh);
          if (res.status === 401) { expire(); }
        }
        if (!res.ok) throw await errorFromResponse(operation, res);
        return await parseBody<Attachment>(operation, res, 'json', hasId, 'an attachment');
      } catch (e) {
        throw await toApiError(operation, e, o.signal);
      }
    })();
  }

  const idem = (o: CreateOptions) => (o?.idempotencyKey ? { 'Idempotency-Key': o.idempotencyKey } : undefined);

  const api: SupportApi = {
    me: (o?: RequestOptions) => call<Me>('me', {
      method: 'get', path: 'me', check: (v) => isObj(v) && typeof v.id === 'string' && typeof v.portalAccess === 'string', shape: 'the signed-in user',
    }, o?.signal),
    listCases: (query, o) => call<Page<CaseSummary>>('listCases', {
      method: 'get', path: 'cases', searchParams: toSearchParams(query), check: isPage, shape: 'a page of cases',
    }, o?.signal),
    createCase: (input, o) => call<SupportCase>('createCase', {
      method: 'post', path: 'cases', json: input, headers: idem(o), check: hasId, shape: 'a case',
    }, o?.signal),
    getCase: (id, o) => call<SupportCase>('getCase', { method: 'get', path: `cases/${seg(id)}`, check: hasId, shape: 'a case' }, o?.signal),
    listComments: (caseId, o) => call<Page<Comment>>('listComments', {
      method: 'get', path: `cases/${seg(caseId)}/comments`, searchParams: toSearchParams({ since: o?.since, order: o?.order, cursor: o?.cursor, limit: o?.limit }), check: isPage, shape: 'a page of comments',
    }, o?.signal),
    addComment: (caseId, input, o) => call<Comment>('addComment', {
      method: 'post', path: `cases/${seg(caseId)}/comments`, json: input, headers: idem(o), check: hasId, shape: 'a comment',
    }, o?.signal),
    closeCase: (id, input, o) => call<SupportCase>('closeCase', {
      method: 'post', path: `cases/${seg(id)}/close`, json: input ?? {}, check: hasId, shape: 'a case',
    }, o?.signal),
    reopenCase: (id, input, o) => call<SupportCase>('reopenCase', {
      method: 'post', path: `cases/${seg(id)}/reopen`, json: input, check: hasId, shape: 'a case',
    }, o?.signal),
    escalateCase: (id, input, o) => call<SupportCase>('escalateCase', {
      method: 'post', path: `cases/${seg(id)}/escalations`, json: input, check: hasId, shape: 'a case',
    }, o?.signal),
    uploadAttachment: (file, o) => upload(file, o),
    downloadAttachment: (id, o) => call<Blob>('downloadAttachment', {
      method: 'get', path: `attachments/${seg(id)}`, expect: 'blob', headers: { Accept: '*/*' },
    }, o?.signal),
    listProducts: (o) => call<Product[]>('listProducts', { method: 'get', path: 'products', check: isArray, shape: 'a list of products' }, o?.signal),
    searchKb: (query, o) => call<Page<KbSearchHit>>('searchKb', {
      method: 'get', path: 'kb/search', searchParams: toSearchParams(query), check: isPage, shape: 'a page of articles',
    }, o?.signal),
    getArticle: (id, o) => call<KbArticle>('getArticle', {
      method: 'get', path: `kb/articles/${seg(id)}`, check: (v) => hasId(v) && typeof (v as { bodyHtml?: unknown }).bodyHtml === 'string', shape: 'an article',
    }, o?.signal),
    sendArticleFeedback: (id, input, o) => call<void>('sendArticleFeedback', {
      method: 'post', path: `kb/articles/${seg(id)}/feedback`, json: input, expect: 'void',
    }, o?.signal),
    getContacts: (o) => call<Contacts>('getContacts', {
      method: 'get', path: 'contacts', check: (v) => isObj(v) && Array.isArray(v.centres) && Array.isArray(v.countries), shape: 'contact details',
    }, o?.signal),
    listDocuments: (query, o) => call<DocumentInfo[]>('listDocuments', {
      method: 'get', path: 'documents', searchParams: toSearchParams(query), check: isArray, shape: 'a list of documents',
    }, o?.signal),
    requestAccount: (input, o) => call<AccountRequestReceipt>('requestAccount', {
      method: 'post', path: 'account-requests', json: input, check: (v) => hasId(v) && typeof (v as { status?: unknown }).status === 'string', shape: 'an account request receipt',
    }, o?.signal),
  };
  return api;
}
