/**
 * Settings documents whose boundaries fall a few seconds from now. Time is never faked in the e2e
 * tests: a test picks a real instant (`nextMinuteBoundary`), builds a week around it, imports it and
 * waits for the instant to pass (`waitUntil`).
 */
import { parseSettings, SETTINGS_FORMAT, SETTINGS_VERSION, type SettingsInput } from '../../utils/settings';
import { WEEKDAYS, type Weekday } from '../../utils/types';
import { en } from '../unit/english';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

type Week = Record<Weekday, [string, string][]>;

/** The zone both Node and the browser use here (the machine's); documents name it explicitly. */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const weekOf = (day: () => [string, string][]): Week => Object.fromEntries(WEEKDAYS.map((d) => [d, day()])) as Week;
/** Clocked in around the clock: nothing is dimmed or blocked. */
export const alwaysWork = (): Week => weekOf(() => [['00:00', '24:00']]);
/** Never clocked in: every work site is dimmed or blocked. */
export const neverWork = (): Week => weekOf(() => []);

/**
 * A valid settings document: the system time zone named explicitly, work around the clock, no
 * wind-down warning (it would be a boundary of its own), then `overrides` on top, field by field.
 * Throws with the validator's messages if the result is not a valid document.
 */
export function settingsWith(overrides: Partial<SettingsInput> = {}): SettingsInput {
  const doc: SettingsInput = {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    timeZone: systemTimeZone(),
    week: alwaysWork(),
    windDownMinutes: 0,
    // Times as these tests write them, whatever the browser's language (tests/e2e/clock.test.ts
    // is the one about the clock).
    clock: '24h',
    ...overrides,
  };
  const parsed = parseSettings(en, doc);
  if (!parsed.ok) throw new Error(`settingsWith: invalid document: ${parsed.errors.join('; ')}`);
  return doc;
}

/** The weekday and `HH:MM` of an instant in `timeZone`. */
export function wallClock(at: number, timeZone = systemTimeZone()): { weekday: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  return { weekday, time: `${part('hour')}:${part('minute')}` };
}

/**
 * A week with the given instant ranges `[start, end)` and nothing else. Each range goes on the
 * weekday it starts, running past midnight if it must. Instants must be whole minutes, ranges at
 * most 24 hours long.
 */
export function weekWithRanges(ranges: readonly (readonly [number, number])[], timeZone = systemTimeZone()): Week {
  const week = neverWork();
  for (const [start, end] of ranges) {
    if (start % MINUTE !== 0 || end % MINUTE !== 0) throw new Error('weekWithRanges: boundaries must be whole minutes');
    if (end <= start || end - start > 24 * HOUR) throw new Error('weekWithRanges: a range lasts more than 0 and at most 24 hours');
    const from = wallClock(start, timeZone);
    week[from.weekday].push([from.time, wallClock(end, timeZone).time]);
  }
  return week;
}

/** A week in which work started `length` ago and ends at `end`: clocked in now, out at `end`. */
export const workUntil = (end: number, timeZone = systemTimeZone(), length = 2 * HOUR): Week => weekWithRanges([[end - length, end]], timeZone);

/** A week in which work starts at `start` and lasts `length`: clocked out now, in at `start`. */
export const workFrom = (start: number, timeZone = systemTimeZone(), length = 2 * HOUR): Week => weekWithRanges([[start, start + length]], timeZone);

/**
 * The next whole minute at least `minLeadMs` from `now`, as epoch ms. Every zone in use today is a
 * whole number of minutes from UTC, so a UTC minute edge is a local one; ranges are `HH:MM`, so
 * boundaries can only fall there. The wait is between `minLeadMs` and a minute more.
 */
export function nextMinuteBoundary(minLeadMs = 8 * SECOND, now = Date.now()): number {
  return Math.ceil((now + minLeadMs) / MINUTE) * MINUTE;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the clock has reached `at` (epoch ms), never early. */
export async function waitUntil(at: number): Promise<void> {
  while (Date.now() < at) await sleep(Math.max(1, at - Date.now()));
}
