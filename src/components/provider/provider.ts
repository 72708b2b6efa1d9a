import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { EsElement } from '../../base/es-element.js';
import { apiContext, configContext, sessionContext } from '../../core/context.js';
import type { SupportApi } from '../../core/api-types.js';
import type { EsConfig, TokenStorage } from '../../core/config.types.js';
import type { SessionState } from '../../core/session-types.js';
import { ConfigError, validateConfig } from '../../core/config.js';
import { createApiClient } from '../../core/api-client.js';
import { sharedSession, type OidcSession } from '../../core/session.js';
import { ensureContextRoot } from '../../core/context-root.js';
import { setLocale } from '../../core/i18n.js';
import { EsAuthChangeEvent } from '../../events/es-auth-change.js';
import { providerStyles } from './provider.styles.js';

/** Config keys whose change needs a new session and API client (locale and theme do not). */
const IDENTITY_KEYS: (keyof EsConfig)[] = ['apiUrl', 'authority', 'clientId', 'redirectUri', 'postLogoutRedirectUri',
  'scope', 'resource', 'tokenStorage'];

/**
 * The root of every eService widget on a page: validates the configuration, owns the session (Business Account
 * sign-in through oidc-client-ts, loaded only when needed) and the support API client, and provides config,
 * session and api to every `es-*` element inside it — also to elements whose code loads later.
 *
 * Sets `lang` (unless the page set it), `data-es-theme` (`light` / `dark`; `auto` follows `prefers-color-scheme`)
 * and the design tokens on itself, so everything inside inherits them; override any `--es-*` token on it or above
 * it.
 *
 * An invalid configuration is shown in place (role="alert", naming the attribute at fault) and logged.
 *
 * @summary Configuration, session and API for the eService widgets inside it.
 *
 * @slot - The widgets (and any other content).
 *
 * @event es-auth-change - The session changed: signed in, signing in, signed out, or an error (detail: SessionState).
 *
 * @csspart error - The configuration error message.
 *
 * @cssproperty --es-color-primary - Brand colour (buttons, links, focus).
 * @cssproperty --es-color-text - Text colour.
 * @cssproperty --es-color-surface - Background of cards and inputs.
 * @cssproperty --es-color-border - Borders.
 * @cssproperty --es-color-danger - Errors.
 * @cssproperty --es-font-family - Font of every widget.
 * @cssproperty --es-radius - Corner radius.
 * @cssproperty --es-provider-background - Background of es-provider itself: transparent in the light theme (the host page shows through), the dark surface in the dark theme (so light text never lands on a light page).
 */
@localized()
export class EsProvider extends EsElement {
  static override tagName = 'es-provider';
  static override styles = css`${EsElement.styles} ${providerStyles}`;

  /** Base URL of the support API, e.g. `https://support.example.com/api/v1` (required). */
  @property({ attribute: 'api-url' }) apiUrl?: string;
  /** OIDC issuer of the Business Account provider; with `client-id` it enables sign-in. */
  @property() authority?: string;
  /** OIDC client id registered for this portal's origin. */
  @property({ attribute: 'client-id' }) clientId?: string;
  /** Redirect URI registered with the provider; default: this page without query and hash. */
  @property({ attribute: 'redirect-uri' }) redirectUri?: string;
  /** Where the provider returns after sign-out; default: the redirect URI. */
  @property({ attribute: 'post-logout-redirect-uri' }) postLogoutRedirectUri?: string;
  /** OIDC scopes; default `openid profile email`. */
  @property() scope?: string;
  /** Resource indicator (the API audience) asked for in the access token. */
  @property() resource?: string;
  /** Language of the widgets: `en` (default) or `fi`. */
  @property() locale?: string;
  /** `light` (default), `dark`, or `auto` (follows the operating system). */
  @property() theme?: 'light' | 'dark' | 'auto';
  /** Where tokens are kept: `session` (sessionStorage, survives reload; default) or `memory` (safest). */
  @property({ attribute: 'token-storage' }) tokenStorage?: TokenStorage;
  /**
   * Single sign-on on arrival: a page that opens with no session tries once per tab to sign in silently (a
   * top-level `prompt=none` redirect; no login page is shown), so a user signed in on another portal arrives
   * signed in. Off by default (it costs an anonymous visitor one redirect per tab). Needs `authority` and
   * `client-id`; never runs in a frame.
   */
  @property({ type: Boolean, attribute: 'silent-sign-in' }) silentSignIn?: boolean;
  /** The whole configuration as an object (alternative to attributes; attributes that are set win). */
  @property({ attribute: false }) config?: Partial<EsConfig>;

  /** The configuration error shown, if any. */
  @state() private configError: ConfigError | null = null;

  private readonly configProvider = new ContextProvider(this, { context: configContext });
  private readonly sessionProvider = new ContextProvider(this, { context: sessionContext });
  private readonly apiProvider = new ContextProvider(this, { context: apiContext });
  private _session: OidcSession | undefined;
  private _api: SupportApi | undefined;
  private _config: EsConfig | undefined;
  private unsubscribe: (() => void) | undefined;
  private media: MediaQueryList | undefined;
  private readonly onScheme = () => this.applyTheme();

