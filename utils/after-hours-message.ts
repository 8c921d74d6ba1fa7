/**
 * The after-hours auto-reply or voicemail script with the next opening filled in: "I'm away until
 * Monday 9:00 AM." The text is copied into an email auto-reply and stays there for days, so the
 * opening is absolute (a weekday, a date further ahead), never "tomorrow".
 */
import { type Clock, clockTime } from './clock';
import type { MessageKey, Translate } from './i18n';
import { dayNumber, localParts } from './zoned-time';

/** Where a template puts the next opening. */
export const NEXT_PLACEHOLDER = '{next}';
/** Said when no work hours lie ahead (a message). */
export const NO_OPENING: MessageKey = 'furtherNotice';

/**
 * The next opening in the words of a message to clients: "Monday 9:00 AM" within the coming six
 * days, "Monday, January 12, 9:00 AM" further ahead, the time in `clock`; `null` (no work ahead) is
 * "further notice".
 */
export function openingWords(t: Translate, instant: number | null, now: number, timeZone: string, clock: Clock): string {
  if (instant === null) return t(NO_OPENING);
  const at = localParts(instant, timeZone);
  const time = clockTime(at.minutes, clock);
  const day = t(`day_${at.weekday}`);
  const ahead = dayNumber(at.date) - dayNumber(localParts(now, timeZone).date);
  if (ahead >= 0 && ahead < 7) return t('openingDay', day, time);
  return t('openingDate', day, t(`month_${Number(at.date.slice(5, 7))}` as MessageKey), Number(at.date.slice(8, 10)), time);
}

/** The settings' default template (utils/settings/schema.ts), in English as the document stores it. */
export const DEFAULT_TEMPLATE =
  "Thank you for your message. I'm away until {next} and will reply then. If this is an emergency, call 988 or go to the nearest emergency room.";

/**
 * The template as the clinician reads it: the default one in the browser's language (a document
 * holds it in English, whatever the language it was written in), their own as they wrote it.
 */
export const templateIn = (t: Translate, template: string): string => (template === DEFAULT_TEMPLATE ? t('ahmDefault') : template);

/** The template with every `{next}` replaced by the next opening in words. */
export function fillAfterHoursMessage(t: Translate, template: string, nextOpening: number | null, now: number, timeZone: string, clock: Clock): string {
  return template.split(NEXT_PLACEHOLDER).join(openingWords(t, nextOpening, now, timeZone, clock));
}
