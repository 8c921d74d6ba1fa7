/**
 * Applies the DNR rules for a decision. The adapter hides the browser API (fakeBrowser has no DNR).
 * Only the sites whose rules the browser takes are given rules (utils/rule-budget.ts), so the new
 * set always replaces the old one; the sites left out are reported by name.
 */
import type { Decision } from '@/utils/policy';
import { t } from '@/stores/i18n';
import { droppedNotice, fitRules, type DropReason } from '@/utils/rule-budget';
import { buildRules, type DnrRule } from '@/utils/rules';
import type { Site } from '@/utils/types';

export interface DnrApi {
  getDynamicRules(): Promise<Array<{ id: number }>>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  /** Chrome and Firefox have it; absent, every regex is taken as supported. */
  isRegexSupported?(options: { regex: string }): Promise<{ isSupported: boolean; reason?: string }>;
  readonly MAX_NUMBER_OF_REGEX_RULES?: number;
  readonly MAX_NUMBER_OF_DYNAMIC_RULES?: number;
}

/** Chrome's documented limits, for a browser that does not say. */
const REGEX_RULES = 1000;
const DYNAMIC_RULES = 5000;

export function createRulesEffect(dnr: DnrApi, blockedPage: string) {
  let applied = '';
  let dropped: Array<{ site: Site; reason: DropReason }> = [];
  // The engine's answer per regex; only the regexes in use are kept from one refresh to the next.
  let answers = new Map<string, Promise<boolean>>();
  const limit = Math.min(dnr.MAX_NUMBER_OF_REGEX_RULES ?? REGEX_RULES, dnr.MAX_NUMBER_OF_DYNAMIC_RULES ?? DYNAMIC_RULES);

  async function plan(sites: readonly Site[]) {
    // Each site's rules as they are when it is blocked: the budget holds at every hour of the day.
    const entries = sites.map((site) => ({ site, regexes: buildRules([site], { [site.id]: 'block' }, blockedPage).map((r) => r.condition.regexFilter) }));
    const previous = answers;
    answers = new Map();
    const isSupported = (regex: string) => {
      const answer = previous.get(regex) ?? (dnr.isRegexSupported ? dnr.isRegexSupported({ regex }).then((r) => r.isSupported) : Promise.resolve(true));
      answers.set(regex, answer);
      return answer;
    };
    return { entries, budget: await fitRules(entries, isSupported, limit) };
  }

  /** Replaces every rule; if the browser still refuses the set, clears the old ones and adds rule by rule. Returns the refused regexes. */
  async function replace(rules: DnrRule[]): Promise<Set<string>> {
    const current = await dnr.getDynamicRules();
    try {
      await dnr.updateDynamicRules({ removeRuleIds: current.map((rule) => rule.id), addRules: rules });
      return new Set();
    } catch {
      await dnr.updateDynamicRules({ removeRuleIds: current.map((rule) => rule.id), addRules: [] });
      const refused = new Set<string>();
      for (const rule of rules) await dnr.updateDynamicRules({ removeRuleIds: [], addRules: [rule] }).catch(() => refused.add(rule.condition.regexFilter));
      return refused;
    }
  }

  const effect = async (decision: Decision, sites: readonly Site[]) => {
    const { entries, budget } = await plan(sites);
    const rules = buildRules(budget.kept, decision.siteActions, blockedPage);
    const key = JSON.stringify(rules);
    const next = [...budget.dropped];
    if (key !== applied) {
      // Dynamic rules survive worker and browser restarts, so blocking holds while the worker sleeps.
      const refused = await replace(rules);
      for (const { site, regexes } of entries) if (regexes.some((r) => refused.has(r))) next.push({ site, reason: 'unsupported' });
      // A set with refusals is tried again at the next refresh.
      applied = refused.size ? '' : key;
    }
    dropped = next;
    const notice = droppedNotice(
      t,
      dropped.map((d) => ({ name: d.site.name, reason: d.reason })),
      limit,
    );
    if (notice) throw new Error(notice);
  };
  return Object.assign(effect, {
    /** Ids of the sites left without rules at the last refresh. */
    dropped: (): string[] => dropped.map((d) => d.site.id),
  });
}
