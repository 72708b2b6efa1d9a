/**
 * The active locale, readable without loading @lit/localize's runtime configuration (which lives in i18n.ts).
 * i18n.ts calls setActiveLocale() whenever the locale changes.
 */
let active = 'en';

export function getLocale(): string {
  return active;
}

export function setActiveLocale(locale: string): void {
  active = locale;
}
