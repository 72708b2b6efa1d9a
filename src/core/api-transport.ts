/**
 * How the API client puts a request on the wire. Two transports with one contract:
 *
 * - `fetchTransport` (here, in the core every page loads): plain `fetch`, for calls WITHOUT a bearer token, i.e.
 *   what a public page (contact card, knowledge base, documents, account request) sends. It is about 0.6 KB.
 * - `kyTransport` (`api-transport-ky.ts`, loaded by dynamic import on the first call WITH a token): ky, as the
 *   stack prescribes for the signed-in API. A signed-in page loads oidc-client-ts anyway; ky (about 4 KB brotli)
 *   rides along there instead of on every public page.
 *
 * The contract: resolve with the FINAL response (after the GET retries), whatever its status; reject with a
 * `TypeError` when the network failed, a `TimeoutError`-named error when an attempt took longer than `timeout`, or
 * the caller's abort reason. Turning statuses and bodies into results or `ApiError`s is the client's job
 * (`api-client.ts`), so both transports are held to the same outcomes by one set of tests.
 */

/** When GETs are retried. The same shape as ky's `RetryOptions` (a subset), so both transports take it as is. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  limit?: number;
  /** Lower-case methods that may be retried (default `['get']`: a POST is never repeated behind the caller's back). */
  methods?: string[];
  /** Statuses worth another try (default 408, 429, 500, 502, 503, 504). */
  statusCodes?: number[];
  /** Statuses whose `Retry-After` is honoured (default 429, 503). */
  afterStatusCodes?: number[];
  /** Longest `Retry-After` wait in ms (default 10000); a longer one is cut to this. */
  maxRetryAfter?: number;
  /** Longest backoff in ms (default 3000). */
  backoffLimit?: number;
  /** Backoff in ms before retry `attempt` (1-based; default 300 ms doubling). */
  delay?: (attempt: number) => number;
}

export const DEFAULT_RETRY: Required<RetryPolicy> = {
  limit: 2,
  methods: ['get'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  maxRetryAfter: 10_000,
  backoffLimit: 3_000,
  delay: (attempt) => 0.3 * 2 ** (attempt - 1) * 1000,
};

export interface TransportOptions {
  /** API base URL ending in `/`. */
  prefixUrl: string;
  /** Milliseconds per attempt. */
  timeout: number;
  retry: Required<RetryPolicy>;
}

export interface HttpRequest {
  method: 'get' | 'post';
  /** Path relative to the base URL, already encoded. */
  path: string;
  searchParams?: URLSearchParams;
  /** Sent as a JSON body. */
  json?: unknown;
  headers?: Record<string, string>;
  /** Bearer token, or null for an anonymous call. */
  token: string | null;
  signal?: AbortSignal;
}

export type Transport = (request: HttpRequest) => Promise<Response>;

export const ACCEPT = 'application/json, application/problem+json';

/** Seconds from a Retry-After header (delta seconds or HTTP date). */
export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, Math.round(n));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** Headers of a request: Accept, the caller's, and the bearer token when there is one. */
export function requestHeaders(request: HttpRequest): Record<string, string> {
  return {
    Accept: ACCEPT,
    ...request.headers,
    ...(request.token ? { Authorization: `Bearer ${request.token}` } : {}),
  };
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  const timer = setTimeout(() => { signal?.removeEventListener('abort', stop); resolve(); }, ms);
  const stop = () => { clearTimeout(timer); reject(signal!.reason); };
  signal?.addEventListener('abort', stop, { once: true });
});

/**
 * Plain-fetch transport (anonymous calls). Retries a retriable method after a network failure or a retriable
 * status: `Retry-After` (capped) for 429/503, else the backoff. A timeout is not retried (as in ky): the user has
 * already waited `timeout` ms.
 */
export function fetchTransport({ prefixUrl, timeout, retry }: TransportOptions): Transport {
  return async (request) => {
    const query = request.searchParams?.size ? `?${request.searchParams}` : '';
    const headers = requestHeaders(request);
    if (request.json !== undefined) headers['Content-Type'] = 'application/json';
    const body = request.json !== undefined ? JSON.stringify(request.json) : undefined;
    const retriable = retry.methods.includes(request.method);
    for (let attempt = 1; ; attempt++) {
      request.signal?.throwIfAborted();
      const deadline = AbortSignal.timeout(timeout);
      let response: Response | null = null;
      let failure: unknown = null;
      try {
        response = await fetch(prefixUrl + request.path + query, {
          method: request.method.toUpperCase(), headers, body, credentials: 'omit',
          signal: request.signal ? AbortSignal.any([request.signal, deadline]) : deadline,
        });
      } catch (e) {
        if (request.signal?.aborted || deadline.aborted) throw e; // abort, or DOMException "TimeoutError"
        failure = e;
      }
      const again = retriable && attempt <= retry.limit && (failure !== null || retry.statusCodes.includes(response!.status));
      if (!again) {
        if (failure !== null) throw failure;
        return response!;
      }
      const after = response && retry.afterStatusCodes.includes(response.status) ? parseRetryAfter(response.headers.get('Retry-After')) : null;
      void response?.body?.cancel().catch(() => undefined);
      await sleep(after !== null ? Math.min(after * 1000, retry.maxRetryAfter) : Math.min(retry.delay(attempt), retry.backoffLimit), request.signal);
    }
  };
}
