/**
 * Honest after-hours minutes (docs/ARCHITECTURE.md, "History"): the spells of foreground use the
 * page guards reported (a `usage` event: when a work site became the active tab of a focused
 * window, and for how many minutes), clipped to the time outside work, per site and local day;
 * and each exception's planned length, actual length and the minutes used within it, kept apart.
 * Pure: events, settings and the time zone are arguments.
 */
import type { HistoryEvent } from './history-events';
import { decide } from './policy';
import type { Settings } from './settings';
import type { Category, LocalDate } from './types';
import { addDays, localParts, MINUTE, toInstant } from './zoned-time';

/** A spell of foreground use of one site: `[start, end)` in epoch ms. */
export interface Spell {
  readonly site: string | null;
  readonly category: Category | null;
  readonly start: number;
  readonly end: number;
}

/** The `usage` events as spells, oldest first. */
export function spellsOf(events: readonly HistoryEvent[]): Spell[] {
  return events
    .filter((e) => e.kind === 'usage' && e.minutes > 0)
    .map((e) => ({ site: e.site, category: e.category, start: e.at, end: e.at + e.minutes * MINUTE }))
    .sort((a, b) => a.start - b.start);
}

/**
 * `spells` less the work time of `settings` (the hours less the self-care plan): what was used
 * after hours. Walked by the states of decide(), as the guard sees them (a break, a day off and
 * the evening all count), so the worker adds nothing to its bundle to cut a spell when it records it.
 */
export function afterHours(spells: readonly Spell[], settings: Settings, timeZone: string): Spell[] {
  const out: Spell[] = [];
  for (const spell of spells) {
    let last: { -readonly [K in keyof Spell]: Spell[K] } | null = null;
    for (let at = spell.start; at < spell.end;) {
      const { state, stateEndsAt } = decide(settings, at, timeZone);
      const next = stateEndsAt !== null && stateEndsAt > at ? Math.min(stateEndsAt, spell.end) : spell.end;
      if (state !== 'work') {
        if (last && last.end === at) last.end = next;
        else {
          last = { ...spell, start: at, end: next };
          out.push(last);
        }
      }
      at = next;
    }
  }
  return out;
}

/** Minutes of `spells` within `[from, to)`. Not rounded. */
export function minutesWithin(spells: readonly Spell[], from: number, to: number): number {
  let ms = 0;
  for (const s of spells) ms += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  return ms / MINUTE;
}

/** Minutes per local day, then per site (`null`: a site no longer known), for the days `spells` touch; split at local midnight. */
export function minutesByDay(spells: readonly Spell[], timeZone: string): Map<LocalDate, Map<string | null, number>> {
  const days = new Map<LocalDate, Map<string | null, number>>();
  for (const spell of spells) {
    let date = localParts(spell.start, timeZone).date;
    let start = spell.start;
    while (start < spell.end) {
      const midnight = toInstant(addDays(date, 1), 0, timeZone);
      const end = Math.min(spell.end, midnight);
      let sites = days.get(date);
      if (!sites) days.set(date, (sites = new Map()));
      sites.set(spell.site, (sites.get(spell.site) ?? 0) + (end - start) / MINUTE);
      start = end;
      date = addDays(date, 1);
    }
  }
  return days;
}

/** One crisis exception or wrap-up as the history tells it. */
export interface ExceptionRecord {
  readonly kind: 'crisis' | 'wrapUp';
  readonly site: string | null;
  readonly category: Category | null;
  readonly startedAt: number;
  /** The length asked for when it started. */
  readonly plannedMinutes: number;
  /** When it ended (ran out, or "End now"); null while it runs (or when its end was never recorded). */
  readonly endedAt: number | null;
  /** From its start to its end, or to `now` while it runs. */
  readonly actualMinutes: number;
  /** Foreground use of the sites it opened, within it. */
  readonly usedMinutes: number;
}

// An end event carries its minutes rounded to 1/100, so its start is known to within a second.
const SAME_START = 2000;

const inScope = (spell: Spell, record: { site: string | null; category: Category | null }) =>
  record.site !== null ? spell.site === record.site : record.category === null || spell.category === record.category;

/**
 * The exceptions and wrap-ups that started in `events`, oldest first: each start paired with the
 * end event of the same scope whose length leads back to it. One without an end runs until its
 * planned end or `now`, whichever is first.
 */
export function exceptionRecords(events: readonly HistoryEvent[], now: number): ExceptionRecord[] {
  const spells = spellsOf(events);
  const ends = events.filter((e) => e.kind === 'exceptionEnded');
  const used = new Set<HistoryEvent>();
  const records: ExceptionRecord[] = [];
  for (const start of events) {
    if (start.kind !== 'exceptionStarted' && start.kind !== 'wrapUp') continue;
    const end = ends.find(
      (e) => !used.has(e) && e.site === start.site && e.category === start.category && Math.abs(e.at - e.minutes * MINUTE - start.at) <= SAME_START,
    );
    if (end) used.add(end);
    const endedAt = end ? end.at : null;
    const until = endedAt ?? Math.min(now, start.at + start.minutes * MINUTE);
    const scoped = spells.filter((s) => inScope(s, start));
    records.push({
      kind: start.kind === 'wrapUp' ? 'wrapUp' : 'crisis',
      site: start.site,
      category: start.category,
      startedAt: start.at,
      plannedMinutes: start.minutes,
      endedAt,
      actualMinutes: Math.max(0, until - start.at) / MINUTE,
      usedMinutes: minutesWithin(scoped, start.at, until),
    });
  }
  return records.sort((a, b) => a.startedAt - b.startedAt);
}
