import { describe, expect, it } from 'vitest';
import { CLOCK_24H } from './clocks';
import { applyManaged } from '../../utils/managed';
import { parseSettings, type Settings } from '../../utils/settings';
import { draftToWrite } from '../../utils/setup-draft';
import { actionSentence, closingWords, crisisLine, tonight } from '../../utils/tonight';
import { CATALOGUE } from '../../utils/catalogue';
import { toInstant } from '../../utils/zoned-time';
import { en } from './english';

const ZONE = 'America/New_York';
const at = (local: string, zone = ZONE) => toInstant(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), zone);

/** Every catalogue site off but those named, so the sentences stay short. */
const only = (...ids: string[]) => Object.fromEntries(CATALOGUE.map((entry) => [entry.id, ids.includes(entry.id)]));

function settingsWith(doc: object): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, timeZone: ZONE, ...doc });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

const monThu = (ranges: [string, string][]) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: [], sat: [], sun: [] });

// Wednesday 2026-01-07.
describe('tonight', () => {
  it('says when the tools close, which close and which dim, until when', () => {
    const settings = settingsWith({ week: monThu([['09:00', '17:00']]), sites: { catalogue: only('simplepractice', 'therapynotes', 'gmail') } });
    const result = tonight(en, settings, at('2026-01-07 10:00'), ZONE, CLOCK_24H);
    expect(result.text).toBe('Tonight at 17:00 SimplePractice and TherapyNotes close until tomorrow 09:00; Gmail dims.');
    expect(result.at).toBe(at('2026-01-07 17:00'));
    expect(result.until).toBe(at('2026-01-08 09:00'));
    expect(result).toMatchObject({ block: ['SimplePractice', 'TherapyNotes'], dim: ['Gmail'], allow: [] });
  });

  it('runs over a four-day week: Thursday evening opens again on Monday', () => {
    const settings = settingsWith({
      week: monThu([
        ['09:00', '17:00'],
        ['17:30', '20:00'],
      ]),
      actions: { email: 'allow' },
      sites: { catalogue: only('therapynotes', 'doxy', 'hushmail', 'spruce') },
    });
    expect(tonight(en, settings, at('2026-01-08 11:00'), ZONE, CLOCK_24H).text).toBe(
      'Tonight at 20:00 TherapyNotes closes until Mon 09:00; Doxy.me dims; Spruce and Hushmail stay open.',
    );
  });

  it('skips a break: the evening is after the last range, not the gap at lunch', () => {
    const settings = settingsWith({
      week: monThu([
        ['09:00', '12:30'],
        ['13:30', '17:00'],
      ]),
      sites: { catalogue: only('jane') },
    });
    expect(tonight(en, settings, at('2026-01-07 12:45'), ZONE, CLOCK_24H).text).toBe('Tonight at 17:00 Jane closes until tomorrow 09:00.');
  });

  it('speaks in the present when it is after hours already', () => {
    const settings = settingsWith({ week: monThu([['09:00', '17:00']]), sites: { catalogue: only('simplepractice', 'doxy', 'zoom') } });
    expect(tonight(en, settings, at('2026-01-07 21:00'), ZONE, CLOCK_24H).text).toBe(
      'It is after hours now: SimplePractice is closed until tomorrow 09:00; Doxy.me and Zoom are dimmed.',
    );
  });

  it('names a few sites and counts the rest', () => {
    const text = tonight(en, settingsWith({ week: monThu([['09:00', '17:00']]) }), at('2026-01-07 10:00'), ZONE, CLOCK_24H).text;
    expect(text).toMatch(
      /^Tonight at 17:00 SimplePractice, TherapyNotes, TheraNest \(Ensora\) and \d+ more close until tomorrow 09:00; SimplePractice Telehealth, Doxy\.me, Jane video and \d+ more dim\.$/,
    );
  });

  it('an overnight shift closes the next morning; a day ending at midnight closes "tonight at midnight"', () => {
    const sites = { catalogue: only('athena') };
    const night = settingsWith({ week: { mon: [], tue: [], wed: [['22:00', '07:00']], thu: [['22:00', '07:00']], fri: [], sat: [], sun: [] }, sites });
    expect(tonight(en, night, at('2026-01-07 23:00'), ZONE, CLOCK_24H).text).toBe('Tomorrow at 07:00 athenaOne closes until tomorrow 22:00.');
    const late = settingsWith({ week: monThu([['16:00', '24:00']]), sites });
    expect(tonight(en, late, at('2026-01-07 18:00'), ZONE, CLOCK_24H).text).toBe('Tonight at midnight athenaOne closes until tomorrow 16:00.');
  });

  it('says so when nothing closes: everything left open, no tools, hours around the clock', () => {
    const open = settingsWith({ week: monThu([['09:00', '17:00']]), actions: { ehr: 'allow', practice: 'allow', telehealth: 'allow', email: 'allow' } });
    expect(tonight(en, open, at('2026-01-07 10:00'), ZONE, CLOCK_24H).text).toBe(
      'Tonight at 17:00 your work hours end; you left every work tool open, so nothing closes.',
    );
    const none = settingsWith({ week: monThu([['09:00', '17:00']]), sites: { catalogue: only() } });
    expect(tonight(en, none, at('2026-01-07 10:00'), ZONE, CLOCK_24H).text).toBe(
      'Tonight at 17:00 your work hours end, but you have chosen no work tools, so nothing closes.',
    );
    const always = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
    const result = tonight(en, settingsWith({ week: always }), at('2026-01-07 10:00'), ZONE, CLOCK_24H);
    expect(result.text).toBe('Your hours run around the clock for weeks ahead, so nothing closes.');
    expect(result.at).toBeNull();
  });

  it('without any work hours ahead, says the tools stay closed', () => {
    const settings = settingsWith({ week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, sites: { catalogue: only('kareo') } });
    expect(tonight(en, settings, at('2026-01-07 10:00'), ZONE, CLOCK_24H).text).toBe(
      'It is after hours now: Kareo / Tebra is closed, with no work hours ahead.',
    );
  });

  it('a custom site keeps its own action', () => {
    const settings = settingsWith({
      week: monThu([['09:00', '17:00']]),
      sites: { catalogue: only('simplepractice'), custom: [{ host: 'ehr.example-clinic.org', category: 'ehr', action: 'dim' }] },
    });
    expect(tonight(en, settings, at('2026-01-07 10:00'), ZONE, CLOCK_24H).text).toBe(
      'Tonight at 17:00 SimplePractice closes until tomorrow 09:00; ehr.example-clinic.org dims.',
    );
  });

  it('reads the wall clock of the zone it is given', () => {
    const settings = settingsWith({ timeZone: 'Europe/Berlin', week: monThu([['09:00', '17:00']]), sites: { catalogue: only('owl') } });
    expect(tonight(en, settings, Date.parse('2026-01-07T09:00:00Z'), 'Europe/Berlin', CLOCK_24H).text).toBe(
      'Tonight at 17:00 Owl Practice closes until tomorrow 09:00.',
    );
  });
});

