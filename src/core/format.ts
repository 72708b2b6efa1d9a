import { getLocale } from './locale-state.js';

/**
 * Intl helpers. The locale is the SDK's active locale (es-provider `locale`), so dates and numbers follow the
 * language the user picked; the time zone is the user's own unless one is given.
 */

/** BCP 47 tag of the active locale (`en`, `fi`); English uses en-GB formatting (day before month, 24 h). */
export function currentLocale(): string {
  const l = getLocale();
  return l === 'en' ? 'en-GB' : l;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = currentLocale() + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) { f = new Intl.DateTimeFormat(currentLocale(), options); cache.set(key, f); }
  return f;
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** 25 Nov 2026 */
export function formatDate(value: string | number | Date, timeZone?: string): string {
  return dtf({ dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(toDate(value));
}

/** 25 Nov 2026, 14:05 */
export function formatDateTime(value: string | number | Date, timeZone?: string): string {
  return dtf({ dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(toDate(value));
}

/** 14:05 */
export function formatTime(value: string | number | Date, timeZone?: string): string {
  return dtf({ hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(toDate(value));
}

/** "3 hours ago", "in 2 days" — relative to `now`. */
export function formatRelative(value: string | number | Date, now: number = Date.now()): string {
  const diff = (toDate(value).getTime() - now) / 1000;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' });
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(diff / 86400), 'day');
  if (abs < 86400 * 365) return rtf.format(Math.round(diff / (86400 * 30)), 'month');
  return rtf.format(Math.round(diff / (86400 * 365)), 'year');
}

/** 1.2 MB (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) { value /= 1000; i++; }
  return new Intl.NumberFormat(currentLocale(), {
    style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: value < 10 && i > 0 ? 1 : 0,
  }).format(value);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}
