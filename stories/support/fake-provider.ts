/**
 * Storybook support: a fake support API and a fake session provided through the REAL contexts
 * (configContext / sessionContext / apiContext), so stories need no server and components run exactly as under
 * es-provider.
 *
 * Usage in a story file:
 * ```ts
 * import { withFakeProvider, type EsStoryParameters } from './support/fake-provider.js';
 * export default { title: 'Elements/Case list', component: 'es-case-list', decorators: [withFakeProvider],
 *   parameters: { es: { session: 'signed-in' } satisfies EsStoryParameters } };
 * export const Loading = { parameters: { es: { session: 'signed-in', api: { mode: 'loading' } } } };
 * export const Empty   = { parameters: { es: { session: 'signed-in', api: { mode: 'empty' } } } };
 * export const Error   = { parameters: { es: { session: 'signed-in', api: { mode: 'error', error: { status: 503 } } } } };
 * export const OnlyArticleFails = { parameters: { es: { api: { methods: { getArticle: 'error' } } } } };
 * export const Hostile = { parameters: { es: { session: 'signed-in', api: { data: { cases: hostileCases } } } } };
 * export const Pending = { parameters: { es: { session: 'signed-in', user: 'pending' } } };
 * ```
 * `withFakeProvider` is also registered globally in .storybook/preview.ts, so `parameters.es` alone is enough; add
 * it to `decorators` yourself only if you use the fakes outside Storybook's global decorators.
 * The global toolbar (locale, theme, direction) sets `lang`, `dir` and `data-es-theme` on the provider element.
 */
import { html } from 'lit';
import { ContextProvider } from '@lit/context';
import type { Decorator } from '@storybook/web-components-vite';
import { apiContext, configContext, sessionContext } from '../../src/core/context.js';
import type { SupportApi, RequestOptions } from '../../src/core/api-types.js';
import type { EsConfig } from '../../src/core/config.types.js';
import type {
  Session, SessionErrorCode, SessionState, SessionStatus, SessionUser, SignInOptions,
} from '../../src/core/session-types.js';
import { darkTokens, lightTokens } from '../../src/styles/tokens.js';
import { ApiError, type ApiErrorKind, type FieldError } from '../../src/core/errors.js';
import type {
  Attachment, CaseSummary, Comment, KbSearchHit, Page, SupportCase,
} from '../../src/core/models.js';
import { defaultFixtureData, findMatches, makeCase, meByUser, type FixtureData } from './fixtures.js';
import { pageComments } from './comment-pages.js';

// ---------------------------------------------------------------- options
/**
 * - `ok`: answers from the fixture data after `delay` ms
 * - `loading`: never answers (until the caller aborts): the loading state
 * - `empty`: lists are empty, single items 404
 * - `error`: every call rejects with an ApiError (see `error`)
 * - `fail-once`: the first call of each method fails, the retry succeeds (shows the retry button working)
 */
export type FakeMode = 'ok' | 'loading' | 'empty' | 'error' | 'fail-once';
export type ApiMethod = keyof SupportApi;

export interface FakeErrorOptions {
  /** HTTP status, 0 for no answer. Default 503. */
  status?: number;
  /** Default `http` (or `network` when status is 0). */
  kind?: ApiErrorKind;
  title?: string;
  detail?: string;
  fieldErrors?: FieldError[];
  retryAfter?: number;
}

export interface FakeApiOptions {
  /** Behaviour of every method (default `ok`). */
  mode?: FakeMode;
  /** Per-method behaviour, overriding `mode`, e.g. `{ getArticle: 'loading' }`. */
  methods?: Partial<Record<ApiMethod, FakeMode>>;
  /**
   * Methods whose `mode` / `methods` behaviour applies only to calls with a `cursor` (the pages after the first);
   * their other calls answer normally. `{ methods: { listComments: 'error' }, pagedOnly: ['listComments'] }`: a
   * thread opens, but paging back to earlier comments fails.
   */
  pagedOnly?: ApiMethod[];
  /** Latency of answers in ms (default 120). */
  delay?: number;
  error?: FakeErrorOptions;
  /** Replace parts of the default fixture data. */
  data?: Partial<FixtureData>;
  /** Replace methods outright. */
  overrides?: Partial<SupportApi>;
}

export type FakeUser = keyof typeof meByUser;

