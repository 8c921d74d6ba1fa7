/** Applies the DNR rules for a decision. The adapter hides the browser API (fakeBrowser has no DNR). */
import type { Decision } from '@/utils/policy';
import { buildRules, type DnrRule } from '@/utils/rules';
import type { Site } from '@/utils/types';

export interface DnrApi {
  getDynamicRules(): Promise<Array<{ id: number }>>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
}

export function createRulesEffect(dnr: DnrApi, blockedPage: string) {
  let applied = '';
  return async (decision: Decision, sites: readonly Site[]) => {
    const rules = buildRules(sites, decision.siteActions, blockedPage);
    const key = JSON.stringify(rules);
    if (key === applied) return;
    // Dynamic rules survive worker and browser restarts, so blocking holds while the worker sleeps.
    const current = await dnr.getDynamicRules();
    await dnr.updateDynamicRules({ removeRuleIds: current.map((rule) => rule.id), addRules: rules });
    applied = key;
  };
}
