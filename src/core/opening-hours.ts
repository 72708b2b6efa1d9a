import type { Holiday, OpeningHours, SupportCentre } from './models.js';

/**
 * Opening-hours arithmetic for support centres, in the centre's IANA time zone, with nothing but Intl:
 * - wall-clock times are turned into instants with `Intl.DateTimeFormat#formatToParts` (no date library);
 * - a wall time inside a daylight-saving gap (does not exist that day) becomes the first valid instant after the
 *   gap; an ambiguous wall time (the hour that happens twice in autumn) becomes the earlier instant;
 * - `close` may be `24:00` (midnight at the end of the day); `close <= open` means the period ends the next day;
 * - holidays (`YYYY-MM-DD` in the centre's zone) are closed all day;
 * - the search for the next change looks at most 14 days ahead.
 * All functions are pure: the current time is always passed in.
 */

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** How far ahead the next opening or closing is looked for. */
export const SEARCH_DAYS = 14;

export interface OpeningStatus {
  /** Open at `now`. */
  open: boolean;
  /** When `open` flips next (epoch ms), or null when it does not within SEARCH_DAYS. */
  changesAt: number | null;
  /** Set when today (in the centre's zone) is a holiday. */
  holiday?: Holiday;
}

/** Calendar date (proleptic Gregorian) without a zone. */
export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this browser knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try { partsFormatter(timeZone); return true; } catch { return false; }
}

