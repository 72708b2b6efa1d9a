import type { UserManager, UserManagerSettings } from 'oidc-client-ts';
import type { EsConfig } from './config.types.js';
import type { OidcModule } from './oidc-loader.js';
import type { LockManagerLike } from './session-lock.js';
import type { Session, SessionState, SignInOptions } from './session-types.js';

/**
 * The real `Session`: oidc-client-ts `UserManager` (authorization code + PKCE) behind a small reactive state.
 *
 * **Loading.** This module is a small shell. The implementation (`session-impl.ts`) and oidc-client-ts (~15 KB
 * brotli) are imported dynamically, only when the URL holds a sign-in answer, a session is stored, another tab
 * shares one, `signIn()` is called, or a silent sign-in on arrival is tried (`silentSignIn`, once per tab): a
 * page with only public elements downloads neither.
 *
 * **Renewal.** Refresh tokens only (no hidden iframe: third-party cookies are blocked in embeds).
 * `automaticSilentRenew` is off; a timer renews `min(60, lifetime/3)` seconds before the access token expires.
 * Every renewal (timer, 401, `getAccessToken()` near expiry) goes through ONE lock,
 * `navigator.locks.request('eservice-widgets-renew:<clientId>')`. Inside the lock the stored user is read again:
 * when another tab already refreshed (other tokens, expiry not earlier) we adopt them instead of refreshing,
 * because refresh tokens rotate and a reused one makes the provider revoke the whole grant.
 *
 * **Tabs.** A `BroadcastChannel('eservice-widgets-session:<clientId>')` carries new tokens and sign-out between
 * the tabs of the page's origin. The tab that refreshed posts the new tokens before it releases the lock (and
 * holds the lock a few more milliseconds) so the next tab in the queue finds them in its own store.
 *
 * **Storage trade-off (`tokenStorage`).** Tokens never go to `localStorage`.
 * - `session` (default): `sessionStorage`, per tab, survives a reload of that tab. A new tab asks its peers over
 *   the channel for the session at start (≈120 ms), so links opened in new tabs stay signed in. Script injected
 *   into the page (XSS) can read it — as it could call the API anyway.
 * - `memory`: tokens only in this page's memory; a reload or a new tab signs in again (silently through the
 *   provider's SSO session, but with a redirect). Renewals and sign-out are still shared between open tabs.
 * The authorization request state (PKCE verifier, `returnTo`) is kept in `sessionStorage` in both modes: it must
 * survive the redirect and holds no tokens.
 *
 * **Sign-out** revokes the refresh token, ends the provider session (`end_session_endpoint` with
 * `id_token_hint`) and tells the other tabs. **Errors** map onto `SessionErrorCode`: state not found →
 * `state-mismatch` (URL cleaned), popup closed / `access_denied` → `cancelled`, provider unreachable →
 * `unreachable`, failed renewal → `expired`.
 */
/** What the sign-in implementation (session-impl.ts) provides; the shell adds the rest of `OidcSession`. */
export interface OidcSessionCore extends Session {
  /** The API saw a 401 that a renewal did not cure: drop the tokens of this tab, state `error` / `expired`. */
  markExpired(message?: string): void;
  /** Tries to get a lost session back with a top-level redirect and `prompt=none` (no login page shown). */
  recover(): Promise<void>;
  /** Stops timers and listeners (tests, or a provider element replaced by another configuration). */
  dispose(): void;
}

export interface OidcSession extends OidcSessionCore {
  /**
   * Single sign-on on arrival (`silentSignIn` in the config): once the stored or shared session is known to be
   * absent, tries `recover()` once per tab. Resolves true when it started the redirect. Never in a frame (the
   * provider refuses framing), in the sign-in popup, without sessionStorage (the attempt could not be
   * remembered, so it could loop), after a sign-out in this tab, or while an error is on screen. A failed attempt
   * (provider unreachable) ends signed out, never with an error: nobody asked to sign in.
   */
  trySilentSignIn(): Promise<boolean>;
}

