import type { User, UserManager, UserManagerSettings } from 'oidc-client-ts';
import type { EsConfig } from './config.types.js';
import type { SessionErrorCode, SessionState, SessionUser, SignInOptions } from './session-types.js';
import { loadOidc } from './oidc-loader.js';
import { renewLockName, withLock } from './session-lock.js';
import { appliedLocale } from './locale-state.js';
import { POPUP_WINDOW_NAME, readCallback, sessionStore, userStorageKey, type OidcSessionCore, type SessionDeps } from './session.js';

/**
 * The heavy half of the session (see session.ts for the design): loaded by the session shell only when a page
 * needs sign-in, holds a stored session, or another tab shares one.
 */

const CALLBACK_PARAMS = ['code', 'state', 'session_state', 'iss', 'error', 'error_description', 'error_uri'];

/** The URL (path, query, hash) without the OIDC answer parameters. */
export function stripCallbackParams(href: string): string {
  const url = new URL(href);
  for (const k of CALLBACK_PARAMS) url.searchParams.delete(k);
  return url.pathname + (url.searchParams.size ? `?${url.searchParams}` : '') + url.hash;
}

export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(k: string) { return this.map.get(k) ?? null; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) { this.map.set(k, String(v)); }
}

/** The JSON oidc-client-ts stores for a user (`User.toStorageString()`). */
interface StoredUser {
  id_token?: string;
  session_state?: string | null;
  access_token: string;
  refresh_token?: string;
  token_type?: string;
  scope?: string;
  profile: { sub: string; email?: string; name?: string; preferred_username?: string; given_name?: string; family_name?: string };
  expires_at?: number;
}

type ChannelMessage =
  | { v: 1; type: 'user'; from: string; user: string }
  | { v: 1; type: 'signed-out'; from: string }
  | { v: 1; type: 'who-has'; from: string; renewing?: boolean };

const MESSAGES: Record<SessionErrorCode, string> = {
  cancelled: 'Sign-in was cancelled.',
  'state-mismatch': 'This sign-in answer does not belong to a sign-in started here (opened twice, in another tab, or with the back button). Sign in again.',
  unreachable: 'The sign-in service could not be reached. Check your connection and try again.',
  expired: 'Your session has ended. Sign in again.',
  failed: 'Sign-in failed.',
};

/** Maps anything oidc-client-ts (or the network) throws onto a SessionErrorCode and a message for a person. */
export function classifySessionError(e: unknown, during: 'sign-in' | 'renew' = 'sign-in'): { code: SessionErrorCode; message: string } {
  const err = e as { name?: string; message?: string; error?: string; error_description?: string | null } | null;
  const text = String(err?.message ?? e ?? '');
  if (err?.name === 'ErrorResponse') {
    const code = err.error ?? '';
    if (code === 'access_denied') return { code: 'cancelled', message: MESSAGES.cancelled };
    if (['login_required', 'interaction_required', 'consent_required', 'invalid_grant'].includes(code) || during === 'renew') {
      return { code: 'expired', message: MESSAGES.expired };
    }
    return { code: 'failed', message: `${MESSAGES.failed} ${err.error_description || code}`.trim() };
  }
  if (/No matching state found in storage|No state in response/i.test(text)) return { code: 'state-mismatch', message: MESSAGES['state-mismatch'] };
  if (/Popup closed/i.test(text)) return { code: 'cancelled', message: MESSAGES.cancelled };
  if (/Error opening popup window|popup.*(blocked|disposed window)/i.test(text)) {
    return { code: 'failed', message: 'The sign-in window was blocked. Allow pop-ups for this site, or sign in without a pop-up.' };
  }
  if (e instanceof TypeError || err?.name === 'ErrorTimeout' || /Failed to fetch|NetworkError|Network timed out|Load failed|Failed to fetch metadata|Failed to load/i.test(text)) {
    return { code: 'unreachable', message: MESSAGES.unreachable };
  }
  if (during === 'renew') return { code: 'expired', message: MESSAGES.expired };
  return { code: 'failed', message: text ? `${MESSAGES.failed} ${text}` : MESSAGES.failed };
}

const now = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const MAX_TIMEOUT = 2_147_483_000;

