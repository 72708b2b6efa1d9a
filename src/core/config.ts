import type { EsConfig, TokenStorage } from './config.types.js';

/** A configuration that cannot work. `field` names the bad or missing setting (an `EsConfig` key). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The `EsConfig` key at fault, e.g. `apiUrl`. */
  readonly field: keyof EsConfig;
  constructor(field: keyof EsConfig, message: string) {
    super(`eService Widgets configuration: ${message}`);
    this.field = field;
  }
}

export const DEFAULT_SCOPE = 'openid profile email';
export const LOCALES = ['en', 'fi'] as const;
export const THEMES = ['light', 'dark', 'auto'] as const;
export const TOKEN_STORAGES: readonly TokenStorage[] = ['session', 'memory'];

/** es-provider attribute of each config key, so error messages name what the page author actually wrote. */
const ATTRIBUTE: Partial<Record<keyof EsConfig, string>> = {
  apiUrl: 'api-url', authority: 'authority', clientId: 'client-id', redirectUri: 'redirect-uri',
  postLogoutRedirectUri: 'post-logout-redirect-uri', scope: 'scope', resource: 'resource', locale: 'locale',
  theme: 'theme', tokenStorage: 'token-storage', silentSignIn: 'silent-sign-in',
};

function label(field: keyof EsConfig): string {
  const attr = ATTRIBUTE[field];
  return attr && attr !== field ? `${field} (attribute ${attr})` : field;
}

function blank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Parses an absolute http(s) URL or throws a ConfigError naming `field`. */
function absoluteUrl(field: keyof EsConfig, value: unknown): string {
  if (typeof value !== 'string') throw new ConfigError(field, `${label(field)} must be a URL string.`);
  let url: URL;
  try { url = new URL(value.trim()); } catch {
    throw new ConfigError(field, `${label(field)} "${value}" is not a valid absolute URL (expected https://…).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(field, `${label(field)} "${value}" must be an http or https URL.`);
  }
  return value.trim();
}

function currentPage(): string {
  if (typeof location === 'undefined') return '';
  return location.origin + location.pathname;
}

/**
 * Checks a configuration and fills in defaults. Throws `ConfigError` naming the first bad or missing field:
 * - `apiUrl` required, an absolute http(s) URL (a trailing slash is removed);
 * - `authority` and `clientId` both or neither (without them the page is public-only: no sign-in);
 * - every URL valid; `locale` `en` | `fi`; `theme` `light` | `dark` | `auto`; `tokenStorage` `session` | `memory`;
 *   `silentSignIn` a boolean (kept only when sign-in is configured).
 *
 * Defaults: scope `openid profile email`, redirectUri = current page without query and hash,
 * postLogoutRedirectUri = redirectUri, forgotPasswordUrl = `${authority}/password/forgot`, locale `en`,
 * theme `light`, tokenStorage `session`.
 */
export function validateConfig(input: Partial<EsConfig> | null | undefined): EsConfig {
  if (!input || typeof input !== 'object') throw new ConfigError('apiUrl', 'no configuration given; apiUrl is required.');
  if (blank(input.apiUrl)) {
    throw new ConfigError('apiUrl', `${label('apiUrl')} is required: the base URL of the support API, e.g. https://support.example.com/api/v1.`);
  }
  const apiUrl = absoluteUrl('apiUrl', input.apiUrl).replace(/\/+$/, '');

  const hasAuthority = !blank(input.authority);
  const hasClient = !blank(input.clientId);
  if (hasAuthority && !hasClient) {
    throw new ConfigError('clientId', `${label('clientId')} is required when authority is set (set both to enable sign-in, or neither).`);
  }
  if (hasClient && !hasAuthority) {
    throw new ConfigError('authority', `${label('authority')} is required when clientId is set (set both to enable sign-in, or neither).`);
  }

  const out: EsConfig = { apiUrl };
  const locale = blank(input.locale) ? 'en' : String(input.locale).trim();
  if (!(LOCALES as readonly string[]).includes(locale)) {
    throw new ConfigError('locale', `${label('locale')} "${input.locale}" is not supported; use one of: ${LOCALES.join(', ')}.`);
  }
  out.locale = locale;
  const theme = blank(input.theme) ? 'light' : String(input.theme).trim();
  if (!(THEMES as readonly string[]).includes(theme)) {
    throw new ConfigError('theme', `${label('theme')} "${input.theme}" is not supported; use one of: ${THEMES.join(', ')}.`);
  }
  out.theme = theme as EsConfig['theme'];
  const tokenStorage = blank(input.tokenStorage) ? 'session' : String(input.tokenStorage).trim();
  if (!(TOKEN_STORAGES as readonly string[]).includes(tokenStorage)) {
    throw new ConfigError('tokenStorage', `${label('tokenStorage')} "${input.tokenStorage}" is not supported; use one of: ${TOKEN_STORAGES.join(', ')}.`);
  }
  out.tokenStorage = tokenStorage as TokenStorage;

  if (input.silentSignIn !== undefined && input.silentSignIn !== null && typeof input.silentSignIn !== 'boolean') {
    throw new ConfigError('silentSignIn', `${label('silentSignIn')} must be true or false (as an attribute: present or absent).`);
  }

  if (!blank(input.resource)) out.resource = String(input.resource).trim();
  if (!blank(input.accountRequestUrl)) {
    // May be relative (an in-page link such as `#/request-account`); only reject script URLs.
    const v = String(input.accountRequestUrl).trim();
    if (/^\s*(javascript|data|vbscript):/i.test(v)) {
      throw new ConfigError('accountRequestUrl', `${label('accountRequestUrl')} must be an http(s) or relative URL.`);
    }
    out.accountRequestUrl = v;
  }

  if (hasAuthority) {
    out.authority = absoluteUrl('authority', input.authority).replace(/\/+$/, '');
    out.clientId = String(input.clientId).trim();
    out.scope = blank(input.scope) ? DEFAULT_SCOPE : String(input.scope).trim().replace(/\s+/g, ' ');
    if (!out.scope.split(' ').includes('openid')) {
      throw new ConfigError('scope', `${label('scope')} must include "openid".`);
    }
    out.redirectUri = blank(input.redirectUri) ? currentPage() : absoluteUrl('redirectUri', input.redirectUri);
    out.postLogoutRedirectUri = blank(input.postLogoutRedirectUri)
      ? out.redirectUri : absoluteUrl('postLogoutRedirectUri', input.postLogoutRedirectUri);
    out.forgotPasswordUrl = blank(input.forgotPasswordUrl)
      ? `${out.authority}/password/forgot` : absoluteUrl('forgotPasswordUrl', input.forgotPasswordUrl);
    if (input.silentSignIn) out.silentSignIn = true;
  } else {
    // Public-only page: sign-in settings are ignored, but a typo in them is still reported.
    for (const f of ['redirectUri', 'postLogoutRedirectUri', 'forgotPasswordUrl'] as const) {
      if (!blank(input[f])) out[f] = absoluteUrl(f, input[f]);
    }
    if (!blank(input.scope)) out.scope = String(input.scope).trim();
  }
  return out;
}

/** True when the configuration allows sign-in (authority and clientId set). */
export function canSignIn(config: EsConfig): config is EsConfig & { authority: string; clientId: string } {
  return !!config.authority && !!config.clientId;
}
