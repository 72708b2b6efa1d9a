import ky, { HTTPError } from 'ky';
import { requestHeaders, type Transport, type TransportOptions } from './api-transport.js';

/**
 * The ky transport, for calls with a bearer token (see `api-transport.ts` for the contract and why there are two).
 * Loaded by dynamic import from `api-client.ts`, so a page where nobody signs in never downloads ky.
 * ky retries GETs (statuses, network failures, `Retry-After`) per the shared policy and throws `HTTPError` for a
 * non-2xx answer; that answer is handed back as the response, for the client to read as problem+json.
 */
export function kyTransport({ prefixUrl, timeout, retry }: TransportOptions): Transport {
  const http = ky.create({ prefixUrl, timeout, retry, credentials: 'omit' });
  return async (request) => {
    try {
      return await http(request.path, {
        method: request.method,
        headers: requestHeaders(request),
        ...(request.searchParams?.size ? { searchParams: request.searchParams } : {}),
        ...(request.json !== undefined ? { json: request.json } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (e) {
      if (e instanceof HTTPError) return e.response;
      throw e;
    }
  };
}