describe('closingWords', () => {
  it.each([
    ['2026-01-07 17:00', 'Tonight at 17:00'],
    ['2026-01-07 12:30', 'Today at 12:30'],
    ['2026-01-08 00:00', 'Tonight at midnight'],
    ['2026-01-08 02:00', 'Tomorrow at 02:00'],
    ['2026-01-09 17:00', 'On Fri at 17:00'],
    ['2026-01-15 17:00', 'On Thu 15 Jan at 17:00'],
  ])('%s reads "%s"', (instant, words) => {
    expect(closingWords(en, at(instant), at('2026-01-07 10:00'), ZONE, CLOCK_24H)).toBe(words);
  });
});

describe('the other lines of the last step', () => {
  it('one sentence per action, naming the category', () => {
    expect(actionSentence(en, 'ehr', 'block')).toBe(
      'After hours your EHRs do not load: you see a calm page saying when they open again, and a tab left open is covered, with what you typed kept underneath.',
    );
    expect(actionSentence(en, 'telehealth', 'dim')).toBe('After hours telehealth sites stay usable but grey, with a small bar saying it is after hours.');
    expect(actionSentence(en, 'email', 'allow')).toBe('Clocked Out leaves email and messaging sites alone, at any hour.');
  });

  it('the crisis exception in one line, with the default length', () => {
    expect(crisisLine(en, settingsWith({ exceptions: { defaultMinutes: 45 } }))).toContain('for 45 minutes, and it closes again by itself');
  });
});

describe('draftToWrite', () => {
  const own = settingsWith({ week: monThu([['10:00', '16:00']]), actions: { email: 'allow' }, sites: { catalogue: { zoom: true } } });

  it('writes the draft whole when the practice sets nothing', () => {
    const draft = settingsWith({ week: monThu([['08:00', '12:00']]) });
    expect(draftToWrite(own, draft, [])).toEqual(draft);
  });

  it("keeps the clinician's own value under each field the practice sets", () => {
    const policy = { week: monThu([['09:00', '17:00']]), actions: { ehr: 'dim' }, sites: { catalogue: { gmail: true } } };
    const { settings: inForce, locked } = applyManaged(en, own, policy);
    const draft: Settings = {
      ...inForce,
      timeZone: 'Europe/Paris',
      actions: { ...inForce.actions, practice: 'dim' },
      sites: { ...inForce.sites, catalogue: { ...inForce.sites.catalogue, doxy: false } },
    };
    const written = draftToWrite(own, draft, locked);
    expect(written.week).toEqual(own.week);
    expect(written.actions).toEqual({ ...own.actions, practice: 'dim' });
    // The practice switched Gmail on; the clinician had said nothing about it, and still has not.
    expect(written.sites.catalogue).toEqual({ zoom: true, doxy: false });
    expect(written.timeZone).toBe('Europe/Paris');
    expect(parseSettings(en, written).ok).toBe(true);
    // And read back under the policy, what is in force is the draft.
    expect(applyManaged(en, written, policy).settings).toEqual(draft);
  });
});
