// Which language a provider page (or an email it sends) is in. In order:
//   1. `lang` of the request (query or form field): a choice made on the provider's own pages (the language switch,
//      a form posted from a page in that language, the link in an email written in that language). It comes first
//      because otherwise the switch could not change a login page whose portal asked for the other language;
//   2. `ui_locales` of the authorization request (the portal's language; SDK: es-provider's `locale`);
//   3. the `idp_lang` cookie: the language of 1 or 2 the last time a page had one, so the standalone pages reached
//      from there (forgot password, reset, account) stay in it;
//   4. Accept-Language;
//   5. English.
import { MESSAGES } from './messages.mjs';

/** @typedef {import('./messages.mjs').Language} Language */

/** Languages the pages and emails are written in. */
export const LANGUAGES = /** @type {Language[]} */ (Object.keys(MESSAGES));
export const DEFAULT_LANGUAGE = /** @type {Language} */ ('en');
/** Cookie that remembers a `lang` chosen on the provider's pages. */
export const LANG_COOKIE = 'idp_lang';

/**
 * The supported language of one BCP 47 tag ("fi", "fi-FI", "FI"), or undefined.
 * @param {unknown} tag
 * @returns {Language | undefined}
 */
export function supportedLanguage(tag) {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().split('-')[0].toLowerCase();
  return LANGUAGES.find((l) => l === primary);
}

/** The first supported language of a space-separated list in order of preference (ui_locales). */
export function fromUiLocales(value) {
  if (typeof value !== 'string') return undefined;
  for (const tag of value.split(/\s+/)) {
    const lang = supportedLanguage(tag);
    if (lang) return lang;
  }
  return undefined;
}

/** The supported language an Accept-Language header prefers most (q-values; `*` and q=0 say nothing). */
export function fromAcceptLanguage(header) {
  if (typeof header !== 'string') return undefined;
  const ranked = header.split(',').map((part, index) => {
    const [tag, ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => /^q=/i.test(p));
    const weight = q ? Number(q.slice(2)) : 1;
    return { lang: supportedLanguage(tag), weight: Number.isFinite(weight) ? weight : 0, index };
  }).filter((r) => r.lang && r.weight > 0);
  ranked.sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.lang;
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header, name) {
  if (typeof header !== 'string') return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Picks the language (see the order at the top of this file).
 * @param {{ explicit?: unknown, uiLocales?: unknown, cookie?: unknown, acceptLanguage?: unknown }} sources
 * @returns {Language}
 */
export function resolveLanguage({ explicit, uiLocales, cookie, acceptLanguage } = {}) {
  return supportedLanguage(explicit) ?? fromUiLocales(uiLocales) ?? supportedLanguage(cookie)
    ?? fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
}

/**
 * The language of a request to the provider (node:http request, or oidc-provider's Koa context via its headers).
 * @param {{ headers: Record<string, any> }} req
 * @param {{ explicit?: unknown, uiLocales?: unknown }} [more]
 */
export function requestLanguage(req, { explicit, uiLocales } = {}) {
  return resolveLanguage({
    explicit,
    uiLocales,
    cookie: readCookie(req.headers.cookie, LANG_COOKIE),
    acceptLanguage: req.headers['accept-language'],
  });
}

/** Set-Cookie value that remembers a chosen language for a year (readable by the provider only). */
export function languageCookie(lang) {
  return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`;
}

/**
 * The language of a page the provider renders itself (requestLanguage); when it came from `lang` or ui_locales and
 * the cookie says otherwise, also remembers it in the cookie (appended: oidc-provider sets its own cookies on `res`).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ explicit?: unknown, uiLocales?: unknown }} [sources]
 */
export function pageLanguage(req, res, sources = {}) {
  const lang = requestLanguage(req, sources);
  const chosen = supportedLanguage(sources.explicit) ?? fromUiLocales(sources.uiLocales);
  if (chosen === lang && readCookie(req.headers.cookie, LANG_COOKIE) !== lang) res.appendHeader('Set-Cookie', languageCookie(lang));
  return lang;
}

/** `path` (a same-origin path, with or without a query) with its `lang` parameter set to `lang`. */
export function withLanguage(path, lang) {
  const u = new URL(path, 'http://provider.invalid');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}
