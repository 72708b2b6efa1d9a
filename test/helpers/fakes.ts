/**
 * Fakes for component tests and Storybook: a fake session and a fake API, provided through the real contexts by
 * mounting the element under test inside `<es-test-provider>` (a tiny ContextProvider host), so components are
 * exercised exactly as under es-provider — nothing stubs the network.
 */
import { ContextProvider } from '@lit/context';
import { apiContext, configContext, sessionContext } from '../../src/core/context.js';
import type { SupportApi } from '../../src/core/api-types.js';
import type { EsConfig } from '../../src/core/config.types.js';
import type { Session, SessionState, SignInOptions } from '../../src/core/session-types.js';

export class FakeSession implements Session {
  state: SessionState;
  ready: Promise<void> = Promise.resolve();
  /** After holdReady(): settle `ready` as the real session does once a stored sign-in is restored (or not). */
  resolveReady: () => void = () => undefined;
  rejectReady: (e: unknown) => void = () => undefined;
  calls: string[] = [];
  private listeners = new Set<(s: SessionState) => void>();
  constructor(initial: Partial<SessionState> = {}) {
    this.state = { status: 'signed-out', user: null, error: null, ...initial };
  }
  /** Keeps `ready` pending, like a session still restoring a stored sign-in, until resolveReady()/rejectReady(). */
  holdReady(): this {
    const d = deferred<void>();
    this.ready = d.promise;
    this.resolveReady = () => d.resolve();
    this.rejectReady = d.reject;
    return this;
  }
  subscribe(l: (s: SessionState) => void) { this.listeners.add(l); return () => { this.listeners.delete(l); }; }
  set(next: Partial<SessionState>) {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l(this.state);
  }
  async signIn(o?: SignInOptions) { this.calls.push(`signIn:${o?.popup ? 'popup' : 'redirect'}`); this.set({ status: 'signing-in', error: null }); }
  async signOut() { this.calls.push('signOut'); this.set({ status: 'signed-out', user: null, error: null }); }
  async getAccessToken() { return this.state.status === 'signed-in' ? 'fake-token' : null; }
  async renew() { this.calls.push('renew'); return this.state.status === 'signed-in' ? 'fake-token-2' : null; }
  clearError() { this.set({ error: null, status: this.state.user ? 'signed-in' : 'signed-out' }); }
}

export const signedInUser = {
  sub: 'u-1', email: 'anna.virtanen@nordicbank.example', name: 'Anna Virtanen',
  username: 'anna.virtanen@nordicbank.example', expiresAt: Math.floor(Date.now() / 1000) + 3600,
};

/** A fake API: every method rejects with "not faked" unless overridden, so a test names what it relies on. */
export function fakeApi(overrides: Partial<SupportApi> = {}): SupportApi {
  const notFaked = (name: string) => () => Promise.reject(new Error(`fakeApi.${name} not faked`));
  const names: (keyof SupportApi)[] = ['me', 'listCases', 'createCase', 'getCase', 'listComments', 'addComment',
    'closeCase', 'reopenCase', 'escalateCase', 'uploadAttachment', 'downloadAttachment', 'listProducts', 'searchKb',
    'getArticle', 'sendArticleFeedback', 'getContacts', 'listDocuments', 'requestAccount'];
  const api = {} as Record<string, unknown>;
  for (const n of names) api[n] = overrides[n] ?? notFaked(n);
  return api as unknown as SupportApi;
}

export const fakeConfig: EsConfig = {
  apiUrl: 'http://api.test/api/v1', authority: 'http://idp.test', clientId: 'portal', locale: 'en',
  forgotPasswordUrl: 'http://idp.test/password/forgot',
};

