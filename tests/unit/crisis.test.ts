// The crisis exception as one pure flow: its steps, durations, choices and every line it says.
import { describe, expect, it } from 'vitest';
import { CLOCK_24H } from './clocks';
import {
  choose,
  CRISIS_STEPS,
  crisisView,
  initialChoice,
  limitLine,
  minuteChoices,
  ordinal,
  scopeFromKey,
  scopeGroups,
  scopeOptions,
  scopeWords,
  weekCount,
  type CrisisInput,
} from '../../utils/crisis';
import { enabledSites } from '../../utils/sites';
import { CATEGORIES } from '../../utils/types';
import { HOUR, MINUTE } from '../../utils/zoned-time';
import { at, settingsWith, ZONE } from './popup-fixtures';
import { en } from './english';

const sites = enabledSites(settingsWith());
const NOW = at('2026-11-30 20:00');
const input = (more: Partial<CrisisInput> = {}): CrisisInput => ({
  sites,
  currentSiteId: 'simplepractice',
  defaultMinutes: 30,
  week: { used: 1, limit: 5 },
  clock: CLOCK_24H,
  now: NOW,
  timeZone: ZONE,
  ...more,
});
const view = (more: Partial<CrisisInput> = {}) => crisisView(en, input(more), initialChoice(input(more)));

describe('the steps', () => {
  it('are what opens, for how long, then one confirmation', () => {
    expect(CRISIS_STEPS).toEqual(['scope', 'minutes', 'confirm']);
    expect(view().choices.map((c) => [c.step, c.legend])).toEqual([
      ['scope', 'What should open?'],
      ['minutes', 'For how long?'],
    ]);
  });

  it('starts on this site for the default minutes, and says so before confirming', () => {
    const v = view();
    expect(v.opener).toBe('Crisis exception…');
    expect(v.title).toBe('Crisis exception');
    expect(v.choices.map((c) => c.value)).toEqual(['site:simplepractice', '30']);
    expect(v.question).toBe('Open SimplePractice until 20:30 (30 minutes)?');
    expect(v.note).toBe('It counts as after-hours work and closes by itself.');
    expect(v.confirm).toBe('Yes, open until 20:30');
    expect(v.cancel).toBe('Cancel');
    expect(v.request).toEqual({ type: 'startException', scope: { type: 'site', siteId: 'simplepractice' }, minutes: 30 });
  });

  it('follows each choice into the question and the request', () => {
    const i = input();
    let choice = choose(en, i, initialChoice(i), 'scope', 'all');
    choice = choose(en, i, choice, 'minutes', '60');
    const v = crisisView(en, i, choice);
    expect(v.question).toBe('Open all work sites until 21:00 (60 minutes)?');
    expect(v.confirm).toBe('Yes, open until 21:00');
    expect(v.request).toEqual({ type: 'startException', scope: { type: 'all' }, minutes: 60 });
  });

  it('ignores an answer that is not on offer', () => {
    const i = input();
    const start = initialChoice(i);
    expect(choose(en, i, start, 'scope', 'site:jane')).toBe(start);
    expect(choose(en, i, start, 'scope', 'category:ehr')).toBe(start);
    expect(choose(en, i, start, 'minutes', '45')).toBe(start);
    expect(choose(en, i, start, 'minutes', 'NaN')).toBe(start);
  });

  it('says "until tomorrow" past midnight', () => {
    expect(view({ now: at('2026-11-30 23:50') }).question).toBe('Open SimplePractice until tomorrow 00:20 (30 minutes)?');
  });

  it('offers another one while one runs', () => {
    expect(view({ another: true }).opener).toBe('Start another crisis exception…');
  });

  it('leaves out the choice of what opens when there is only one site', () => {
    const one = sites.filter((s) => s.id === 'simplepractice');
    expect(view({ sites: one }).choices.map((c) => c.step)).toEqual(['minutes']);
    expect(view({ sites: one }).request.scope).toEqual({ type: 'site', siteId: 'simplepractice' });
  });
});

describe('the durations', () => {
  it('are 15, 30 and 60 minutes, with the default from settings among them', () => {
    expect(minuteChoices(30)).toEqual([15, 30, 60]);
    expect(minuteChoices(45)).toEqual([15, 30, 45, 60]);
    expect(minuteChoices(120)).toEqual([15, 30, 60, 120]);
    const minutes = view({ defaultMinutes: 45 }).choices.find((c) => c.step === 'minutes');
    expect(minutes?.options.map((o) => o.label)).toEqual(['15 min', '30 min', '45 min', '60 min']);
    expect(minutes?.value).toBe('45');
  });
});

