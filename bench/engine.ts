/**
 * How fast decide() is. Run: `node bench/engine.ts` (Node ≥ 22.18 strips the types itself).
 */
import { readFileSync } from 'node:fs';
import './resolve-ts.ts';

const { decide } = await import('../utils/policy.ts');
const { parseSettings } = await import('../utils/settings/index.ts');
const { translator } = await import('../utils/i18n.ts');
// The engine's words in English, as the unit tests read them (docs/ARCHITECTURE.md, "Languages").
const english = translator(JSON.parse(readFileSync(new URL('../locales/en/messages.json', import.meta.url), 'utf8')));

function settingsFrom(doc: object) {
  const parsed = parseSettings(english, { format: 'clocked-out/settings', version: 1, ...doc });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.settings;
}

// The example document of README "The settings document" (the frozen version 1 fixture the unit
// tests read too), and a week of night shifts with time off.
const designExample = settingsFrom(JSON.parse(readFileSync(new URL('../tests/fixtures/settings/v1.json', import.meta.url), 'utf8')) as object);
const nightShifts = settingsFrom({
  week: {
    mon: [['22:00', '06:00']],
    tue: [
      ['08:00', '12:00'],
      ['22:00', '06:00'],
    ],
    wed: [],
    thu: [['18:00', '02:00']],
    fri: [['22:00', '02:00']],
    sat: [['10:00', '10:00']],
    sun: [['20:00', '24:00']],
  },
  timeOff: [
    { from: '2026-03-02', to: '2026-03-06' },
    { from: '2026-07-13', to: '2026-07-31' },
    { from: '2026-11-11', to: '2026-11-11' },
  ],
});

const zones = ['America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
const YEAR_START = Date.UTC(2026, 0, 1);
const STEP = 7 * 60_000 + 13_000; // an odd step, so instants land all over the day and the year
const COUNT = 100_000;

function run(label: string, settings: ReturnType<typeof settingsFrom>, timeZone: string, fresh: boolean) {
  // `fresh` copies the settings for every call, as a worker reading them back from storage does,
  // so nothing cached per settings object helps.
  const count = fresh ? COUNT / 10 : COUNT;
  const copies = fresh ? Array.from({ length: count }, () => structuredClone(settings)) : [];
  const started = performance.now();
  for (let i = 0; i < count; i++) decide(copies[i] ?? settings, YEAR_START + i * STEP * (fresh ? 10 : 1), timeZone);
  const ms = performance.now() - started;
  const perSecond = Math.round((count / ms) * 1000).toLocaleString('en-US');
  console.log(
    `${label.padEnd(14)} ${timeZone.padEnd(20)} ${fresh ? 'fresh' : 'same '}  ${perSecond.padStart(10)} decisions/s  ${((ms * 1000) / count).toFixed(2).padStart(7)} µs/decide`,
  );
}

// The first decision in a process also pays for loading Intl's zone data; the first in each zone
// for its formatter and the offsets of the days around now (here a New York DST day).
for (const [i, timeZone] of zones.entries()) {
  const started = performance.now();
  decide(structuredClone(designExample), Date.UTC(2026, 2, 8, 12), timeZone);
  const what = i === 0 ? 'first decide() in the process' : 'first decide() in a new zone';
  console.log(`${what.padEnd(30)} ${timeZone.padEnd(20)} ${((performance.now() - started) * 1000).toFixed(0).padStart(6)} µs`);
}

for (const timeZone of zones) {
  run('design example', designExample, timeZone, false);
  run('design example', designExample, timeZone, true);
  run('night shifts', nightShifts, timeZone, false);
  run('night shifts', nightShifts, timeZone, true);
}