export interface FakeSessionOptions {
  status?: SessionStatus;
  /** Which seeded user is signed in (sets the session user and GET /me). Default `anna`. */
  user?: FakeUser;
  error?: { code: SessionErrorCode; message?: string };
  /** What `signIn()` ends in (default `signed-in` after 600 ms). */
  signInOutcome?: 'signed-in' | SessionErrorCode | 'never';
}

/** `parameters.es` of a story. */
export interface EsStoryParameters {
  api?: FakeApiOptions;
  /** A status or full options. Default `signed-out`. */
  session?: SessionStatus | FakeSessionOptions;
  /** Shortcut for `session.user` (also picks GET /me). */
  user?: FakeUser;
  config?: Partial<EsConfig>;
}

// ---------------------------------------------------------------- fake API
export interface FakeApi extends SupportApi {
  /** Every call made: method name and arguments (for play functions). */
  readonly calls: { method: ApiMethod; args: unknown[] }[];
  /** The live data set (mutated by creates, comments, closes...). */
  readonly data: FixtureData;
}

const METHODS: ApiMethod[] = ['me', 'listCases', 'createCase', 'getCase', 'listComments', 'addComment', 'closeCase',
  'reopenCase', 'escalateCase', 'uploadAttachment', 'downloadAttachment', 'listProducts', 'searchKb', 'getArticle',
  'sendArticleFeedback', 'getContacts', 'listDocuments', 'requestAccount'];

const abortError = (operation: string) => new ApiError({ kind: 'abort', operation });

/** Resolves after `ms` unless `signal` aborts first (then rejects with an abort ApiError). `ms = Infinity` never resolves. */
function wait(ms: number, operation: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(abortError(operation)); return; }
    const t = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(abortError(operation)); }, { once: true });
  });
}

function makeError(operation: string, e: FakeErrorOptions = {}): ApiError {
  const status = e.status ?? 503;
  const kind = e.kind ?? (status === 0 ? 'network' : 'http');
  return new ApiError({
    kind, operation, status, ...(e.title ? { title: e.title } : {}), ...(e.detail ? { detail: e.detail } : {}),
    fieldErrors: e.fieldErrors ?? [], retryAfter: e.retryAfter ?? null,
  });
}

const notFound = (operation: string) => new ApiError({ kind: 'http', operation, status: 404 });
const stripTags = (s: string) => s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
const severityRank = { critical: 0, high: 1, medium: 2, low: 3 } as const;
let seq = 1;

