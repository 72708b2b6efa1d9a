/** Where tokens live. `session` survives a reload in one tab (default); `memory` is safest but signs out on reload. */
export type TokenStorage = 'session' | 'memory';

/** Configuration of an eService Widgets instance; `es-provider` attributes map onto it. */
export interface EsConfig {
  /** Base URL of the support API, e.g. `https://support.example.com/api/v1`. Required. */
  apiUrl: string;
  /** OIDC issuer URL of the Business Account provider. Required for sign-in. */
  authority?: string;
  /** OIDC client id registered for this portal origin. Required for sign-in. */
  clientId?: string;
  /** Redirect URI registered with the provider; default: current page without query/hash. */
  redirectUri?: string;
  /** Where the provider returns after sign-out; default: redirectUri. */
  postLogoutRedirectUri?: string;
  /** Default `openid profile email`. */
  scope?: string;
  /** Resource indicator (API audience) passed to the provider. */
  resource?: string;
  /** `en` (default) or `fi`. */
  locale?: string;
  /** `light`, `dark` or `auto` (prefers-color-scheme). */
  theme?: 'light' | 'dark' | 'auto';
  tokenStorage?: TokenStorage;
  /**
   * Single sign-on on arrival: when the page loads with no session, try once per tab to sign in silently (a
   * top-level redirect to the provider with `prompt=none`, no login page shown). A user already signed in on
   * another portal of the same Business Account arrives signed in; anyone else comes back signed out at once.
   * Off by default: it costs an anonymous visitor one round trip to the provider on the first page of a tab.
   * Never runs inside a frame, in the sign-in popup, after a sign-out in this tab, or without sessionStorage.
   */
  silentSignIn?: boolean;
  /** Provider's forgot-password page; default `${authority}/password/forgot`. */
  forgotPasswordUrl?: string;
  /** Where "Request an account" points; default: an in-page es-account-request if present. */
  accountRequestUrl?: string;
}
