import { describe, expect, it } from 'vitest';
import { createRulesEffect, type DnrApi } from '@/entrypoints/background/rules';
import { decide } from '@/utils/policy';
import { droppedNotice, fitRules, nameList } from '@/utils/rule-budget';
import { buildRules, type DnrRule } from '@/utils/rules';
import { parseSettings } from '@/utils/settings';
import { enabledSites } from '@/utils/sites';
import { en } from './english';

const BLOCKED = 'chrome-extension://abc/blocked.html';

describe('fitRules', () => {
  const yes = async () => true;

  it('keeps sites in order while they fit, dropping the rest whole', async () => {
    const entries = [
      { site: 'a', regexes: ['a1', 'a2'] },
      { site: 'b', regexes: ['b1', 'b2'] },
      { site: 'c', regexes: ['c1'] },
    ];
    expect(await fitRules(entries, yes, 3)).toEqual({ kept: ['a', 'c'], dropped: [{ site: 'b', reason: 'limit' }] });
    expect(await fitRules(entries, yes, 5)).toEqual({ kept: ['a', 'b', 'c'], dropped: [] });
  });

  it('drops a site whose regex the engine refuses, without counting it', async () => {
    const entries = [
      { site: 'long', regexes: ['x'.repeat(300)] },
      { site: 'a', regexes: ['a'] },
    ];
    const supported = async (regex: string) => regex.length < 100;
    expect(await fitRules(entries, supported, 1)).toEqual({ kept: ['a'], dropped: [{ site: 'long', reason: 'unsupported' }] });
  });

  it('asks once per distinct regex, and takes a failing answer as refused', async () => {
    const asked: string[] = [];
    const isSupported = async (regex: string) => {
      asked.push(regex);
      if (regex === 'bad') throw new Error('no');
      return true;
    };
    const result = await fitRules(
      [
        { site: 1, regexes: ['r'] },
        { site: 2, regexes: ['r'] },
        { site: 3, regexes: ['bad'] },
      ],
      isSupported,
      10,
    );
    expect(asked).toEqual(['r', 'bad']);
    expect(result.dropped).toEqual([{ site: 3, reason: 'unsupported' }]);
  });
});

describe('droppedNotice', () => {
  it('names the sites by reason', () => {
    expect(droppedNotice(en, [], 1000)).toBeNull();
    expect(
      droppedNotice(
        en,
        [
          { name: 'long.example', reason: 'unsupported' },
          { name: 'a.example', reason: 'limit' },
          { name: 'b.example', reason: 'limit' },
        ],
        1000,
      ),
    ).toBe(
      "Could not guard long.example: the browser's blocking rules cannot take this address (too long or too complex). " +
        "Could not guard a.example and b.example: too many sites for the browser's limit of 1000 blocking rules; remove some of your own sites.",
    );
  });

  it('keeps a long list readable', () => {
    expect(
      nameList(
        en,
        Array.from({ length: 12 }, (_, i) => `s${i}`),
      ),
    ).toBe('s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 and 2 more');
  });
});

/**
 * declarativeNetRequest as far as the effect uses it, refusing what Chrome refuses: a regex its
 * engine cannot take, more regex rules than its limit for the dynamic and session rules together.
 */
