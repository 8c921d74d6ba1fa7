import { describe, expect, it } from 'vitest';
import { createWindDownEffect } from '@/entrypoints/background/wind-down';
import { decide } from '@/utils/policy';
import { parseSettings, type Settings } from '@/utils/settings';
import { en } from './english';

const ZONE = 'Europe/London';
function settings(week: Record<string, [string, string][]>): Settings {
  const parsed = parseSettings(en, { format: 'clocked-out/settings', version: 1, timeZone: ZONE, week, windDownMinutes: 10 });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.settings;
}

function setup() {
  const shown: Array<{ title: string; message: string }> = [];
  let stored = 0;
  const effect = createWindDownEffect({ create: async (_id, options) => (shown.push({ title: options.title, message: options.message }), 'id') }, 'icon.png', {
    get: async () => stored,
    set: async (value) => void (stored = value),
  });
  return { effect, shown };
}

// Wednesday 2 December 2026, London (GMT).
const at = (time: string) => Date.parse(`2026-12-02T${time}:00Z`);

// Node's navigator, like the browser's, says en-US: the notice follows it unless the settings choose a clock.
describe('the wind-down notice', () => {
  it('says when the day ends and how long is left, once', async () => {
    const s = settings({ wed: [['09:00', '17:00']] });
    const { effect, shown } = setup();
    for (const now of [at('16:50'), at('16:53'), at('16:59')]) await effect(decide(s, now, ZONE), [], { now, timeZone: ZONE, settings: s });
    expect(shown).toEqual([{ title: 'Work day ends at 5:00 PM', message: '10 minutes to finish your notes.' }]);
  });

  it('calls the end of a morning a break when work resumes the same day', async () => {
    const s = settings({
      wed: [
        ['09:00', '12:30'],
        ['13:30', '17:00'],
      ],
    });
    const { effect, shown } = setup();
    await effect(decide(s, at('12:25'), ZONE), [], { now: at('12:25'), timeZone: ZONE, settings: s });
    expect(shown[0]?.title).toBe('Break starts at 12:30 PM');
  });

  it('writes the time in the clock the clinician chose', async () => {
    const s: Settings = { ...settings({ wed: [['09:00', '17:00']] }), clock: '24h' };
    const { effect, shown } = setup();
    await effect(decide(s, at('16:50'), ZONE), [], { now: at('16:50'), timeZone: ZONE, settings: s });
    expect(shown[0]?.title).toBe('Work day ends at 17:00');
  });

  it('says nothing earlier in the day', async () => {
    const s = settings({ wed: [['09:00', '17:00']] });
    const { effect, shown } = setup();
    await effect(decide(s, at('16:40'), ZONE), [], { now: at('16:40'), timeZone: ZONE, settings: s });
    expect(shown).toEqual([]);
  });
});