/** `<es-test-provider>`: provides config, session and api to its light-DOM children. */
export class EsTestProvider extends HTMLElement {
  private configP = new ContextProvider(this, { context: configContext, initialValue: fakeConfig });
  private sessionP = new ContextProvider(this, { context: sessionContext, initialValue: new FakeSession() });
  private apiP = new ContextProvider(this, { context: apiContext, initialValue: fakeApi() });
  set config(v: EsConfig) { this.configP.setValue(v); }
  get session(): Session { return this.sessionP.value!; }
  set session(v: Session) { this.sessionP.setValue(v); }
  set api(v: SupportApi) { this.apiP.setValue(v); }
}
if (!customElements.get('es-test-provider')) customElements.define('es-test-provider', EsTestProvider);

/**
 * Mounts `child` (an element or HTML string) inside a provider with the given fakes and waits for it to render.
 * Usage: `const el = await mountWith<EsCaseList>('<es-case-list></es-case-list>', { api })`.
 */
export async function mountWith<T extends HTMLElement>(
  child: string | HTMLElement,
  fakes: { api?: SupportApi; session?: Session; config?: EsConfig } = {},
): Promise<T> {
  const provider = document.createElement('es-test-provider') as EsTestProvider;
  if (fakes.config) provider.config = fakes.config;
  if (fakes.session) provider.session = fakes.session;
  if (fakes.api) provider.api = fakes.api;
  document.body.append(provider);
  if (typeof child === 'string') provider.innerHTML = child; else provider.append(child);
  const el = provider.firstElementChild as T & { updateComplete?: Promise<unknown> };
  await el.updateComplete;
  // An element that follows the session renders "checking" until it has seen `ready` settle, which for a fake
  // with a resolved `ready` is one microtask later: tests start from the settled view. A held `ready` stays checking.
  if (el.shadowRoot?.querySelector('[part~=checking]')) {
    await Promise.race([provider.session.ready.then(() => undefined, () => undefined), Promise.resolve()]);
    await el.updateComplete;
  }
  return el;
}

/** Removes every mounted provider (call in afterEach). */
export function cleanup(): void {
  document.querySelectorAll('es-test-provider').forEach((p) => p.remove());
}

/** A promise that can be resolved from outside: for holding a fake request pending. */
export function deferred<T>() {
  let resolve!: (v: T) => void; let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/**
 * Records, from now on, every `part` name rendered into `el`'s shadow root (once it has one) and every value its
 * `view` attribute takes — also renders replaced within the same task, which a later query would miss. For
 * asserting that a state never showed (no signed-out view while the session was being restored). Works on an
 * element not mounted yet (attribute only: its shadow root does not exist before it connects).
 */
export function recordRenders(el: Element): { parts: () => Set<string>; views: () => string[]; stop: () => void } {
  const seenParts = new Set<string>();
  const oldViews: string[] = [];
  const addParts = (root: Element | ShadowRoot) => {
    const all = root instanceof Element ? [root, ...root.querySelectorAll('[part]')] : [...root.querySelectorAll('[part]')];
    for (const e of all) for (const p of (e.getAttribute('part') ?? '').split(/\s+/)) if (p) seenParts.add(p);
  };
  const onRecords = (records: MutationRecord[]) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach((n) => { if (n instanceof Element) addParts(n); });
      // Each change's old value is a value that was shown before the next one (however they were batched).
      else if (r.target === el && r.oldValue !== null) oldViews.push(r.oldValue);
    }
  };
  const mo = new MutationObserver(onRecords);
  mo.observe(el, { attributes: true, attributeFilter: ['view'], attributeOldValue: true });
  if (el.shadowRoot) {
    addParts(el.shadowRoot);
    mo.observe(el.shadowRoot, { childList: true, subtree: true });
  }
  const views = () => {
    onRecords(mo.takeRecords());
    const all = [...oldViews, el.getAttribute('view') ?? ''].filter(Boolean);
    return all.filter((v, i) => v !== all[i - 1]);
  };
  const parts = () => { onRecords(mo.takeRecords()); return seenParts; };
  return { parts, views, stop: () => { onRecords(mo.takeRecords()); mo.disconnect(); } };
}