/** A fake SupportApi over fixture data (a fresh copy per call), behaviour set by `options`. */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const data: FixtureData = structuredClone({ ...defaultFixtureData(), ...options.data });
  const delay = options.delay ?? 120;
  const calls: { method: ApiMethod; args: unknown[] }[] = [];
  const failedOnce = new Set<ApiMethod>();
  const modeOf = (m: ApiMethod): FakeMode => options.methods?.[m] ?? options.mode ?? 'ok';
  const empty = (m: ApiMethod) => modeOf(m) === 'empty';

  const detail = (id: string): SupportCase | undefined => {
    if (data.caseDetails[id]) return data.caseDetails[id];
    const s = data.cases.find((c) => c.id === id);
    return s ? (data.caseDetails[id] = makeCase(s)) : undefined;
  };
  const touch = (c: SupportCase) => {
    c.updatedAt = new Date().toISOString();
    const i = data.cases.findIndex((s) => s.id === c.id);
    if (i >= 0) data.cases[i] = { ...data.cases[i]!, status: c.status, updatedAt: c.updatedAt };
  };
  const move = (c: SupportCase, to: SupportCase['status'], note: string | null) => {
    c.history = [...c.history, { from: c.status, to, at: new Date().toISOString(), by: { id: data.me.id, name: data.me.name, role: 'customer' }, note }];
    c.status = to;
    touch(c);
    return structuredClone(c);
  };

  const impl: SupportApi = {
    async me() { return structuredClone(data.me); },
    async listCases(q) {
      if (empty('listCases')) return { items: [], nextCursor: null, total: 0 };
      let rows = data.cases.filter((c) =>
        (!q.status?.length || q.status.includes(c.status)) &&
        (!q.severity?.length || q.severity.includes(c.severity)) &&
        (!q.product || c.productId === q.product) &&
        (!q.q || `${c.number} ${c.subject}`.toLowerCase().includes(q.q.toLowerCase())));
      const sort = q.sort ?? '-updated';
      const desc = sort.startsWith('-');
      const key = sort.replace('-', '');
      rows = [...rows].sort((a, b) => {
        const v = key === 'severity' ? severityRank[b.severity] - severityRank[a.severity]
          : (key === 'created' ? a.createdAt.localeCompare(b.createdAt) : a.updatedAt.localeCompare(b.updatedAt));
        return desc ? -v : v;
      });
      const start = Number(q.cursor ?? 0) || 0;
      const limit = q.limit ?? 50;
      const items = rows.slice(start, start + limit);
      return { items: structuredClone(items), nextCursor: start + limit < rows.length ? String(start + limit) : null, total: rows.length } as Page<CaseSummary>;
    },
    async createCase(input) {
      const product = data.products.find((p) => p.id === input.productId);
      const now = new Date().toISOString();
      const summary: CaseSummary = {
        id: `case-new-${seq++}`, number: `CS-${String(200000 + seq).padStart(7, '0')}`, subject: input.subject,
        productId: input.productId, productName: product?.name ?? input.productId, severity: input.severity,
        status: 'new', createdAt: now, updatedAt: now,
      };
      data.cases.unshift(summary);
      const c = makeCase(summary, { description: input.description, contactPhone: input.contactPhone ?? null, attachments: [], commentCount: 0,
        history: [{ from: null, to: 'new', at: now, by: { id: data.me.id, name: data.me.name, role: 'customer' }, note: null }] });
      data.caseDetails[c.id] = c;
      return structuredClone(c);
    },
    async getCase(id) {
      const c = empty('getCase') ? undefined : detail(id);
      if (!c) throw notFound('getCase');
      return structuredClone(c);
    },
    async listComments(caseId, o) {
      // Pages like the API (order, cursor, limit, since, total): the same pager as the component tests.
      const all = empty('listComments') ? [] : (data.comments[caseId] ?? []);
      return pageComments(all, o);
    },
    async addComment(caseId, input) {
      const c: Comment = {
        id: `c-new-${seq++}`, caseId, author: { id: data.me.id, name: data.me.name, role: 'customer' }, body: input.body,
        createdAt: new Date().toISOString(), attachments: [],
      };
      (data.comments[caseId] ??= []).push(c);
      const d = detail(caseId);
      if (d) { d.commentCount++; touch(d); }
      return structuredClone(c);
    },
    async closeCase(id, input) { const c = detail(id); if (!c) throw notFound('closeCase'); return move(c, 'closed', input.reason ?? null); },
    async reopenCase(id, input) { const c = detail(id); if (!c) throw notFound('reopenCase'); return move(c, 'in_progress', input.reason); },
    async escalateCase(id, input) {
      const c = detail(id);
      if (!c) throw notFound('escalateCase');
      c.escalationLevel = Math.min(3, c.escalationLevel + 1);
      return move(c, 'escalated', input.reason);
    },
    async uploadAttachment(file, o) {
      const steps = 5;
      for (let i = 1; i <= steps; i++) {
        await wait(delay, 'uploadAttachment', o?.signal);
        o?.onProgress?.(Math.round((file.size * i) / steps), file.size);
      }
      const a: Attachment = { id: `att-new-${seq++}`, fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size, createdAt: new Date().toISOString() };
      return a;
    },
    async downloadAttachment(id) { return new Blob([`Fake content of attachment ${id}\n`], { type: 'text/plain' }); },
    async listProducts() { return empty('listProducts') ? [] : structuredClone(data.products); },
    async searchKb(q) {
      if (empty('searchKb')) return { items: [], nextCursor: null, total: 0 };
      const terms = q.q.toLowerCase().split(/\s+/).filter((t) => t.length >= 2);
      const hits: (KbSearchHit & { score: number })[] = [];
      for (const a of data.articles) {
        if (q.product && a.productId !== q.product) continue;
        const text = stripTags(a.bodyHtml);
        const titleMatches = findMatches(a.title, terms);
        const first = Math.max(0, ...terms.map((t) => text.toLowerCase().indexOf(t)).filter((i) => i >= 0).slice(0, 1).map((i) => i - 40));
        const snippet = (first > 0 ? '…' : '') + text.slice(first, first + 160) + (text.length > first + 160 ? '…' : '');
        const snippetMatches = findMatches(snippet, terms);
        const score = titleMatches.length * 3 + snippetMatches.length;
        if (terms.length && !score) continue;
        hits.push({ id: a.id, title: a.title, titleMatches, snippet, snippetMatches, productId: a.productId, productName: a.productName, updatedAt: a.updatedAt, score });
      }
      hits.sort((x, y) => y.score - x.score);
      const start = Number(q.cursor ?? 0) || 0;
      const limit = q.limit ?? 10;
      const items = hits.slice(start, start + limit).map(({ score: _s, ...h }) => h);
      return { items, nextCursor: start + limit < hits.length ? String(start + limit) : null, total: hits.length };
    },
    async getArticle(id) {
      const a = empty('getArticle') ? undefined : data.articles.find((x) => x.id === id);
      if (!a) throw notFound('getArticle');
      return structuredClone(a);
    },
    async sendArticleFeedback(id, input) {
      const a = data.articles.find((x) => x.id === id);
      if (a) { if (input.helpful) a.helpfulYes++; else a.helpfulNo++; }
    },
    async getContacts() {
      if (empty('getContacts')) return { centres: [], countries: [], emergency: [], escalation: [] };
      return structuredClone(data.contacts);
    },
    async listDocuments(q) {
      if (empty('listDocuments')) return [];
      return structuredClone(data.documents.filter((d) => (!q.product || d.productId === q.product) && (!q.lang || d.language === q.lang)));
    },
    async requestAccount(input) {
      return { id: `ar-${seq++}`, status: input.email.startsWith('dup') ? 'duplicate' : 'received', hasBusinessAccount: input.email.endsWith('@nordicbank.example') };
    },
  };

  const api: Record<string, unknown> = { calls, data };
  for (const m of METHODS) {
    const real = (options.overrides?.[m] ?? impl[m]) as (...a: unknown[]) => Promise<unknown>;
    api[m] = async (...args: unknown[]) => {
      calls.push({ method: m, args });
      const signal = (args.find((a) => a && typeof a === 'object' && 'signal' in (a as object)) as RequestOptions | undefined)?.signal;
      const paged = args.some((a) => !!a && typeof a === 'object' && typeof (a as { cursor?: unknown }).cursor === 'string');
      const mode = options.pagedOnly?.includes(m) && !paged ? 'ok' : modeOf(m);
      if (mode === 'loading') { await wait(Infinity, m, signal); }
      await wait(m === 'uploadAttachment' ? 0 : delay, m, signal);
      if (mode === 'error') throw makeError(m, options.error);
      if (mode === 'fail-once' && !failedOnce.has(m)) { failedOnce.add(m); throw makeError(m, options.error); }
      return real(...args);
    };
  }
  return api as unknown as FakeApi;
}

