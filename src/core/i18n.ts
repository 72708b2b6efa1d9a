import { configureLocalization } from '@lit/localize';
import { getLocale as activeLocale, setActiveLocale } from './locale-state.js';

/**
 * Localisation in @lit/localize runtime mode. English is the source; Finnish templates load on demand from
 * `src/locales/fi.ts` (which merges every component's `locale-fi.ts`). `configureLocalization` may run only once
 * per page, so a second copy of the SDK on the same page reuses the first copy's functions through a global.
 */
export const SOURCE_LOCALE = 'en';
export const TARGET_LOCALES = ['fi'] as const;
export type EsLocale = typeof SOURCE_LOCALE | (typeof TARGET_LOCALES)[number];

interface Localization { getLocale: () => string; setLocale: (l: string) => Promise<void> }
const KEY = Symbol.for('eservice-widgets/localization');
type Holder = { [KEY]?: Localization };

function localization(): Localization {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    try {
      g[KEY] = configureLocalization({
        sourceLocale: SOURCE_LOCALE,
        targetLocales: TARGET_LOCALES,
        loadLocale: () => import('../locales/fi.js'),
      });
    } catch (e) {
      // Another library on the page configured @lit/localize first: keep working in English.
      console.warn('[eservice-widgets] @lit/localize is already configured on this page; locale switching is disabled.', e);
      g[KEY] = { getLocale: () => SOURCE_LOCALE, setLocale: async () => undefined };
    }
  }
  return g[KEY]!;
}

/** Normalises `fi-FI`, `FI`, `en-GB` … to a supported locale; unknown → `en`. */
export function normaliseLocale(locale: string | null | undefined): EsLocale {
  const base = String(locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (TARGET_LOCALES as readonly string[]).includes(base) ? (base as EsLocale) : SOURCE_LOCALE;
}

/** Switches every `@localized()` element to `locale` (loading its templates first). */
export async function setLocale(locale: string): Promise<void> {
  const l = normaliseLocale(locale);
  const loc = localization();
  // The Intl locale (dates, numbers) moves BEFORE the templates load: @lit/localize re-renders every element the
  // moment they are ready, and those renders must already format in the new locale.
  const previous = activeLocale();
  setActiveLocale(l);
  try {
    if (loc.getLocale() !== l) await loc.setLocale(l);
  } catch (e) {
    setActiveLocale(previous);
    throw e;
  }
}

/** The active locale (`en`, `fi`). */
export function getLocale(): string {
  return activeLocale();
}
