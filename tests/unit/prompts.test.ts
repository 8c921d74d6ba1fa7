import { describe, expect, it } from 'vitest';
import { decide } from '../../utils/policy';
import { AREAS, choosePrompt, MOMENTS, momentFor, ownPrompts, PROMPTS, promptKey, promptText, type Moment, type PromptChoice } from '../../utils/prompts';
import english from '../../locales/en/messages.json';
import spanish from '../../locales/es/messages.json';
import french from '../../locales/fr/messages.json';
import { translator } from '../../utils/i18n';
import { parseSettings, type Settings } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';
import { en } from './english';

const choice = (over: Partial<PromptChoice> = {}): PromptChoice => ({ moment: 'afterHours', date: '2026-03-04', areas: {}, own: [], shown: [], ...over });

describe('the prompt library', () => {
  it('holds at least 40 short prompts with unique ids and texts', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PROMPTS.map((p) => p.id)).size).toBe(PROMPTS.length);
    for (const catalogue of [english, spanish, french]) {
      const say = translator(catalogue);
      const texts = PROMPTS.map((p) => promptText(say, p));
      expect(new Set(texts).size).toBe(PROMPTS.length);
      for (const [i, text] of texts.entries()) expect(text.length, PROMPTS[i]?.id).toBeLessThanOrEqual(150);
      // Each built-in is a message of its own, not a key read as itself.
      for (const p of PROMPTS) expect(Object.keys(catalogue)).toContain(promptKey(p));
    }
  });

  it.each(AREAS)('covers the area %s with prompts for several moments', (area) => {
    const moments = new Set(PROMPTS.filter((p) => p.area === area).flatMap((p) => p.moments));
    expect(moments.size).toBeGreaterThanOrEqual(5);
  });

  it.each(MOMENTS)('has at least 8 prompts for the moment %s, from at least 4 areas', (moment) => {
    const suited = PROMPTS.filter((p) => p.moments.includes(moment));
    expect(suited.length).toBeGreaterThanOrEqual(8);
    expect(new Set(suited.map((p) => p.area)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('choosePrompt', () => {
  it('picks a prompt for the moment, the same one for the same inputs', () => {
    const first = choosePrompt(choice({ moment: 'morning' }));
    expect(first?.moments).toContain('morning');
    expect(choosePrompt(choice({ moment: 'morning' }))).toEqual(first);
  });

  it('never repeats within a day until every prompt has been shown', () => {
    const shown: string[] = [];
    for (let i = 0; i < PROMPTS.length; i++) {
      const moment = MOMENTS[i % MOMENTS.length] as Moment;
      const prompt = choosePrompt(choice({ moment, shown }));
      if (!prompt) throw new Error('no prompt');
      expect(shown).not.toContain(prompt.id);
      shown.push(prompt.id);
    }
    expect(new Set(shown).size).toBe(PROMPTS.length);
    // All used up: the oldest one shown for the moment comes back rather than nothing.
    const again = choosePrompt(choice({ moment: 'dayOff', shown }));
    expect(again?.id).toBe(shown.find((id) => PROMPTS.find((p) => p.id === id)?.moments.includes('dayOff')));
  });

  it('leaves out the areas switched off', () => {
    const areas = { boundaries: false, basics: false, tech: false, timeOff: false, support: true };
    const shown: string[] = [];
    for (let i = 0; i < 6; i++) {
      const prompt = choosePrompt(choice({ areas, shown }));
      expect(prompt?.area).toBe('support');
      shown.push(prompt?.id ?? '');
    }
  });

  it("shows the clinician's own prompts, at any moment, and nothing when all areas are off and none are their own", () => {
    const areas = { boundaries: false, basics: false, tech: false, timeOff: false, support: false };
    expect(choosePrompt(choice({ areas, own: ['  Call Mum on Sundays. '] }))?.text).toBe('Call Mum on Sundays.');
    expect(choosePrompt(choice({ areas, moment: 'break', own: ['Call Mum on Sundays.'] }))?.area).toBe('own');
    expect(choosePrompt(choice({ areas }))).toBeNull();
  });

  it('gives own prompts ids that stay the same while their text does', () => {
    expect(ownPrompts(['Walk the dog'])[0]?.id).toBe(ownPrompts(['Walk the dog'])[0]?.id);
    expect(ownPrompts(['Walk the dog'])[0]?.id).not.toBe(ownPrompts(['Walk the cat'])[0]?.id);
  });
});

describe('momentFor', () => {
  const ZONE = 'Europe/Lisbon';
  const settings = (() => {
    const result = parseSettings(en, {
      format: 'clocked-out/settings',
      version: 1,
      timeZone: ZONE,
      windDownMinutes: 0,
      week: {
        mon: [
          ['09:00', '12:30'],
          ['13:30', '17:00'],
        ],
        tue: [['09:00', '17:00']],
      },
      timeOff: [{ from: '2026-03-04', to: '2026-03-04' }],
    });
    if (!result.ok) throw new Error(result.errors.join('; '));
    return result.settings as Settings;
  })();
  // Monday 2026-03-02; Wednesday 03-04 is a day off.
  const at = (date: string, time: string) => toInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), ZONE);

  it.each([
    ['the first hours of work', '2026-03-02', '09:30', false, 'morning'],
    ['a break inside the day', '2026-03-02', '13:00', false, 'break'],
    ['the middle of the afternoon', '2026-03-03', '13:00', false, 'break'],
    ['the last hour', '2026-03-02', '16:15', false, 'lastHour'],
    ['the evening', '2026-03-02', '20:00', false, 'afterHours'],
    ['the evening after a heavy week', '2026-03-02', '20:00', true, 'heavyWeek'],
    ['a day off', '2026-03-04', '11:00', true, 'dayOff'],
  ] as const)('%s is %s', (_name, date, time, heavy, moment) => {
    const now = at(date, time);
    expect(momentFor(decide(settings, now, ZONE), now, heavy)).toBe(moment);
  });
});