// ---------------------------------------------------------------- fake session
const DEFAULT_ERRORS: Record<SessionErrorCode, string> = {
  cancelled: 'The sign-in was cancelled.',
  'state-mismatch': 'No matching state found in storage',
  unreachable: 'The sign-in service could not be reached.',
  expired: 'Your session has ended.',
  failed: 'invalid_grant: grant request is invalid',
};

export function userFor(who: FakeUser = 'anna'): SessionUser {
  const me = meByUser[who];
  return { sub: me.id, email: me.email, name: me.name, username: me.username, expiresAt: Math.floor(Date.now() / 1000) + 3600 };
}

/** A session that behaves like the real one without a provider: signIn() goes signing-in → signed-in. */
export class StorySession implements Session {
  state: SessionState;
  ready = Promise.resolve();
  readonly calls: string[] = [];
  private listeners = new Set<(s: SessionState) => void>();
  private user: SessionUser;
  private outcome: FakeSessionOptions['signInOutcome'];

  constructor(o: FakeSessionOptions = {}) {
    this.user = userFor(o.user);
    this.outcome = o.signInOutcome ?? 'signed-in';
    const status = o.status ?? 'signed-out';
    const error = status === 'error' || o.error
      ? { code: o.error?.code ?? 'failed', message: o.error?.message ?? DEFAULT_ERRORS[o.error?.code ?? 'failed'] } : null;
    this.state = { status, user: status === 'signed-in' ? this.user : null, error };
  }
  subscribe(l: (s: SessionState) => void) { this.listeners.add(l); return () => { this.listeners.delete(l); }; }
  set(next: Partial<SessionState>) {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l(this.state);
  }
  async signIn(o?: SignInOptions) {
    this.calls.push(`signIn:${o?.popup ? 'popup' : 'redirect'}`);
    this.set({ status: 'signing-in', error: null });
    if (this.outcome === 'never') return;
    await new Promise((r) => setTimeout(r, 600));
    if (this.outcome === 'signed-in') this.set({ status: 'signed-in', user: this.user });
    else this.set({ status: 'error', user: null, error: { code: this.outcome!, message: DEFAULT_ERRORS[this.outcome!] } });
  }
  async signOut() { this.calls.push('signOut'); this.set({ status: 'signed-out', user: null, error: null }); }
  async getAccessToken() { return this.state.status === 'signed-in' ? 'story-token' : null; }
  async renew() { this.calls.push('renew'); return this.state.status === 'signed-in' ? 'story-token-2' : null; }
  clearError() { this.set({ error: null, status: this.state.user ? 'signed-in' : 'signed-out' }); }
}