/** ISO weekday of a calendar date. */
export function isoWeekday(d: LocalDate): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The wall clock in `timeZone` at instant `ms`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const p: Record<string, string> = {};
  for (const { type, value } of partsFormatter(timeZone).formatToParts(new Date(ms))) p[type] = value;
  let year = Number(p.year);
  if (p.era === 'BC' || p.era === 'B') year = 1 - year;
  const d = { year, month: Number(p.month), day: Number(p.day) };
  return { ...d, hour: Number(p.hour) % 24, minute: Number(p.minute), second: Number(p.second), weekday: isoWeekday(d) };
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Helsinki in summer: +3 h). */
export function zoneOffset(ms: number, timeZone: string): number {
  const t = Math.floor(ms / 1000) * 1000;
  const w = wallClock(t, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - t;
}

/** Adds `days` to a calendar date. */
export function addDays(d: LocalDate, days: number): LocalDate {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}

/** `YYYY-MM-DD`. */
export function isoDate(d: LocalDate): string {
  const y = String(Math.abs(d.year)).padStart(4, '0');
  return `${d.year < 0 ? '-' : ''}${y}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Parses `HH:MM` (00:00 … 24:00) into minutes after midnight, or null when malformed. */
export function parseTime(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(String(s).trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` after midnight of `date`.
 * 24:00 is midnight at the start of the next day. A wall time that does not exist (skipped by a daylight-saving
 * jump) gives the first instant after the gap; a wall time that happens twice gives the earlier instant.
 */
export function zonedTimeToUtc(date: LocalDate, minutes: number, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE;
  // Every offset in force within a day of the guess: a DST change is one of these.
  const offsets = new Set<number>([
    zoneOffset(guess - DAY_MS, timeZone), zoneOffset(guess, timeZone), zoneOffset(guess + DAY_MS, timeZone),
  ]);
  const target = wallKey(addDays(date, Math.floor(minutes / 1440)), minutes % 1440);
  const valid: number[] = [];
  for (const o of offsets) {
    const t = guess - o;
    const w = wallClock(t, timeZone);
    if (wallKey(w, w.hour * 60 + w.minute) === target) valid.push(t);
  }
  if (valid.length) return Math.min(...valid);
  // In a gap: the answer is the transition itself, between the two candidate instants.
  const candidates = [...offsets].map((o) => guess - o).sort((a, b) => a - b);
  let lo = candidates[0]!;
  let hi = candidates[candidates.length - 1]!;
  const loOffset = zoneOffset(lo, timeZone);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (mid === lo) break;
    if (zoneOffset(mid, timeZone) === loOffset) lo = mid; else hi = mid;
  }
  return hi;
}

function wallKey(d: LocalDate, minutes: number): string {
  return `${isoDate(d)}T${minutes}`;
}

/** One open period as instants. */
export interface Interval {
  start: number;
  end: number;
}

/** Open periods of `centre` for the local dates `from` … `from + days - 1` (holidays removed), merged and sorted. */
export function openIntervals(centre: Pick<SupportCentre, 'timeZone' | 'hours' | 'holidays'>, from: LocalDate, days: number): Interval[] {
  const holidays = new Set((centre.holidays ?? []).map((h) => h.date));
  const out: Interval[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    if (holidays.has(isoDate(date))) continue;
    const weekday = isoWeekday(date);
    for (const h of centre.hours ?? []) {
      if (h.day !== weekday) continue;
      const open = parseTime(h.open);
      const close = parseTime(h.close);
      if (open === null || close === null || open === 1440) continue;
      const start = zonedTimeToUtc(date, open, centre.timeZone);
      const end = close > open
        ? zonedTimeToUtc(date, close, centre.timeZone)
        : zonedTimeToUtc(addDays(date, 1), close, centre.timeZone); // overnight period
      if (end > start) out.push({ start, end });
    }
  }
  out.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Whether `centre` is open at `nowMs` and when that changes next (null when not within 14 days).
 * Sets `holiday` when the centre's local date today is a holiday.
 */
export function openingStatus(centre: Pick<SupportCentre, 'timeZone' | 'hours' | 'holidays'>, nowMs: number): OpeningStatus {
  const today = wallClock(nowMs, centre.timeZone);
  const todayIso = isoDate(today);
  const holiday = (centre.holidays ?? []).find((h) => h.date === todayIso);
  // From yesterday (an overnight period may still run) to SEARCH_DAYS ahead.
  const intervals = openIntervals(centre, addDays(today, -1), SEARCH_DAYS + 2);
  const horizon = nowMs + SEARCH_DAYS * DAY_MS;
  const current = intervals.find((r) => r.start <= nowMs && nowMs < r.end);
  let result: OpeningStatus;
  if (current) {
    // The window reaches past the horizon, so an end inside it is real; beyond it (e.g. 24/7) there is no change in sight.
    result = { open: true, changesAt: current.end <= horizon ? current.end : null };
  } else {
    const next = intervals.find((r) => r.start > nowMs && r.start <= horizon);
    result = { open: false, changesAt: next ? next.start : null };
  }
  if (holiday) result.holiday = holiday;
  return result;
}

/** A row of the weekly table: the centre's hours for one weekday and, for the coming date of that weekday, the instants. */
export interface ScheduleRow {
  /** ISO weekday. */
  day: number;
  /** The coming date (today or later, within 7 days) with this weekday, in the centre's zone. */
  date: string;
  /** Periods of that day as wall times and instants; empty = closed. */
  periods: { open: string; close: string; start: number; end: number }[];
  /** The coming date is a holiday (periods then empty). */
  holiday?: Holiday;
}

/** The week ahead from `nowMs` (Monday first), for the opening-hours table. */
export function weekSchedule(centre: Pick<SupportCentre, 'timeZone' | 'hours' | 'holidays'>, nowMs: number): ScheduleRow[] {
  const today = wallClock(nowMs, centre.timeZone);
  const rows: ScheduleRow[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(today, i);
    const day = isoWeekday(date);
    const iso = isoDate(date);
    const holiday = (centre.holidays ?? []).find((h) => h.date === iso);
    const periods: ScheduleRow['periods'] = [];
    if (!holiday) {
      for (const h of sortHours(centre.hours ?? []).filter((x) => x.day === day)) {
        const open = parseTime(h.open);
        const close = parseTime(h.close);
        if (open === null || close === null || open === 1440) continue;
        const start = zonedTimeToUtc(date, open, centre.timeZone);
        const end = close > open ? zonedTimeToUtc(date, close, centre.timeZone) : zonedTimeToUtc(addDays(date, 1), close, centre.timeZone);
        periods.push({ open: h.open, close: h.close, start, end });
      }
    }
    rows.push({ day, date: iso, periods, ...(holiday ? { holiday } : {}) });
  }
  return rows.sort((a, b) => a.day - b.day);
}

function sortHours(hours: OpeningHours[]): OpeningHours[] {
  return [...hours].sort((a, b) => a.day - b.day || (parseTime(a.open) ?? 0) - (parseTime(b.open) ?? 0));
}

/** Milliseconds until the status text should be recomputed: the next change, at most one minute. */
export function nextTick(status: OpeningStatus, nowMs: number): number {
  const untilChange = status.changesAt === null ? Infinity : status.changesAt - nowMs;
  const untilMinute = MINUTE - (nowMs % MINUTE);
  return Math.max(250, Math.min(untilChange, untilMinute));
}
