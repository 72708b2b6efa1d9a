import type { ProblemDetails } from './models.js';

/**
 * - `http`: the server answered with an error status (problem+json or not)
 * - `network`: no answer (offline, DNS, CORS, connection refused)
 * - `timeout`: no answer in time
 * - `abort`: the caller aborted (a stale request); components ignore these
 * - `invalid-response`: a 2xx whose body is not the JSON shape expected
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'abort' | 'invalid-response';

export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorInit {
  kind: ApiErrorKind;
  operation: string;
  status?: number;
  title?: string;
  detail?: string;
  type?: string;
  fieldErrors?: FieldError[];
  retryAfter?: number | null;
  cause?: unknown;
}

/** Every failure of the API layer. `message` is written for a person. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when there was no answer. */
  readonly status: number;
  /** Name of the API call, e.g. `createCase`. */
  readonly operation: string;
  readonly title: string;
  readonly detail: string | null;
  readonly type: string | null;
  readonly fieldErrors: FieldError[];
  /** Seconds from a Retry-After header, when given. */
  readonly retryAfter: number | null;

  constructor(init: ApiErrorInit) {
    const title = init.title ?? defaultTitle(init.kind, init.status ?? 0);
    super(init.detail ? `${title}: ${init.detail}` : title, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.operation = init.operation;
    this.title = title;
    this.detail = init.detail ?? null;
    this.type = init.type ?? null;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  /** True when trying again later may succeed (no answer, 408, 429, 5xx). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' ||
      (this.kind === 'http' && (this.status === 408 || this.status === 429 || this.status >= 500));
  }

  static fromProblem(operation: string, problem: ProblemDetails, retryAfter: number | null = null): ApiError {
    return new ApiError({
      kind: 'http', operation, status: problem.status, title: problem.title, detail: problem.detail,
      type: problem.type, fieldErrors: problem.errors ?? [], retryAfter,
    });
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'ApiError');
}

/** True for aborts (ours or the platform's): never shown to the user. */
export function isAbort(e: unknown): boolean {
  return (isApiError(e) && e.kind === 'abort') || (e instanceof DOMException && e.name === 'AbortError');
}

function defaultTitle(kind: ApiErrorKind, status: number): string {
  switch (kind) {
    case 'network': return 'The support service could not be reached. Check your connection and try again.';
    case 'timeout': return 'The support service took too long to answer. Try again in a moment.';
    case 'abort': return 'The request was cancelled.';
    case 'invalid-response': return 'The support service sent an answer this page does not understand.';
    default:
      if (status === 401) return 'Your session has ended. Sign in again.';
      if (status === 403) return 'You do not have access to this.';
      if (status === 404) return 'Not found.';
      if (status === 429) return 'Too many requests. Wait a moment and try again.';
      if (status >= 500) return 'The support service had a problem. Try again in a moment.';
      return 'The request could not be completed.';
  }
}