// ---------------------------------------------------------------- provider element and decorator
export const storyConfig: EsConfig = {
  apiUrl: 'https://support.example.com/api/v1', authority: 'https://id.example.com', clientId: 'storybook',
  locale: 'en', theme: 'light', forgotPasswordUrl: 'https://id.example.com/password/forgot',
};

/** Light/dark token values on the story wrapper (as es-provider applies them on itself), one document sheet. */
function adoptThemeSheet() {
  if (typeof document === 'undefined' || (document as { __esStorySheet?: boolean }).__esStorySheet) return;
  (document as { __esStorySheet?: boolean }).__esStorySheet = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    es-story-provider { display: block; padding: 1rem; ${lightTokens.cssText} background: var(--es-color-surface); color: var(--es-color-text); }
    es-story-provider[data-es-theme='dark'] { ${darkTokens.cssText} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** `<es-story-provider>`: provides config, session and api to its children (also to elements upgraded later). */
export class EsStoryProvider extends HTMLElement {
  private configP = new ContextProvider(this, { context: configContext, initialValue: storyConfig });
  private sessionP = new ContextProvider(this, { context: sessionContext, initialValue: new StorySession() as Session });
  private apiP = new ContextProvider(this, { context: apiContext, initialValue: createFakeApi() as SupportApi });
  get config() { return this.configP.value!; }
  set config(v: EsConfig) { this.configP.setValue(v); }
  get session() { return this.sessionP.value!; }
  set session(v: Session) { this.sessionP.setValue(v); }
  get api() { return this.apiP.value!; }
  set api(v: SupportApi) { this.apiP.setValue(v); }
  /** Applies the theme (`data-es-theme`, which switches the token values of the story sheet). */
  set theme(t: 'light' | 'dark') {
    this.setAttribute('data-es-theme', t);
  }
  connectedCallback() {
    adoptThemeSheet();
  }
}
if (!customElements.get('es-story-provider')) customElements.define('es-story-provider', EsStoryProvider);

/** Builds the fakes for a story's `parameters.es`. */
export function createStoryFakes(p: EsStoryParameters = {}, locale = 'en') {
  const s: FakeSessionOptions = typeof p.session === 'string' ? { status: p.session } : { ...p.session };
  if (p.user) s.user = p.user;
  const who = s.user ?? 'anna';
  const api = createFakeApi({ ...p.api, data: { me: meByUser[who], ...p.api?.data } });
  const session = new StorySession(s);
  const config: EsConfig = { ...storyConfig, locale, ...p.config };
  return { api, session, config };
}

/**
 * Global decorator: wraps the story in `<es-story-provider>` with fakes built from `parameters.es` and the toolbar
 * globals (`locale`, `theme`, `dir`).
 */
export const withFakeProvider: Decorator = (story, context) => {
  const g = context.globals as { locale?: string; theme?: 'light' | 'dark'; dir?: 'ltr' | 'rtl' };
  const locale = g.locale ?? 'en';
  const { api, session, config } = createStoryFakes(context.parameters['es'] as EsStoryParameters | undefined, locale);
  const dir = (context.parameters['es'] as { dir?: string } | undefined)?.dir ?? g.dir ?? 'ltr';
  return html`<es-story-provider .config=${config} .session=${session} .api=${api} .theme=${g.theme ?? 'light'}
    lang=${locale} dir=${dir}>${story()}</es-story-provider>`;
};
