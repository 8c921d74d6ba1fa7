/** Today's shape for the timeline: work spans and exceptions as fractions of the local day, and in words. */
import { describeInstant } from '@/utils/describe';
import { localeOf, type Translate } from '@/utils/i18n';
import { type Clock, clockHour, clockTime } from '@/utils/clock';
import { isDayOff, workIntervals } from '@/utils/schedule';
import type { Settings } from '@/utils/settings';
import type { Exception } from '@/utils/types';
import { DAY, localParts, toInstant } from '@/utils/zoned-time';

export interface Span {
  /** Fractions of the day, 0 at local midnight, 1 at the next. */
  readonly from: number;
  readonly to: number;
  /** "09:00–17:00", "00:00–06:00 (from last night)", in the clinician's clock. */
  readonly words: string;
}

export interface DayShape {
  /** "Wed 2 Dec". */
  readonly label: string;
  readonly dayOff: boolean;
  readonly work: readonly Span[];
  readonly exceptions: readonly Span[];
  /** Where now is, as a fraction of the day. */
  readonly now: number;
  /** Tick marks at 00, 06, 12, 18 and 24 local time ("6 PM" on a 12-hour clock; a daylight-saving day is 23 or 25 hours long). */
  readonly ticks: ReadonlyArray<{ readonly at: number; readonly label: string }>;
  /** The same, in a sentence or two for screen readers and for anyone who reads rather than looks. */
  readonly text: string;
}

/** The local day around `now` in `timeZone`, from the settings and the exceptions on record, its times in `clock`. */
export function dayShape(t: Translate, settings: Settings, now: number, timeZone: string, clock: Clock, exceptions: readonly Exception[] = []): DayShape {
  const { date } = localParts(now, timeZone);
  const start = toInstant(date, 0, timeZone);
  const end = toInstant(date, 24 * 60, timeZone);
  const fraction = (instant: number) => Math.min(1, Math.max(0, (instant - start) / (end - start)));
  const time = (instant: number) => clockTime(instant >= end ? 24 * 60 : localParts(instant, timeZone).minutes, clock);
  // The whole intervals around today, to say where a span crossing midnight comes from or goes to.
  const whole = workIntervals(settings, start - DAY, end + DAY, timeZone);

  const work = workIntervals(settings, start, end, timeZone).map((interval): Span => {
    const full = whole.find((w) => w.start <= interval.start && w.end >= interval.end) ?? interval;
    let words = t('range', time(interval.start), time(interval.end));
    if (full.start < start) words = t('fromLastNight', words);
    if (full.end > end) words = t('untilWhen', words, describeInstant(t, full.end, now, timeZone, clock));
    return { from: fraction(interval.start), to: fraction(interval.end), words };
  });
  const running = exceptions.filter((e) => e.kind === 'crisis' && e.endsAt > start && e.startedAt < end && e.endsAt > now);
  const exceptionSpans = running.map((e): Span => ({
    from: fraction(e.startedAt),
    to: fraction(e.endsAt),
    words: t('range', time(Math.max(e.startedAt, start)), e.endsAt > end ? describeInstant(t, e.endsAt, now, timeZone, clock) : time(e.endsAt)),
  }));

  const parts = new Intl.DateTimeFormat(localeOf(t), { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const label = `${part('weekday')} ${part('day')} ${part('month')}`.trim();
  const dayOff = isDayOff(settings, date);
  const sentences = [
    dayOff
      ? t('todayOff', label)
      : work.length
        ? t('workToday', label, new Intl.ListFormat(localeOf(t), { type: 'conjunction' }).format(work.map((s) => s.words)))
        : t('noWorkToday', label),
    ...exceptionSpans.map((s) => t('crisisSpan', s.words)),
    t('nowAt', time(now)),
  ];
  const ticks = [0, 6, 12, 18, 24].map((h) => ({ at: fraction(toInstant(date, h * 60, timeZone)), label: clockHour(h, clock) }));
  return { label, dayOff, work, exceptions: exceptionSpans, now: fraction(now), ticks, text: sentences.join(' ') };
}
