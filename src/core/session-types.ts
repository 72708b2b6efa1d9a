/** Where the session is. `signing-in` covers the redirect round trip and the popup. */
export type SessionStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'error';

/**
 * Why sign-in failed; components map each to guidance.
 * - `cancelled`: the user closed the popup or the provider answered access_denied
 * - `state-mismatch`: "No matching state found in storage" (back button, another tab, http/https mix)
 * - `unreachable`: the identity provider could not be reached
 * - `expired`: the session ended and could not be renewed
 * - `failed`: anything else (message has the provider's text)
 */
export type SessionErrorCode = 'cancelled' | 'state-mismatch' | 'unreachable' | 'expired' | 'failed';

export interface SessionUser {
  /** OIDC subject. */
  sub: string;
  email: string | null;
  name: string | null;
  /** `preferred_username` claim: the Business Account username (should be the email). */
  username: string | null;
  /** Access token expiry, epoch seconds. */
  expiresAt: number | null;
}

export interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  error: { code: SessionErrorCode; message: string } | null;
}

export interface SignInOptions {
  /** Use a popup instead of a full-page redirect. */
  popup?: boolean;
  /** URL (same origin) to come back to after the redirect; default: the current URL (deep links survive). */
  returnTo?: string;
}

/**
 * The session every component uses (through the `sessionContext`). The real one wraps oidc-client-ts; tests and
 * Storybook provide fakes.
 */
export interface Session {
  readonly state: SessionState;
  /** Resolves once a pending callback is handled and a stored session restored (or not). */
  readonly ready: Promise<void>;
  /** Calls listener on every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void;
  signIn(options?: SignInOptions): Promise<void>;
  /** RP-initiated logout; revokes tokens; other tabs follow. */
  signOut(): Promise<void>;
  /** A valid access token (renewing if it is about to expire), or null when signed out. */
  getAccessToken(): Promise<string | null>;
  /** Forces a refresh (used after a 401). Serialised within and across tabs. Null when renew failed. */
  renew(): Promise<string | null>;
  /** Clears the error state (back to signed-out or signed-in). */
  clearError(): void;
}
