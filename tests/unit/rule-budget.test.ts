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

/** declarativeNetRequest as far as the effect uses it, refusing what Chrome refuses. */
function fakeDnr(limit: number, isSupported = (regex: string) => regex.length < 200): DnrApi & { rules: DnrRule[] } {
  const dnr = {
    rules: [] as DnrRule[],
    MAX_NUMBER_OF_REGEX_RULES: limit,
    MAX_NUMBER_OF_DYNAMIC_RULES: 30000,
    getDynamicRules: async () => dnr.rules,
    isRegexSupported: async ({ regex }: { regex: string }) => ({ isSupported: isSupported(regex), reason: 'memoryLimitExceeded' }),
    updateDynamicRules: async ({ removeRuleIds, addRules }: { removeRuleIds: number[]; addRules: DnrRule[] }) => {
      const next = [...dnr.rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      if (next.length > limit) throw new Error('Dynamic rule count for regex rules exceeded.');
      if (addRules.some((r) => !isSupported(r.condition.regexFilter))) throw new Error('Rule with id 1 specified a more complex regex than allowed');
      dnr.rules = next;
    },
  };
  return dnr;
}

const offHours = (custom: string[]) => {
  const parsed = parseSettings(en, {
    format: 'clocked-out/settings',
    version: 1,
    timeZone: 'UTC',
    week: {},
    sites: { custom: custom.map((host) => ({ host, category: 'ehr' })) },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  const sites = enabledSites(parsed.settings);
  return { decision: decide(parsed.settings, Date.UTC(2026, 0, 5, 12), 'UTC'), sites };
};
const hostsIn = (rules: DnrRule[]) => rules.map((r) => r.condition.regexFilter);

describe('createRulesEffect', () => {
  it("replaces yesterday's rules with those that fit and names the sites left out", async () => {
    const { decision, sites } = offHours(['old.example.org']);
    const catalogueRules = buildRules(
      sites.filter((s) => !s.id.startsWith('custom:')),
      decision.siteActions,
      BLOCKED,
    ).length;
    const dnr = fakeDnr(catalogueRules + 2);
    const effect = createRulesEffect(dnr, BLOCKED);
    await effect(decision, sites);
    expect(dnr.rules).toHaveLength(catalogueRules + 1);

    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.org`;
    const next = offHours(['one.example.org', long, 'two.example.org', 'three.example.org']);
    await expect(effect(next.decision, next.sites)).rejects.toThrow(
      `Could not guard ${long}: the browser's blocking rules cannot take this address (too long or too complex). Could not guard three.example.org: too many sites for the browser's limit of ${catalogueRules + 2} blocking rules; remove some of your own sites.`,
    );
    const regexes = hostsIn(dnr.rules).join(' ');
    expect(regexes).not.toContain('old');
    expect(regexes).toContain('one\\.example');
    expect(regexes).toContain('two\\.example');
    expect(regexes).not.toContain('three');
    expect(dnr.rules).toHaveLength(catalogueRules + 2);
    expect(effect.dropped()).toEqual([`custom:${long}`, 'custom:three.example.org']);
    // Nothing changed: the rules stay, and so does the report.
    await expect(effect(next.decision, next.sites)).rejects.toThrow(/three\.example\.org/);
  });

  it('clears the old rules and adds rule by rule when the browser refuses the set for a reason not foreseen', async () => {
    const { decision, sites } = offHours(['old.example.org']);
    const dnr = fakeDnr(10_000);
    const effect = createRulesEffect(dnr, BLOCKED);
    await effect(decision, sites);
    // The engine says yes but refuses the rule when it is added.
    const lying = fakeDnr(10_000, (regex) => !regex.includes('refused'));
    lying.rules = dnr.rules;
    delete (lying as Partial<DnrApi>).isRegexSupported;
    const next = offHours(['refused.example.org', 'fine.example.org']);
    const again = createRulesEffect(lying, BLOCKED);
    await expect(again(next.decision, next.sites)).rejects.toThrow(/Could not guard refused\.example\.org:/);
    const regexes = hostsIn(lying.rules).join(' ');
    expect(regexes).not.toContain('old');
    expect(regexes).toContain('fine\\.example');
    expect(again.dropped()).toEqual(['custom:refused.example.org']);
  });

  it('says nothing when everything fits', async () => {
    const { decision, sites } = offHours(['a.example.org', 'b.example.org']);
    const dnr = fakeDnr(1000);
    const effect = createRulesEffect(dnr, BLOCKED);
    await effect(decision, sites);
    expect(effect.dropped()).toEqual([]);
    expect(dnr.rules.length).toBe(buildRules(sites, decision.siteActions, BLOCKED).length);
  });
});
