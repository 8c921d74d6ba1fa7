/**
 * Local wall clock ↔ instant in an IANA time zone. Offsets come from `Intl` only (docs/ARCHITECTURE.md,
 * "Time"); calendar arithmetic on dates is done on UTC day numbers, which have no zone.
 */
import { WEEKDAYS } from './types';
import type { LocalDate, Weekday } from './types';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

interface Zone {
  readonly format: Intl.DateTimeFormat;
  /** Offset (local − UTC, ms) at UTC midnights, by day number. */
  readonly marks: Map<number, number>;
  /** By UTC day number: the instant the offset changes that day, or NaN if it does not. */
  readonly changes: Map<number, number>;
}

// Formatting is the expensive part (~3 µs a call), so offsets are cached per UTC day: one
// format per midnight, plus a binary search on the rare days whose offset changes.
const zones = new Map<string, Zone>();
const MAX_CACHED_DAYS = 20_000;
const WALL = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

function zone(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    z = { format, marks: new Map(), changes: new Map() };
    zones.set(timeZone, z);
  }
  return z;
}

function exactOffset(z: Zone, instant: number): number {
  const t = Math.floor(instant / SECOND) * SECOND;
  const m = WALL.exec(z.format.format(t));
  if (m) return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])) - t;
  // An engine that formats differently: slower, but still Intl.
  const part = Object.fromEntries(z.format.formatToParts(t).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0) - t;
}

function remember(map: Map<number, number>, key: number, value: number): number {
  if (map.size >= MAX_CACHED_DAYS) map.clear();
  map.set(key, value);
  return value;
}

function mark(z: Zone, day: number): number {
  return z.marks.get(day) ?? remember(z.marks, day, exactOffset(z, day * DAY));
}

// The instant the offset changes during UTC day `day`, or NaN: assumes at most one change a day.
function change(z: Zone, day: number): number {
  const known = z.changes.get(day);
  if (known !== undefined) return known;
  const before = mark(z, day);
  if (before === mark(z, day + 1)) return remember(z.changes, day, NaN);
  let lo = day * DAY;
  let hi = lo + DAY;
  while (hi - lo > SECOND) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
    if (exactOffset(z, mid) === before) lo = mid;
    else hi = mid;
  }
  return remember(z.changes, day, hi);
}

/** Milliseconds to add to `instant` to read the local wall clock in `timeZone` as if it were UTC. */
export function offsetAt(instant: number, timeZone: string): number {
  const z = zone(timeZone);
  const day = Math.floor(instant / DAY);
  const at = change(z, day);
  return instant < at ? mark(z, day) : mark(z, Number.isNaN(at) ? day : day + 1);
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date. */
export function dayNumber(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): LocalDate {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function weekdayOfDay(day: number): Weekday {
  return WEEKDAYS[weekdayIndex(day)] ?? 'mon';
}

/** The local day number of `instant` in `timeZone`. */
export function localDay(instant: number, timeZone: string): number {
  return Math.floor((instant + offsetAt(instant, timeZone)) / DAY);
}

/** The local date, minute of the day (0–1439) and weekday of `instant` in `timeZone`. */
export function localParts(instant: number, timeZone: string): { date: LocalDate; minutes: number; weekday: Weekday } {
  const wall = instant + offsetAt(instant, timeZone);
  const day = Math.floor(wall / DAY);
  return { date: dateOfDay(day), minutes: Math.floor((wall - day * DAY) / MINUTE), weekday: weekdayOfDay(day) };
}

/**
 * The instant the local wall clock in `timeZone` reads `minutes` after the midnight starting day
 * number `day` (minutes may pass 1440). A time the clocks skip means the first instant after the
 * gap; a time they show twice means its first occurrence (docs/ARCHITECTURE.md, "Time").
 */
export function instantAt(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY + minutes * MINUTE;
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const early = wall - before;
  const late = wall - after;
  const earlyOk = offsetAt(early, timeZone) === before;
  const lateOk = offsetAt(late, timeZone) === after;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  // In the gap: the clocks jumped forward at an instant between `late` and `early`.
  const z = zone(timeZone);
  for (let d = Math.floor(late / DAY); d <= Math.floor(early / DAY); d++) {
    const at = change(z, d);
    if (at > late && at <= early) return at;
  }
  return early;
}

/** {@link instantAt} for a `YYYY-MM-DD` date; `minutes` 1440 is the next day's midnight. */
export function toInstant(date: LocalDate, minutes: number, timeZone: string): number {
  return instantAt(dayNumber(date), minutes, timeZone);
}

/** The date `n` days after `date` (negative `n` goes back). */
export function addDays(date: LocalDate, n: number): LocalDate {
  return dateOfDay(dayNumber(date) + n);
}

/** The weekday of a `YYYY-MM-DD` date. */
export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfDay(dayNumber(date));
}

/** The IANA zone to use: the settings' zone, or the computer's when it is `"system"`. */
export function resolveTimeZone(timeZone: string, system: string = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  return timeZone === 'system' ? system : timeZone;
}