function fakeDnr(limit: number, isSupported = (regex: string) => regex.length < 200): DnrApi & { rules: DnrRule[]; session: DnrRule[] } {
  const update =
    (set: 'rules' | 'session') =>
    async ({ removeRuleIds, addRules }: { removeRuleIds: number[]; addRules: DnrRule[] }) => {
      const next = [...dnr[set].filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      if (next.length + dnr[set === 'rules' ? 'session' : 'rules'].length > limit) throw new Error('Dynamic rule count for regex rules exceeded.');
      if (addRules.some((r) => !isSupported(r.condition.regexFilter))) throw new Error('Rule with id 1 specified a more complex regex than allowed');
      dnr[set] = next;
    };
  const dnr = {
    rules: [] as DnrRule[],
    session: [] as DnrRule[],
    MAX_NUMBER_OF_REGEX_RULES: limit,
    MAX_NUMBER_OF_DYNAMIC_RULES: 30000,
    getDynamicRules: async () => dnr.rules,
    getSessionRules: async () => dnr.session,
    isRegexSupported: async ({ regex }: { regex: string }) => ({ isSupported: isSupported(regex), reason: 'memoryLimitExceeded' }),
    updateDynamicRules: update('rules'),
    updateSessionRules: update('session'),
  };
  return dnr;
}

const hoursWith = (week: Record<string, unknown>, custom: string[]) => {
  const parsed = parseSettings(en, {
    format: 'clocked-out/settings',
    version: 1,
    timeZone: 'UTC',
    week,
    sites: { custom: custom.map((host) => ({ host, category: 'ehr' })) },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  const sites = enabledSites(parsed.settings);
  const decision = decide(parsed.settings, Date.UTC(2026, 0, 5, 12), 'UTC');
  return {
    decision,
    sites,
    context: { settings: parsed.settings },
    apply: (effect: ReturnType<typeof createRulesEffect>) => effect(decision, sites, { settings: parsed.settings }),
  };
};
const offHours = (custom: string[]) => hoursWith({}, custom);
// 5 January 2026 is a Monday; noon is within these hours.
const workHours = (custom: string[]) => hoursWith({ mon: [['09:00', '17:00']] }, custom);
const hostsIn = (rules: DnrRule[]) => rules.map((r) => r.condition.regexFilter);

describe('createRulesEffect', () => {
  it("replaces yesterday's rules with those that fit and names the sites left out", async () => {
    const first = offHours(['old.example.org']);
    const catalogueRules = buildRules(
      first.sites.filter((s) => !s.id.startsWith('custom:')),
      first.decision.siteActions,
      BLOCKED,
    ).length;
    // Room for the catalogue and two sites of one host each, with an opening for each rule.
    const limit = 2 * (catalogueRules + 2);
    const dnr = fakeDnr(limit);
    const effect = createRulesEffect(dnr, BLOCKED);
    await first.apply(effect);
    expect(dnr.rules).toHaveLength(catalogueRules + 1);

    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.org`;
    const next = offHours(['one.example.org', long, 'two.example.org', 'three.example.org']);
    await expect(next.apply(effect)).rejects.toThrow(
      `Could not guard ${long}: the browser's blocking rules cannot take this address (too long or too complex). Could not guard three.example.org: too many sites for the browser's limit of ${limit} blocking rules; remove some of your own sites.`,
    );
    const regexes = hostsIn(dnr.rules).join(' ');
    expect(regexes).not.toContain('old');
    expect(regexes).toContain('one\\.example');
    expect(regexes).toContain('two\\.example');
    expect(regexes).not.toContain('three');
    expect(dnr.rules).toHaveLength(catalogueRules + 2);
    expect(effect.dropped()).toEqual([`custom:${long}`, 'custom:three.example.org']);
    // Nothing changed: the rules stay, and so does the report.
    await expect(next.apply(effect)).rejects.toThrow(/three\.example\.org/);
    // Clocking in, every kept site is opened within the same limit.
    await expect(workHours(['one.example.org', long, 'two.example.org', 'three.example.org']).apply(effect)).rejects.toThrow(/three\.example\.org/);
    expect(hostsIn(dnr.session).join(' ')).toContain('two\\.example');
    expect(hostsIn(dnr.session)).toEqual(hostsIn(dnr.rules).filter((_, i) => dnr.rules[i]!.action.type === 'redirect'));
  });

  it('keeps the closed state in the dynamic rules and opens the sites in the session rules', async () => {
    const dnr = fakeDnr(1000);
    const effect = createRulesEffect(dnr, BLOCKED);
    const off = offHours(['a.example.org']);
    await off.apply(effect);
    const closed = structuredClone(dnr.rules);
    expect(closed.some((r) => r.action.type === 'redirect' && r.condition.regexFilter.includes('a\\.example'))).toBe(true);
    expect(dnr.session).toEqual([]);

    await workHours(['a.example.org']).apply(effect);
    // Clocked in, the closed set is untouched: a browser that starts again before the worker wakes is closed.
    expect(dnr.rules).toEqual(closed);
    const redirects = closed.filter((r) => r.action.type === 'redirect');
    expect(dnr.session.map((r) => [r.condition.regexFilter, r.priority, r.action.type])).toEqual(
      redirects.map((r) => [r.condition.regexFilter, r.priority, 'allow']),
    );

    await off.apply(effect);
    expect(dnr.session).toEqual([]);
    expect(dnr.rules).toEqual(closed);
  });

  it('clears the old rules and adds rule by rule when the browser refuses the set for a reason not foreseen', async () => {
    const first = offHours(['old.example.org']);
    const dnr = fakeDnr(10_000);
    const effect = createRulesEffect(dnr, BLOCKED);
    await first.apply(effect);
    // The engine says yes but refuses the rule when it is added.
    const lying = fakeDnr(10_000, (regex) => !regex.includes('refused'));
    lying.rules = dnr.rules;
    delete (lying as Partial<DnrApi>).isRegexSupported;
    const next = offHours(['refused.example.org', 'fine.example.org']);
    const again = createRulesEffect(lying, BLOCKED);
    await expect(next.apply(again)).rejects.toThrow(/Could not guard refused\.example\.org:/);
    const regexes = hostsIn(lying.rules).join(' ');
    expect(regexes).not.toContain('old');
    expect(regexes).toContain('fine\\.example');
    expect(again.dropped()).toEqual(['custom:refused.example.org']);
  });

  it('says nothing when everything fits', async () => {
    const off = offHours(['a.example.org', 'b.example.org']);
    const dnr = fakeDnr(1000);
    const effect = createRulesEffect(dnr, BLOCKED);
    await off.apply(effect);
    expect(effect.dropped()).toEqual([]);
    expect(dnr.rules.length).toBe(buildRules(off.sites, off.decision.siteActions, BLOCKED).length);
  });
});
