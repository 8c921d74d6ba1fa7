/** Shared vocabulary of the pure core. Types only: no code, no browser imports. */

export const CATEGORIES = ['ehr', 'practice', 'telehealth', 'email'] as const;
export type Category = (typeof CATEGORIES)[number];

export const ACTIONS = ['block', 'dim', 'allow'] as const;
export type Action = (typeof ACTIONS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM`, 00:00–23:59; `24:00` is allowed as the end of a range. */
export type WallTime = string;
/** `YYYY-MM-DD`, a local calendar date. */
export type LocalDate = string;

/** `[start, end)`; `end < start` runs past midnight, `end === start` is 24 hours. */
export type Range = readonly [WallTime, WallTime];

export type State = 'work' | 'off' | 'break' | 'timeOff';

/** What a running exception opens. */
export type ExceptionScope =
  { readonly type: 'all' } | { readonly type: 'category'; readonly category: Category } | { readonly type: 'site'; readonly siteId: string };

/** A crisis exception or a wrap-up: runtime state, kept in local storage, never synced. */
export interface Exception {
  readonly id: string;
  readonly kind: 'crisis' | 'wrapUp';
  readonly scope: ExceptionScope;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  /** Epoch milliseconds; the exception is over at this instant. */
  readonly endsAt: number;
}

/** A work site the guard knows: a catalogue entry or a custom host. */
export interface Site {
  /** Catalogue id, or `custom:<host>` for a custom site. */
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  /** `host` matches the host and its subdomains; `*.host` matches subdomains only. */
  readonly hosts: readonly string[];
  /** Only paths under this prefix are the app (the host also serves public pages). */
  readonly pathPrefix?: string;
  /** A custom site's own action, overriding its category's. */
  readonly action?: Action;
}