describe('what can open', () => {
  it('is this site or all work sites where there is a site', () => {
    expect(scopeOptions(en, sites, 'simplepractice')).toEqual([
      { value: 'site:simplepractice', label: 'Only SimplePractice' },
      { value: 'all', label: 'All work sites' },
    ]);
  });

  it("is this site only in a work page's own overlay, which may ask for nothing more", () => {
    expect(scopeOptions(en, sites, 'simplepractice', true)).toEqual([{ value: 'site:simplepractice', label: 'Only SimplePractice' }]);
    const own = view({ currentSiteId: 'simplepractice', ownSiteOnly: true });
    expect(own.choices.map((c) => c.step)).toEqual(['minutes']);
    expect(own.request.scope).toEqual({ type: 'site', siteId: 'simplepractice' });
  });

  it('is all work sites first, then each category and site, from a tab that is no work site', () => {
    const options = scopeOptions(en, sites, null);
    expect(options[0]).toEqual({ value: 'all', label: 'All work sites' });
    expect(options).toContainEqual({ value: 'category:ehr', label: 'All EHRs', group: 'EHRs' });
    expect(options).toContainEqual({ value: 'site:jane', label: 'Jane', group: 'EHRs' });
    expect(view({ currentSiteId: null }).question).toBe('Open all work sites until 20:30 (30 minutes)?');
    // A site id that is not enabled counts as no site.
    expect(scopeOptions(en, sites, 'custom:nowhere.example')[0]?.value).toBe('all');
  });

  it('groups the enabled sites by category, sites by name', () => {
    const groups = scopeGroups(en, sites);
    expect(groups.map((g) => g.label)).toEqual(['EHRs', 'Practice management and billing', 'Telehealth', 'Email and messaging']);
    expect(groups[0]?.sites.map((s) => s.name)).toContain('SimplePractice');
  });

  it.each([
    ['all', 'all work sites'],
    ['category:telehealth', 'all telehealth'],
    ['site:simplepractice', 'SimplePractice'],
  ])('%s is "%s"', (key, words) => {
    const scope = scopeFromKey(key, sites);
    expect(scope && scopeWords(en, scope, sites)).toBe(words);
  });

  it('refuses keys naming nothing known', () => {
    expect(scopeFromKey('site:nowhere', sites)).toBeNull();
    expect(scopeFromKey('category:gossip', sites)).toBeNull();
  });

  it('names every category in the one list of names', () => {
    for (const c of CATEGORIES) expect([en(`cat_${c}`), en(`catName_${c}`), en(`all_${c}`)].every((w) => w && !w.includes('_'))).toBe(true);
  });
});

describe('the weekly limit, said before confirming', () => {
  it.each([
    [0, 5, 'This will be your 1st crisis exception this week. Your weekly limit is 5.', false],
    [1, 5, 'This will be your 2nd crisis exception this week. Your weekly limit is 5.', false],
    [4, 5, 'This will be your 5th crisis exception this week — the last one within your weekly limit of 5.', false],
    [
      2,
      2,
      'This will be your 3rd crisis exception this week. Your weekly limit is 2, so this one goes over it. It still opens: your client comes first.',
      true,
    ],
    [
      6,
      2,
      'This will be your 7th crisis exception this week. Your weekly limit is 2, so this one goes over it. It still opens: your client comes first.',
      true,
    ],
    [
      0,
      0,
      'This will be your 1st crisis exception this week. Your weekly limit is 0, so this one goes over it. It still opens: your client comes first.',
      true,
    ],
  ])('%i used of %i', (used, limit, text, over) => {
    expect(limitLine(en, { used, limit })).toEqual({ text, over });
    expect(view({ week: { used, limit } }).limit).toEqual({ text, over });
  });

  it('is left out while the count is not known, and the exception still starts', () => {
    const v = view({ week: null });
    expect(v.limit).toBeNull();
    expect(v.request.minutes).toBe(30);
  });

  it('never blames: no "failure", no "should"', () => {
    for (const used of [0, 4, 5, 9]) expect(limitLine(en, { used, limit: 5 }).text).not.toMatch(/fail|should|too many|again\?/i);
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [101, '101st'],
    [111, '111th'],
  ])('%i is %s', (n, words) => {
    expect(ordinal(en, n)).toBe(words);
  });
});

describe("the week's count from the snapshot", () => {
  const week = { from: at('2026-11-30 00:00'), to: at('2026-12-07 00:00'), used: 3, limit: 2 };
  it('stands within the week, starts again at zero after it, and is not known without one', () => {
    expect(weekCount(week, NOW)).toEqual({ used: 3, limit: 2 });
    expect(weekCount(week, week.to)).toEqual({ used: 0, limit: 2 });
    expect(weekCount(week, week.from - HOUR)).toBeNull();
    expect(weekCount(undefined, NOW)).toBeNull();
    expect(weekCount(null, NOW + MINUTE)).toBeNull();
  });
});