export interface SessionDeps {
  /** Loads oidc-client-ts (default: dynamic import). */
  loadOidc?: () => Promise<OidcModule>;
  /** Builds the UserManager (tests inject navigators or a fake). */
  userManagerFactory?: (settings: UserManagerSettings, oidc: OidcModule) => UserManager;
  /** Merged into the UserManager settings (tests pass `metadata` to skip discovery). */
  settings?: Partial<UserManagerSettings>;
  /** Lock manager (default `navigator.locks`, else an in-tab queue). */
  locks?: LockManagerLike | null;
  /** How long a new tab waits for a peer to share its session at start (ms, default 120; 0 = do not ask). */
  peerWaitMs?: number;
  /** How long the lock is kept after broadcasting fresh tokens (ms, default 80). */
  broadcastGraceMs?: number;
  /** Current URL (default `location.href`). */
  currentUrl?: () => string;
  /** Internal: a user (storage string) another tab shared before the implementation loaded. */
  initialUser?: string;
}

/**
 * sessionStorage key that says a silent sign-in was tried in this tab (or the user signed out here), so the
 * answer of a `prompt=none` redirect that found no provider session does not start another one. Removed when a
 * sign-in succeeds, so a tab in `memory` mode signs in silently again after a reload.
 */
export function silentSignInKey(config: EsConfig): string {
  return `eservice-widgets-silent-tried:${config.authority}:${config.clientId}`;
}

/** Window name of the sign-in popup: a page loaded under this name with a sign-in answer in its URL is the popup. */
export const POPUP_WINDOW_NAME = 'eservice-widgets-signin';

/** Where oidc-client-ts keeps the user (`WebStorageStateStore` prefix `oidc.` + `user:<authority>:<clientId>`). */
export function userStorageKey(config: EsConfig): string {
  return `oidc.user:${config.authority}:${config.clientId}`;
}

/** Reads a sign-in or sign-out answer from a URL (query response mode). */
export function readCallback(href: string, stateStore: Storage | null): { kind: 'signin' | 'signout'; state: string } | null {
  let url: URL;
  try { url = new URL(href); } catch { return null; }
  const p = url.searchParams;
  const state = p.get('state');
  if (!state) return null;
  if (p.has('code') || p.has('error')) return { kind: 'signin', state };
  if (stateStore?.getItem(`oidc.${state}`)) return { kind: 'signout', state };
  return null;
}

export function sessionStore(): Storage | null {
  try { return typeof sessionStorage !== 'undefined' ? sessionStorage : null; } catch { return null; }
}

const NOT_CONFIGURED = 'Sign-in is not configured: es-provider needs authority and client-id.';

/** The shell: signed out and tiny until the implementation is needed; then it forwards everything. */
class LazySession implements OidcSession {
  state: SessionState = { status: 'signed-out', user: null, error: null };
  readonly ready: Promise<void>;
  private readonly enabled: boolean;
  private readonly listeners = new Set<(s: SessionState) => void>();
  private impl: OidcSessionCore | null = null;
  private loading: Promise<OidcSessionCore> | null = null;
  private channel: BroadcastChannel | null = null;
  private disposed = false;
  private readonly tabId = Math.random().toString(36).slice(2);

  constructor(private readonly config: EsConfig, private readonly deps: SessionDeps) {
    this.enabled = !!(config.authority && config.clientId);
    if (!this.enabled) { this.ready = Promise.resolve(); return; }
    this.ready = this.needsImplementation()
      ? this.load().then((i) => i.ready, (e: unknown) => this.loadFailed(e))
      : this.listen();
  }

  private needsImplementation(): boolean {
    const ss = sessionStore();
    const href = this.deps.currentUrl?.() ?? (typeof location !== 'undefined' ? location.href : '');
    if (readCallback(href, ss)) return true;
    return this.config.tokenStorage !== 'memory' && !!ss?.getItem(userStorageKey(this.config));
  }

