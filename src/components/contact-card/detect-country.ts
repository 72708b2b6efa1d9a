import type { CountryLine, SupportCentre } from '../../core/models.js';

/** Countries of common IANA zones (the centres' own zones are matched from the data as well). */
const ZONE_COUNTRY: Record<string, string> = {
  'Europe/Helsinki': 'FI', 'Europe/Mariehamn': 'FI', 'Europe/Stockholm': 'SE', 'Europe/Oslo': 'NO',
  'Europe/Copenhagen': 'DK', 'Europe/Berlin': 'DE', 'Europe/Busingen': 'DE', 'Europe/Vienna': 'AT',
  'Europe/Zurich': 'CH', 'Europe/London': 'GB', 'Europe/Dublin': 'IE', 'Europe/Paris': 'FR', 'Europe/Madrid': 'ES',
  'Europe/Rome': 'IT', 'Europe/Amsterdam': 'NL', 'Europe/Brussels': 'BE', 'Europe/Warsaw': 'PL', 'Europe/Tallinn': 'EE',
  'America/New_York': 'US', 'America/Chicago': 'US', 'America/Denver': 'US', 'America/Los_Angeles': 'US',
  'America/Phoenix': 'US', 'America/Anchorage': 'US', 'Pacific/Honolulu': 'US', 'America/Detroit': 'US',
  'America/Toronto': 'CA', 'America/Vancouver': 'CA', 'America/Edmonton': 'CA', 'America/Winnipeg': 'CA',
  'America/Halifax': 'CA', 'Asia/Singapore': 'SG', 'Australia/Sydney': 'AU', 'Australia/Melbourne': 'AU',
  'Australia/Brisbane': 'AU', 'Australia/Perth': 'AU', 'Australia/Adelaide': 'AU', 'Asia/Tokyo': 'JP',
};

export interface LocaleEnvironment {
  /** navigator.languages (most preferred first). */
  languages: readonly string[];
  /** The user's IANA time zone. */
  timeZone: string | undefined;
}

export function browserEnvironment(): LocaleEnvironment {
  const nav = typeof navigator === 'object' ? navigator : undefined;
  const languages = nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
  let timeZone: string | undefined;
  try { timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { timeZone = undefined; }
  return { languages, timeZone };
}

/** The region subtag of a BCP 47 tag (`fi-FI` → `FI`), or null when the tag names none. */
export function regionOf(tag: string): string | null {
  try {
    return new Intl.Locale(tag).region?.toUpperCase() ?? null;
  } catch {
    return null;
  }
}

/**
 * The country line to show first: the region of the user's language (navigator.language `fi-FI` → FI) when there
 * is a line for it; else the country of the user's time zone (a known zone, or a centre in that zone → that
 * centre's first country); else the first line. Null when there are no lines.
 */
export function detectCountry(
  lines: readonly CountryLine[], centres: readonly SupportCentre[], env: LocaleEnvironment = browserEnvironment(),
): string | null {
  if (!lines.length) return null;
  const has = (code: string | null | undefined) => !!code && lines.some((l) => l.country === code);
  for (const tag of env.languages) {
    const region = regionOf(tag);
    if (has(region)) return region;
  }
  if (env.timeZone) {
    const byZone = ZONE_COUNTRY[env.timeZone];
    if (has(byZone)) return byZone!;
    const centre = centres.find((c) => c.timeZone === env.timeZone);
    const line = centre && lines.find((l) => l.centreId === centre.id);
    if (line) return line.country;
  }
  return lines[0]!.country;
}

/** `tel:` URL of a displayed phone number: digits and a leading + only. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const plus = digits.startsWith('+') ? '+' : '';
  return `tel:${plus}${digits.replace(/\+/g, '')}`;
}