function toSessionUser(u: StoredUser): SessionUser {
  const p = u.profile ?? ({} as StoredUser['profile']);
  const name = p.name ?? ([p.given_name, p.family_name].filter(Boolean).join(' ') || null);
  return {
    sub: p.sub, email: p.email ?? null, name, username: p.preferred_username ?? null,
    expiresAt: u.expires_at ?? null,
  };
}

export class SessionImpl implements OidcSessionCore {
  state: SessionState = { status: 'signed-out', user: null, error: null };
  readonly ready: Promise<void>;

  private readonly enabled: boolean;
  private readonly store: Storage;
  private readonly stateStore: Storage;
  private readonly userKey: string;
  private readonly lockName: string;
  private readonly tabId = Math.random().toString(36).slice(2) + Date.now().toString(36);
  private readonly listeners = new Set<(s: SessionState) => void>();
  private current: StoredUser | null = null;
  private lifetime = 0;
  private um: Promise<UserManager> | null = null;
  private channel: BroadcastChannel | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewing: Promise<string | null> | null = null;
  private restored: Promise<void>;
  private disposed = false;
  /** Called after a peer's tokens were adopted (ends the wait in askPeersBeforeRenew). */
  private peerWaiter: (() => void) | null = null;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible' && this.current && this.remaining() < this.lead() + 5) void this.renew();
  };

  constructor(private readonly config: EsConfig, private readonly deps: SessionDeps = {}) {
    this.enabled = !!(config.authority && config.clientId);
    const ss = sessionStore();
    this.stateStore = ss ?? new MemoryStorage();
    this.store = config.tokenStorage === 'memory' || !ss ? new MemoryStorage() : ss;
    this.userKey = userStorageKey(config);
    this.lockName = renewLockName(config.clientId ?? '');
    let markRestored!: () => void;
    this.restored = new Promise((r) => { markRestored = r; });
    this.ready = this.enabled
      ? this.init(markRestored).catch((e) => { this.fail(e); }).finally(markRestored)
      : Promise.resolve().then(markRestored);
  }

  // ---- public API -------------------------------------------------------------------------------------------

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  async signIn(options: SignInOptions = {}): Promise<void> {
    if (!this.enabled) {
      this.set({ status: 'error', error: { code: 'failed', message: 'Sign-in is not configured: es-provider needs authority and client-id.' } });
      return;
    }
    const returnTo = this.safeReturnTo(options.returnTo ?? this.url());
    this.set({ status: 'signing-in', error: null });
    try {
      const um = await this.userManager();
      const args = { state: { returnTo }, ...this.uiLocales() };
      if (options.popup) {
        const user = await um.signinPopup(args);
        this.adopt(JSON.parse(user.toStorageString()) as StoredUser, true, user.expires_in);
      } else {
        await um.signinRedirect(args);
        // The page is navigating to the provider; stay `signing-in`.
      }
    } catch (e) {
      this.fail(e);
    }
  }

  async signOut(): Promise<void> {
    const stored = this.readStored();
    this.clearTimer();
    this.post({ v: 1, type: 'signed-out', from: this.tabId });
    if (!this.enabled || !stored) { this.writeStored(null); this.toSignedOut(); return; }
    try {
      const um = await this.userManager();
      this.toSignedOut();
      // Revoke the refresh token first (a failure here must not keep the SSO session alive), then the provider's
      // end-session endpoint ends the SSO session (id_token_hint) and returns to postLogoutRedirectUri.
      // Not the access token: JWT access tokens cannot be revoked at most providers (oidc-provider answers 400
      // unsupported_token_type) and expire on their own within minutes.
      try { await um.revokeTokens(['refresh_token']); } catch (e) { console.warn('[eservice-widgets] token revocation failed', e); }
      await um.removeUser();
      await um.signoutRedirect({ id_token_hint: stored.id_token });
    } catch (e) {
      // Revocation or the provider failed: the tokens are still forgotten here.
      console.warn('[eservice-widgets] sign-out at the identity provider failed; signed out in this page only.', e);
      this.writeStored(null);
      this.toSignedOut();
    }
  }

  async getAccessToken(): Promise<string | null> {
    await this.restored;
    if (!this.current) return null;
    if (this.remaining() <= 10) return this.renew();
    return this.current.access_token;
  }

  renew(): Promise<string | null> {
    if (!this.enabled || this.disposed) return Promise.resolve(null);
    this.renewing ??= this.renewLocked().finally(() => { this.renewing = null; });
    return this.renewing;
  }

  clearError(): void {
    if (!this.state.error) return;
    this.set({ error: null, status: this.current ? 'signed-in' : 'signed-out' });
  }

  markExpired(message: string = MESSAGES.expired): void {
    this.clearTimer();
    this.writeStored(null);
    this.current = null;
    this.set({ status: 'error', user: null, error: { code: 'expired', message } });
  }

  async recover(): Promise<void> {
    if (!this.enabled) return;
    try {
      const um = await this.userManager();
      this.set({ status: 'signing-in', error: null });
      await um.signinRedirect({ prompt: 'none', state: { returnTo: this.url(), silent: true } });
    } catch (e) { this.fail(e); }
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.channel?.close();
    this.channel = null;
    this.listeners.clear();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisible);
  }

  // ---- start -------------------------------------------------------------------------------------------------

  private async init(markRestored: () => void): Promise<void> {
    this.openChannel();
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisible);
    const href = this.url();
    const cb = readCallback(href, this.stateStore);
    if (cb?.kind === 'signin' && typeof window !== 'undefined' && window.name === POPUP_WINDOW_NAME) {
      // We are the sign-in popup: hand the answer to the opener (postMessage, or BroadcastChannel when the
      // opener is gone) and let oidc-client-ts close the window.
      this.set({ status: 'signing-in' });
      const um = await this.userManager();
      await um.signinPopupCallback(href);
      return;
    }
    if (cb?.kind === 'signin') { await this.handleSigninCallback(href, cb.state); return; }
    if (cb?.kind === 'signout') {
      try { await (await this.userManager()).signoutRedirectCallback(href); } catch { /* nothing to keep */ }
      this.replaceUrl(stripCallbackParams(href));
    }
    const stored = this.readStored();
    if (stored) {
      this.adopt(stored, false);
      if (this.remaining() <= this.lead()) await this.renew();
      return;
    }
    if (this.deps.initialUser) {
      // Another tab shared its session (the shell received it before loading us).
      try {
        const u = JSON.parse(this.deps.initialUser) as StoredUser;
        if (u?.access_token && u.profile?.sub) {
          this.adopt(u, false);
          if (this.remaining() <= this.lead()) await this.renew();
        }
      } catch { /* ignore a broken message */ }
    }
    markRestored();
  }

  private async handleSigninCallback(href: string, state: string): Promise<void> {
    if (!this.stateStore.getItem(`oidc.${state}`)) {
      // Back button, a second use of the answer, another tab, or an http/https mix: say so, clean the URL.
      this.replaceUrl(stripCallbackParams(href));
      this.set({ status: 'error', user: this.current ? toSessionUser(this.current) : null, error: { code: 'state-mismatch', message: MESSAGES['state-mismatch'] } });
      return;
    }
    this.set({ status: 'signing-in', error: null });
    try {
      const um = await this.userManager();
      const user = await um.signinRedirectCallback(href);
      const data = (user.state ?? {}) as { returnTo?: string };
      this.replaceUrl(this.safeReturnTo(data.returnTo) ?? stripCallbackParams(href));
      this.adopt(JSON.parse(user.toStorageString()) as StoredUser, true, user.expires_in);
    } catch (e) {
      const data = ((e as { state?: unknown })?.state ?? {}) as { returnTo?: string; silent?: boolean };
      this.replaceUrl(this.safeReturnTo(data.returnTo) ?? stripCallbackParams(href));
      const c = classifySessionError(e);
      if (data.silent && c.code === 'expired') { this.toSignedOut(); return; } // prompt=none found no session
      this.fail(e);
    }
  }

  // ---- renewal -----------------------------------------------------------------------------------------------

  private async renewLocked(): Promise<string | null> {
    const ours = this.current?.expires_at ?? 0;
    const oursToken = this.current?.access_token;
    return withLock(this.lockName, async () => {
      if (this.disposed) return null;
      await this.askPeersBeforeRenew();
      const stored = this.readStored();
      if (!stored) {
        if (this.current) this.markExpired();
        return null;
      }
      if (stored.access_token !== oursToken && (stored.expires_at ?? 0) >= ours) {
        // Another tab (or an earlier call here) refreshed while we waited: use its tokens, never our old refresh token.
        this.adopt(stored, false);
        if (this.remaining() > 10) return stored.access_token;
      }
      if (!stored.refresh_token) { this.markExpired(); return null; }
      let user: User | null;
      try {
        const um = await this.userManager();
        user = await um.signinSilent();
      } catch (e) {
        const c = classifySessionError(e, 'renew');
        if (c.code === 'unreachable') {
          // The provider could not be reached: keep the tokens (the refresh token may still be good) and try
          // again soon; callers get null now.
          this.schedule(Math.min(15, Math.max(1, this.remaining() / 2)));
          return null;
        }
        this.markExpired(c.message);
        return null;
      }
      if (!user) { this.markExpired(); return null; }
      this.adopt(JSON.parse(user.toStorageString()) as StoredUser, true, user.expires_in);
      // Give other tabs time to receive the tokens before the next one in the queue reads its store.
      await sleep(this.deps.broadcastGraceMs ?? 80);
      return user.access_token;
    }, this.deps.locks === undefined ? undefined : this.deps.locks);
  }

  /**
   * A tab that was away while a peer refreshed (reloading, Back button after another site, a frozen background
   * tab) missed the broadcast, and its stored refresh token is already used: using it makes the provider revoke
   * the whole grant and signs out every tab. So before refreshing, ask the open tabs; a newer answer is adopted by
   * onMessage (and written to our store). Waits at most `peerWaitMs` (120 ms), less when a newer session comes.
   */
  private askPeersBeforeRenew(): Promise<void> {
    const wait = this.deps.peerWaitMs ?? 120;
    if (!this.channel || wait <= 0 || !this.current) return Promise.resolve();
    const before = this.current.access_token;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, wait);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.peerWaiter === check) self.peerWaiter = null;
        resolve();
      }
      function check() { if (self.current?.access_token !== before) done(); }
      this.peerWaiter = check;
      this.post({ v: 1, type: 'who-has', from: this.tabId, renewing: true });
    });
  }

  private remaining(): number {
    return (this.current?.expires_at ?? 0) - now();
  }

  private lead(): number {
    return Math.min(60, Math.max(1, this.lifetime / 3));
  }

  private schedule(inSeconds: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(() => { void this.renew(); }, Math.min(MAX_TIMEOUT, Math.max(0, inSeconds * 1000)));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  // ---- state -------------------------------------------------------------------------------------------------

  /** Makes `u` the current user; `lifetime` is the token's full lifetime when known (fresh tokens). */
  private adopt(u: StoredUser, broadcast: boolean, lifetime?: number): void {
    this.current = u;
    this.lifetime = lifetime ?? Math.max(this.lifetime, this.remaining());
    const raw = JSON.stringify(u);
    this.writeStored(raw);
    if (u.refresh_token) this.schedule(this.remaining() - this.lead());
    else this.clearTimer();
    this.set({ status: 'signed-in', user: toSessionUser(u), error: null });
    if (broadcast) this.post({ v: 1, type: 'user', from: this.tabId, user: raw });
  }

  private toSignedOut(): void {
    this.clearTimer();
    this.current = null;
    this.set({ status: 'signed-out', user: null, error: null });
  }

  private fail(e: unknown): void {
    const c = classifySessionError(e);
    this.set({ status: 'error', user: this.current ? toSessionUser(this.current) : null, error: c });
  }

  private set(next: Partial<SessionState>): void {
    this.state = { ...this.state, ...next };
    for (const l of [...this.listeners]) {
      try { l(this.state); } catch (e) { console.error('[eservice-widgets] session listener failed', e); }
    }
  }

  // ---- storage, channel, URL -----------------------------------------------------------------------------------

  private readStored(): StoredUser | null {
    const raw = this.store.getItem(this.userKey);
    if (!raw) return null;
    try {
      const u = JSON.parse(raw) as StoredUser;
      return u && typeof u.access_token === 'string' && u.profile?.sub ? u : null;
    } catch { return null; }
  }

  private writeStored(raw: string | null): void {
    if (raw === null) this.store.removeItem(this.userKey);
    else this.store.setItem(this.userKey, raw);
  }

  private openChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(`eservice-widgets-session:${this.config.clientId}`);
    this.channel.onmessage = (ev: MessageEvent<ChannelMessage>) => this.onMessage(ev.data);
  }

  private post(msg: ChannelMessage): void {
    try { this.channel?.postMessage(msg); } catch { /* closed */ }
  }

  private onMessage(msg: ChannelMessage): void {
    if (!msg || msg.v !== 1 || msg.from === this.tabId || this.disposed) return;
    if (msg.type === 'signed-out') {
      this.writeStored(null);
      if (this.current || this.state.status !== 'signed-out') this.toSignedOut();
    } else if (msg.type === 'user') {
      let u: StoredUser;
      try { u = JSON.parse(msg.user) as StoredUser; } catch { return; }
      if (!u?.access_token || !u.profile?.sub) return;
      // Expiry has one-second resolution: a refresh in the same second as ours is still newer (other token).
      const cur = this.current;
      const newer = !cur || u.profile.sub !== cur.profile.sub ||
        (u.access_token !== cur.access_token && (u.expires_at ?? 0) >= (cur.expires_at ?? 0));
      if (newer && this.state.status !== 'signing-in') this.adopt(u, false);
      this.peerWaiter?.();
    } else if (msg.type === 'who-has') {
      // A new tab (session mode) gets a session that is still good; a tab about to renew gets ours however little
      // is left of it, because our refresh token may be newer than the one it holds.
      const share = msg.renewing ? !!this.current?.refresh_token
        : this.config.tokenStorage !== 'memory' && this.remaining() > 10;
      if (this.current && share) {
        this.post({ v: 1, type: 'user', from: this.tabId, user: JSON.stringify(this.current) });
      }
    }
  }

  private url(): string {
    return this.deps.currentUrl?.() ?? (typeof location !== 'undefined' ? location.href : '');
  }

  /** Only same-origin return targets (no open redirect through the state). */
  private safeReturnTo(target: string | undefined): string | undefined {
    if (!target || typeof location === 'undefined') return undefined;
    try {
      const u = new URL(target, location.href);
      return u.origin === location.origin ? u.href : undefined;
    } catch { return undefined; }
  }

  private replaceUrl(target: string): void {
    if (typeof history === 'undefined') return;
    const before = location.href;
    history.replaceState(history.state, '', target);
    if (location.href !== before) {
      // Routers (es-portal's hash routes) re-read the location.
      window.dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
      if (new URL(before).hash !== location.hash) window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: before, newURL: location.href }));
    }
  }

  /**
   * `ui_locales` of a sign-in: the language the widgets show at that moment, so the provider's pages match the
   * portal. Not the configured locale alone: this session is shared and keeps the configuration it was created
   * with, while es-provider's `locale` can change at run time (a language switch on the host page) without a new
   * session. The configured locale remains the answer for hosts that use the session without es-provider.
   */
  private uiLocales(): { ui_locales?: string } {
    const locale = appliedLocale() ?? this.config.locale;
    return locale ? { ui_locales: locale } : {};
  }

  private userManager(): Promise<UserManager> {
    this.um ??= (async () => {
      const oidc = await (this.deps.loadOidc ?? loadOidc)();
      const c = this.config;
      const settings: UserManagerSettings = {
        authority: c.authority!,
        client_id: c.clientId!,
        redirect_uri: c.redirectUri!,
        popup_redirect_uri: c.redirectUri!,
        post_logout_redirect_uri: c.postLogoutRedirectUri ?? c.redirectUri,
        response_type: 'code',
        scope: c.scope ?? 'openid profile email',
        ...(c.resource ? { resource: c.resource } : {}),
        ui_locales: c.locale,
        automaticSilentRenew: false,
        monitorSession: false,
        revokeTokensOnSignout: false, // done in signOut(), where a failed revocation cannot block the logout
        revokeTokenAdditionalContentTypes: ['text/plain', 'text/html'], // oidc-provider answers 200 text/plain
        loadUserInfo: false,
        popupWindowTarget: POPUP_WINDOW_NAME,
        accessTokenExpiringNotificationTimeInSeconds: 10,
        userStore: new oidc.WebStorageStateStore({ store: this.store }),
        stateStore: new oidc.WebStorageStateStore({ store: this.stateStore }),
        ...this.deps.settings,
      };
      return this.deps.userManagerFactory ? this.deps.userManagerFactory(settings, oidc) : new oidc.UserManager(settings);
    })().catch((e: unknown) => { this.um = null; throw e; });
    return this.um;
  }
}