  /** Listens for a session shared by another tab; in session mode asks for one first. */
  private listen(): Promise<void> {
    if (typeof BroadcastChannel === 'undefined') return Promise.resolve();
    const wait = this.config.tokenStorage === 'memory' ? 0 : (this.deps.peerWaitMs ?? 120);
    this.channel = new BroadcastChannel(`eservice-widgets-session:${this.config.clientId}`);
    return new Promise<void>((resolve) => {
      const timer = wait > 0 ? setTimeout(resolve, wait) : undefined;
      if (!timer) resolve();
      this.channel!.onmessage = (ev: MessageEvent<{ v?: number; type?: string; user?: unknown }>) => {
        const m = ev.data;
        if (m?.v !== 1 || m.type !== 'user' || typeof m.user !== 'string' || this.impl || this.loading) return;
        clearTimeout(timer);
        this.load(m.user).then((i) => i.ready, (e: unknown) => this.loadFailed(e)).then(resolve, resolve);
      };
      if (timer) this.channel!.postMessage({ v: 1, type: 'who-has', from: this.tabId });
    });
  }

  private load(initialUser?: string): Promise<OidcSessionCore> {
    this.loading ??= import('./session-impl.js').then(({ SessionImpl }) => {
      this.channel?.close();
      this.channel = null;
      const impl = new SessionImpl(this.config, { ...this.deps, ...(initialUser ? { initialUser } : {}) });
      if (this.disposed) impl.dispose();
      this.impl = impl;
      impl.subscribe((s) => this.set(s));
      if (impl.state !== this.state) this.set(impl.state);
      return impl;
    }).catch((e: unknown) => { this.loading = null; throw e; });
    return this.loading;
  }

  private loadFailed(e: unknown): void {
    console.error('[eservice-widgets] the sign-in code could not be loaded', e);
    this.set({ status: 'error', error: { code: 'unreachable', message: 'The sign-in code could not be loaded. Check your connection and reload the page.' } });
  }

