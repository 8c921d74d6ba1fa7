/**
 * After-hours events as data (docs/ARCHITECTURE.md, "History"): what one holds and how it is
 * cleaned before it is stored. An event holds a time, a kind, a site id or hostname, a category and
 * a duration — never a path, query, fragment or title (EHR addresses carry client ids).
 */
import { CATEGORIES, type Category, type Exception, type Site } from './types';
import { MINUTE } from './zoned-time';

/**
 * `usage`: a spell of foreground use of a work site after hours, from `at` for `minutes` (the page
 * guard reports it, the worker records it: usage.ts). `clockedOut`: today's work ended early with
 * "Clock out now", `minutes` of scheduled work given back.
 */
export const EVENT_KINDS = ['exceptionStarted', 'exceptionEnded', 'wrapUp', 'blockedVisit', 'dimmedVisit', 'dayOff', 'usage', 'clockedOut'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface HistoryEvent {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly kind: EventKind;
  /** A site id (`simplepractice`, `custom:ehr.example.org`) or a bare hostname; null for "all work sites". */
  readonly site: string | null;
  readonly category: Category | null;
  /** Planned minutes for a start, its actual length for an end, the spell's for `usage`, work given back for `clockedOut`, 0 for a visit or a day off. */
  readonly minutes: number;
}

/**
 * A site id or hostname, never more: anything that looks like an address is cut down to its
 * hostname, so a caller's mistake cannot put a path or query on disk.
 */
export function siteKey(site: string | null | undefined): string | null {
  if (!site) return null;
  if (!/[/?#@\s\\]/.test(site)) return site.toLowerCase();
  try {
    return new URL(site.includes('://') ? site : `https://${site}`).hostname || null;
  } catch {
    return null;
  }
}

/** Exactly the fields of an event, checked: extra properties are dropped. */
export function cleanEvent(event: HistoryEvent): HistoryEvent {
  if (!EVENT_KINDS.includes(event.kind)) throw new Error(`not a history event kind: ${String(event.kind)}`);
  if (!Number.isFinite(event.at)) throw new Error('a history event needs a time');
  const minutes = Number.isFinite(event.minutes) && event.minutes > 0 ? Math.round(event.minutes * 100) / 100 : 0;
  const category = event.category && CATEGORIES.includes(event.category) ? event.category : null;
  return { at: event.at, kind: event.kind, site: siteKey(event.site), category, minutes };
}

/** The event for an exception starting or ending: its scope as a site or a category, and minutes. */
export function exceptionEvent(kind: EventKind, exception: Exception, at: number, ms: number, sites: readonly Site[]): HistoryEvent {
  const { scope } = exception;
  const site = scope.type === 'site' ? scope.siteId : null;
  const category = scope.type === 'category' ? scope.category : (sites.find((s) => s.id === site)?.category ?? null);
  return { at, kind, site, category, minutes: Math.max(0, ms) / MINUTE };
}