  constructor() {
    super();
    ensureContextRoot();
  }

  /** The session (read-only): `await provider.session.ready`, `signIn()`, `subscribe()` … for host scripts. */
  get session(): OidcSession | undefined { return this._session; }
  /** The support API client (read-only), for host scripts. */
  get api(): SupportApi | undefined { return this._api; }
  /** The validated configuration in effect, or undefined while it is invalid. */
  get effectiveConfig(): EsConfig | undefined { return this._config; }
  /** The current session state (signed-out before a session exists). */
  get authState(): SessionState { return this._session?.state ?? { status: 'signed-out', user: null, error: null }; }

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide at once (not a microtask later), so children connecting right after us get real values. An invalid
    // configuration is reported only at the first update: frameworks (React wrappers) set properties right after
    // connecting, before that update.
    if (!this._config && !this.configError) this.configure(false);
    if (this._session && !this.unsubscribe) this.watch(this._session);
    this.applyTheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.media?.removeEventListener('change', this.onScheme);
    this.media = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = ['apiUrl', 'authority', 'clientId', 'redirectUri', 'postLogoutRedirectUri', 'scope', 'resource',
      'locale', 'theme', 'tokenStorage', 'silentSignIn', 'config'] as const;
    if (keys.some((k) => changed.has(k)) || !this._config && !this.configError) this.configure();
  }

  private gather(): Partial<EsConfig> {
    const out: Partial<EsConfig> = { ...(this.config ?? {}) };
    const attrs: Partial<EsConfig> = {
      apiUrl: this.apiUrl, authority: this.authority, clientId: this.clientId, redirectUri: this.redirectUri,
      postLogoutRedirectUri: this.postLogoutRedirectUri, scope: this.scope, resource: this.resource,
      locale: this.locale, theme: this.theme, tokenStorage: this.tokenStorage, silentSignIn: this.silentSignIn,
    };
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== '') (out as Record<string, unknown>)[k] = v;
    return out;
  }

  /** Validates and applies the configuration; `reportErrors` false only tries (no message, no log). */
  private configure(reportErrors = true): void {
    let next: EsConfig;
    const input = this.gather();
    try {
      next = validateConfig(input);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      if (!reportErrors) return;
      // Still speak the page's language in the error.
      if (e.field !== 'locale') this.applyLocale(input.locale ?? 'en');
      if (this.configError?.message !== e.message) console.error(`[eservice-widgets] <es-provider>: ${e.message}`);
      this.configError = e;
      return;
    }
    this.configError = null;
    const prev = this._config;
    if (prev && this._session && JSON.stringify(prev) === JSON.stringify(next)) return; // nothing changed
    this._config = next;
    const identityChanged = !prev || !this._session || IDENTITY_KEYS.some((k) => prev[k] !== next[k]);
    if (identityChanged) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      // Shared per sign-in configuration: other providers on the page may use the same session (not disposed).
      this._session = sharedSession(next);
      this._api = createApiClient({ apiUrl: next.apiUrl, session: this._session });
      if (this.isConnected) this.watch(this._session);
    }
    this.configProvider.setValue(next);
    this.sessionProvider.setValue(this._session);
    this.apiProvider.setValue(this._api);
    if (next.silentSignIn) void this._session?.trySilentSignIn();
    this.applyLocale(next.locale ?? 'en');
    if (!prev || prev.theme !== next.theme) this.applyTheme();
  }

  private appliedLocale: string | undefined;

  private ownLang = false;

  private applyLocale(locale: string): void {
    // Screen readers pronounce the widgets in their language: set `lang` unless the host page set it.
    if (this.ownLang || !this.hasAttribute('lang')) { this.setAttribute('lang', locale); this.ownLang = true; }
    if (locale === this.appliedLocale) return;
    this.appliedLocale = locale;
    setLocale(locale).catch((e: unknown) => console.error('[eservice-widgets] could not load locale', e));
  }

  private watch(session: OidcSession): void {
    this.unsubscribe = session.subscribe((s) => {
      this.emit(new EsAuthChangeEvent(s));
    });
  }

  private applyTheme(): void {
    const theme = this._config?.theme ?? this.theme ?? 'light';
    if (theme === 'auto') {
      if (!this.media && typeof matchMedia === 'function') {
        this.media = matchMedia('(prefers-color-scheme: dark)');
        this.media.addEventListener('change', this.onScheme);
      }
      this.dataset.esTheme = this.media?.matches ? 'dark' : 'light';
    } else {
      this.media?.removeEventListener('change', this.onScheme);
      this.media = undefined;
      this.dataset.esTheme = theme === 'dark' ? 'dark' : 'light';
    }
  }

  protected override render() {
    return html`${this.configError
      ? html`<div part="error" role="alert">
          <strong>${msg('The support widgets cannot start.', { id: 'provider.config-error-title' })}</strong>
          ${msg(str`Check the es-provider setting "${this.configError.field}": ${this.configError.message}`, { id: 'provider.config-error' })}
        </div>`
      : nothing}<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'es-provider': EsProvider;
  }
}
