/** Browser side of test/core/mock-server.mjs: script answers for a key, read what was requested. */
export interface MockAnswer {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  delayMs?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  headers: { authorization: string | null; 'idempotency-key': string | null; 'content-type': string | null };
  body: string;
}

let n = 0;
/** A key nobody else uses (tests of several files run at once). */
export function uniqueKey(prefix = 't'): string {
  n += 1;
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${n}`;
}

export async function script(key: string, answers: MockAnswer[]): Promise<void> {
  const res = await fetch(`/__mock/script/${key}`, { method: 'POST', body: JSON.stringify(answers) });
  if (res.status !== 204) throw new Error(`mock script failed: ${res.status}`);
}

export async function requests(key: string): Promise<LoggedRequest[]> {
  return (await fetch(`/__mock/log/${key}`)).json();
}

/** Base URL of scripted answers for `key`. */
export function mockBase(key: string): string {
  return `${location.origin}/__mock/r/${key}`;
}

export const problem = (status: number, title: string, extra: Record<string, unknown> = {}): MockAnswer => ({
  status, headers: { 'content-type': 'application/problem+json' }, json: { type: 'about:blank', title, status, ...extra },
});
