/**
 * The after-hours auto-reply or voicemail script with the next opening filled in: "I'm away until
 * Monday 9:00 AM." The text is copied into an email auto-reply and stays there for days, so the
 * opening is absolute (a weekday, a date further ahead), never "tomorrow".
 */
import { type Clock, clockTime } from './clock';
import { MONTH_LONG, WEEKDAY_LONG } from './names';
import { dayNumber, localParts } from './zoned-time';

/** Where a template puts the next opening. */
export const NEXT_PLACEHOLDER = '{next}';
/** Said when no work hours lie ahead. */
export const NO_OPENING = 'further notice';

/**
 * The next opening in the words of a message to clients: "Monday 9:00 AM" within the coming six
 * days, "Monday, January 12, 9:00 AM" further ahead, the time in `clock`; `null` (no work ahead) is
 * "further notice".
 */
export function openingWords(instant: number | null, now: number, timeZone: string, clock: Clock): string {
  if (instant === null) return NO_OPENING;
  const at = localParts(instant, timeZone);
  const time = clockTime(at.minutes, clock);
  const day = WEEKDAY_LONG[at.weekday];
  const ahead = dayNumber(at.date) - dayNumber(localParts(now, timeZone).date);
  if (ahead >= 0 && ahead < 7) return `${day} ${time}`;
  return `${day}, ${MONTH_LONG[Number(at.date.slice(5, 7)) - 1] ?? ''} ${Number(at.date.slice(8, 10))}, ${time}`;
}

/** The template with every `{next}` replaced by the next opening in words. */
export function fillAfterHoursMessage(template: string, nextOpening: number | null, now: number, timeZone: string, clock: Clock): string {
  return template.split(NEXT_PLACEHOLDER).join(openingWords(nextOpening, now, timeZone, clock));
}
