/**
 * Applies the DNR rules for a decision (docs/ARCHITECTURE.md, "Closed by default"): the closed
 * state in the dynamic rules, what is open now in the session rules. The adapter hides the browser
 * API (fakeBrowser has no DNR). Only the sites whose rules the browser takes are given rules
 * (utils/rule-budget.ts), so each new set always replaces the old one; the sites left out are
 * reported by name.
 */
import { t } from '@/stores/i18n';
import { closedAction, type Decision } from '@/utils/policy';
import { droppedNotice, fitRules, type DropReason } from '@/utils/rule-budget';
import { buildRules, openingRules, type DnrRule } from '@/utils/rules';
import type { Settings } from '@/utils/settings/schema';
import type { Action, Site } from '@/utils/types';

type Rules = Array<{ id: number }>;
type Update = (options: { removeRuleIds: number[]; addRules: DnrRule[] }) => Promise<void>;

export interface DnrApi {
  getDynamicRules(): Promise<Rules>;
  updateDynamicRules: Update;
  getSessionRules(): Promise<Rules>;
  updateSessionRules: Update;
  /** Chrome and Firefox have it; absent, every regex is taken as supported. */
  isRegexSupported?(options: { regex: string }): Promise<{ isSupported: boolean; reason?: string }>;
  readonly MAX_NUMBER_OF_REGEX_RULES?: number;
  readonly MAX_NUMBER_OF_DYNAMIC_RULES?: number;
}

/** Chrome's documented limits, for a browser that does not say. */
const REGEX_RULES = 1000;
const DYNAMIC_RULES = 5000;

export function createRulesEffect(dnr: DnrApi, blockedPage: string) {
  // The sets last applied, as JSON: the closed set (dynamic), the openings (session).
  const applied = ['', ''];
  let dropped: Array<{ site: Site; reason: DropReason }> = [];
  // The engine's answer per regex; only the regexes in use are kept from one refresh to the next.
  let answers = new Map<string, Promise<boolean>>();
  const limit = Math.min(dnr.MAX_NUMBER_OF_REGEX_RULES ?? REGEX_RULES, dnr.MAX_NUMBER_OF_DYNAMIC_RULES ?? DYNAMIC_RULES);

  async function plan(sites: readonly Site[]) {
    // Each site's rules as they are when it is blocked, twice (its redirect, and its opening while
    // open): the budget, shared by both sets, holds at every hour of the day.
    const entries = sites.map((site) => {
      const regexes = buildRules([site], { [site.id]: 'block' }, blockedPage).map((r) => r.condition.regexFilter);
      return { site, regexes: [...regexes, ...regexes] };
    });
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
  async function replace(get: () => Promise<Rules>, update: Update, rules: DnrRule[]): Promise<Set<string>> {
    const removeRuleIds = (await get()).map((rule) => rule.id);
    try {
      await update({ removeRuleIds, addRules: rules });
      return new Set();
    } catch {
      await update({ removeRuleIds, addRules: [] });
      const refused = new Set<string>();
      for (const rule of rules) await update({ removeRuleIds: [], addRules: [rule] }).catch(() => refused.add(rule.condition.regexFilter));
      return refused;
    }
  }

  const effect = async (decision: Decision, sites: readonly Site[], { settings }: { settings: Settings }) => {
    const { entries, budget } = await plan(sites);
    const closed: Record<string, Action> = {};
    for (const site of budget.kept) closed[site.id] = closedAction(settings, site);
    const next = [...budget.dropped];
    // The closed set first: a site added while open is blocked a moment too soon, never let through.
    const sets = [
      [buildRules(budget.kept, closed, blockedPage), () => dnr.getDynamicRules(), dnr.updateDynamicRules],
      [openingRules(budget.kept, closed, decision.siteActions), () => dnr.getSessionRules(), dnr.updateSessionRules],
    ] as const;
    for (const [i, [rules, get, update]] of sets.entries()) {
      const key = JSON.stringify(rules);
      if (key === applied[i]) continue;
      const refused = await replace(get, update.bind(dnr), rules);
      for (const { site, regexes } of entries)
        if (regexes.some((r) => refused.has(r)) && !next.some((d) => d.site === site)) next.push({ site, reason: 'unsupported' });
      // A set with refusals is tried again at the next refresh.
      applied[i] = refused.size ? '' : key;
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