  private set(next: Partial<SessionState>): void {
    const was = this.state.status;
    this.state = { ...this.state, ...next };
    if (this.state.status === 'signed-in' && was !== 'signed-in') this.markSilentTried(null);
    for (const l of [...this.listeners]) {
      try { l(this.state); } catch (e) { console.error('[eservice-widgets] session listener failed', e); }
    }
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  async signIn(options?: SignInOptions): Promise<void> {
    if (!this.enabled) { this.set({ status: 'error', error: { code: 'failed', message: NOT_CONFIGURED } }); return; }
    this.set({ status: 'signing-in', error: null });
    let impl: OidcSessionCore;
    try { impl = await this.load(); } catch (e) { this.loadFailed(e); return; }
    await impl.signIn(options);
  }

  async signOut(): Promise<void> {
    // Signed out on purpose: no silent sign-in in this tab afterwards (the provider session ends too, but the
    // page the sign-out returns to should not spend a redirect finding that out).
    if (this.enabled) this.markSilentTried('signed-out');
    if (this.impl) return this.impl.signOut();
    if (this.loading) return (await this.loading).signOut();
    this.set({ status: 'signed-out', user: null, error: null });
  }

  async getAccessToken(): Promise<string | null> {
    if (this.impl) return this.impl.getAccessToken();
    // Public calls are not held up by the peer query; a session on its way (callback, stored) is waited for.
    if (this.loading) return (await this.loading.catch(() => null))?.getAccessToken() ?? null;
    return null;
  }

  async renew(): Promise<string | null> {
    const impl = this.impl ?? (this.loading ? await this.loading.catch(() => null) : null);
    return impl ? impl.renew() : null;
  }

  clearError(): void {
    if (this.impl) { this.impl.clearError(); return; }
    if (this.state.error) this.set({ status: 'signed-out', error: null });
  }

  markExpired(message?: string): void {
    this.impl?.markExpired(message);
  }

  async recover(): Promise<void> {
    if (!this.enabled) return;
    try { await (await this.load()).recover(); } catch (e) { this.loadFailed(e); }
  }

  private silentAttempt: Promise<boolean> | null = null;

  trySilentSignIn(): Promise<boolean> {
    this.silentAttempt ??= this.silentSignIn();
    return this.silentAttempt;
  }

  /**
   * Writes (or with null removes) this tab's silent-sign-in mark; false when sessionStorage refused it (quota,
   * blocked storage). Never throws: a sign-out or a state change must not fail over a bookkeeping write.
   */
  private markSilentTried(value: string | null): boolean {
    try {
      const ss = sessionStore();
      if (!ss) return false;
      if (value === null) ss.removeItem(silentSignInKey(this.config));
      else ss.setItem(silentSignInKey(this.config), value);
      return true;
    } catch {
      return false;
    }
  }

  /** The checks that need no waiting: configured, top-level page (not framed, not the popup), attempt not made. */
  private silentAllowed(): boolean {
    if (!this.enabled || typeof window === 'undefined' || window.name === POPUP_WINDOW_NAME) return false;
    let framed = true;
    try { framed = window.top !== window.self; } catch { /* a cross-origin parent: framed */ }
    const ss = sessionStore();
    return !framed && !!ss && !ss.getItem(silentSignInKey(this.config));
  }

  private async silentSignIn(): Promise<boolean> {
    if (!this.silentAllowed()) return false;
    // Until the stored or shared session is known, show "signing in" rather than a sign-in button that would
    // flash before the redirect; the implementation's state replaces it if a session is restored.
    const placeholder = this.state.status === 'signed-out' && !this.state.error && !this.impl;
    if (placeholder) this.set({ status: 'signing-in' });
    await this.ready;
    const restored = this.impl && (this.impl.state.status !== 'signed-out' || this.impl.state.error);
    if (this.disposed || restored || !this.silentAllowed()) {
      if (placeholder && !this.impl && this.state.status === 'signing-in') this.set({ status: 'signed-out' });
      return false;
    }
    if (!this.markSilentTried(String(Date.now()))) {
      if (placeholder) this.set({ status: 'signed-out' });
      return false; // not remembered = could loop
    }
    await this.recover();
    const after: SessionState = this.state;
    if (after.status === 'error') {
      console.warn(`[eservice-widgets] silent sign-in could not start: ${after.error?.message ?? 'unknown error'}`);
      this.clearError();
      return false;
    }
    return after.status === 'signing-in';
  }

  dispose(): void {
    this.disposed = true;
    this.channel?.close();
    this.channel = null;
    this.impl?.dispose();
    this.listeners.clear();
  }
}

/**
 * Creates the session for a validated config. Without `authority`/`clientId` the session stays signed out and
 * never loads any sign-in code. `ready` resolves once a sign-in answer in the URL is handled and a stored (or
 * shared) session restored.
 */
export function createSession(config: EsConfig, deps: SessionDeps = {}): OidcSession {
  return new LazySession(config, deps);
}

const REGISTRY = Symbol.for('eservice-widgets/sessions');

/**
 * One session per sign-in configuration on a page, shared by every es-provider (and every copy of the SDK) that
 * uses it: two sessions for the same client would both try to consume the same sign-in answer in the URL, and
 * both renew the same refresh token.
 */
export function sharedSession(config: EsConfig): OidcSession {
  const g = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, OidcSession> };
  const map = (g[REGISTRY] ??= new Map());
  const id = JSON.stringify([config.authority, config.clientId, config.redirectUri, config.postLogoutRedirectUri,
    config.scope, config.resource, config.tokenStorage]);
  let session = map.get(id);
  if (!session) { session = createSession(config); map.set(id, session); }
  return session;
}
