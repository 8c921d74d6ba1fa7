import { describe, expect, it } from 'vitest';
import { clockOf } from '@/utils/clock';
import { DEFAULT_TEMPLATE, fillAfterHoursMessage, openingWords, templateIn } from '../../utils/after-hours-message';
import { translator } from '../../utils/i18n';
import spanish from '../../locales/es/messages.json';
import french from '../../locales/fr/messages.json';
import { decide } from '../../utils/policy';
import { defaultSettings } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';
import { en } from './english';

const ZONE = 'America/Chicago';
const at = (local: string) => toInstant(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), ZONE);
// Friday 9 January 2026, 18:00 in Chicago.
const NOW = at('2026-01-09 18:00');
// The message's examples are US English, 12-hour.
const US = clockOf('locale', 'en-US');

describe('openingWords', () => {
  it.each([
    ['Monday morning', '2026-01-12 09:00', 'Monday 9:00 AM'],
    ['the afternoon', '2026-01-12 13:30', 'Monday 1:30 PM'],
    ['just after midnight', '2026-01-10 00:15', 'Saturday 12:15 AM'],
    ['noon', '2026-01-10 12:00', 'Saturday 12:00 PM'],
    ['the same weekday next week, with the date', '2026-01-16 09:00', 'Friday, January 16, 9:00 AM'],
    ['after the holidays', '2026-02-02 08:00', 'Monday, February 2, 8:00 AM'],
  ])('%s reads "%s"', (_name, local, words) => {
    expect(openingWords(en, at(local), NOW, ZONE, US)).toBe(words);
  });

  it('says "further notice" when no work lies ahead', () => {
    expect(openingWords(en, null, NOW, ZONE, US)).toBe('further notice');
  });

  it('writes the time in the clinician’s clock', () => {
    expect(openingWords(en, at('2026-01-12 13:30'), NOW, ZONE, clockOf('24h', 'en-US'))).toBe('Monday 13:30');
    expect(openingWords(en, at('2026-01-12 13:30'), NOW, ZONE, clockOf('locale', 'en-GB'))).toBe('Monday 13:30');
  });

  it('reads the opening in the zone it is given', () => {
    expect(openingWords(en, at('2026-01-12 09:00'), NOW, 'Europe/London', US)).toBe('Monday 3:00 PM');
  });
});

describe('fillAfterHoursMessage', () => {
  it('fills the default template with the next opening of the default week', () => {
    const settings = defaultSettings();
    const next = decide(settings, NOW, ZONE).nextWorkAt;
    expect(fillAfterHoursMessage(en, settings.afterHoursMessage, next, NOW, ZONE, US)).toBe(
      "Thank you for your message. I'm away until Monday 9:00 AM and will reply then. If this is an emergency, call 988 or go to the nearest emergency room.",
    );
  });

  it('replaces every {next} and leaves a template without one as it is', () => {
    expect(fillAfterHoursMessage(en, 'Back {next}. Again: {next}.', at('2026-01-12 09:00'), NOW, ZONE, US)).toBe('Back Monday 9:00 AM. Again: Monday 9:00 AM.');
    expect(fillAfterHoursMessage(en, 'Away for now.', null, NOW, ZONE, US)).toBe('Away for now.');
  });
});

describe('the default template, in the browser language', () => {
  it('reads in Spanish and French as the clinician sees it, and a template of their own stays as written', () => {
    const es = translator(spanish);
    const fr = translator(french);
    expect(templateIn(es, DEFAULT_TEMPLATE)).toMatch(/^Gracias por tu mensaje\. Estoy fuera hasta \{next\}/);
    expect(templateIn(fr, DEFAULT_TEMPLATE)).toMatch(/^Merci de votre message\. Je suis absent\(e\) jusqu'à \{next\}/);
    expect(templateIn(en, DEFAULT_TEMPLATE)).toBe(DEFAULT_TEMPLATE);
    expect(templateIn(es, 'Back {next}.')).toBe('Back {next}.');
  });

  it('is the settings document’s default', () => {
    expect(defaultSettings().afterHoursMessage).toBe(DEFAULT_TEMPLATE);
  });
});
