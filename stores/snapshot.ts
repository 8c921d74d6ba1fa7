/**
 * What the worker leaves in local storage for pages and content scripts: the validated settings,
 * the running exceptions, the resolved time zone, this week's count of crisis exceptions and what
 * it could not guard. Each reader runs the same pure `decide` on it,
 * so the popup, the blocked page and an open tab can never disagree with the worker.
 */
import { defineItem } from './item';
import type { CrisisWeek } from '@/utils/crisis';
import type { Settings } from '@/utils/settings';
import type { Exception, Site } from '@/utils/types';

export const SNAPSHOT_KEY = 'guard';

export interface Snapshot {
  readonly settings: Settings;
  readonly exceptions: readonly Exception[];
  /** The resolved IANA zone (never "system"). */
  readonly timeZone: string;
  /** Per site id, the `stateStartedAt` of the off period whose wrap-up was used. */
  readonly wrapUps: Readonly<Record<string, number>>;
  /** A problem the user should see (settings repaired, rules rejected), or null. */
  readonly notice: string | null;
  /** Ids of enabled sites the browser withholds host access for: not guarded until it is given. Absent from older workers. */
  readonly unguarded?: readonly string[];
  /**
   * This week's crisis exceptions (a count, its week's bounds and the weekly limit), so that each
   * place a crisis exception is started from warns about the limit before it is confirmed
   * (`weekCount` in utils/crisis.ts). Absent from older workers, or when the history is unreadable.
   */
  readonly crisisWeek?: CrisisWeek;
  /**
   * The enabled sites, resolved (the catalogue's and the clinician's own), so that a page guard
   * matches its page without carrying the catalogue. Absent from older workers.
   */
  readonly sites?: readonly Site[];
  /** Ids of enabled sites left without blocking rules (over the browser's rule limits; named in `notice`). */
  readonly unruled?: readonly string[];
  /**
   * How many open work tabs the browser would not let the guard into after an update: a count,
   * never which tabs or what they show. Absent from older workers.
   */
  readonly uncovered?: number;
}

/** Kept apart from the settings store so pages and content scripts need no validator to read it. */
export const snapshotItem = defineItem<Snapshot | null>(`local:${SNAPSHOT_KEY}`, { fallback: null });

/**
 * The instant the machine went idle or locked (`idle.onStateChanged`, less the browser's minute of
 * detection for idle), null while it is in use. Written by the worker, read by the page guards:
 * idle time is not foreground use (utils/spell.ts). In local storage, which the guards can read,
 * so a worker stopped meanwhile loses nothing.
 */
export const idleItem = defineItem<number | null>('local:idleSince', { fallback: null });
