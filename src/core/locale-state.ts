/**
 * The active locale, readable without loading @lit/localize's runtime configuration (which lives in i18n.ts).
 * i18n.ts calls setActiveLocale() whenever the locale changes.
 */
let active: string | undefined;

export function getLocale(): string {
  return active ?? 'en';
}

/**
 * The locale the widgets were switched to (es-provider's `locale`, also after a change at run time), or undefined
 * when nothing on the page has set one (a host using createSession() without es-provider).
 */
export function appliedLocale(): string | undefined {
  return active;
}

export function setActiveLocale(locale: string): void {
  active = locale;
}
