/**
 * Decides what this open page gets, from the worker's snapshot and the page's own clock: the tab
 * changes at the boundary even while the worker sleeps, and nothing is reloaded.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { opensAgain } from '@/utils/describe';
import type { Request, Response } from '@/utils/messages';
import { decide } from '@/utils/policy';
import { enabledSites, matchSite } from '@/utils/sites';
import { snapshotItem } from '@/utils/snapshot';
import { createDimmer } from './dimmer';
import { createOverlay, type PanelModel } from './overlay';

const MAX_TIMER = 2 ** 31 - 1;

export function startPageGuard(ctx: ContentScriptContext) {
  const dimmer = createDimmer(document);
  const overlay = createOverlay(document);
  let timer: number | undefined;

  const send = async (request: Request): Promise<Response> => {
    try {
      return (await browser.runtime.sendMessage(request)) as Response;
    } catch (error) {
      return { ok: false, error: `Clocked Out is not answering (${String(error)}).` };
    }
  };

  async function evaluate() {
    const snapshot = await snapshotItem.getValue();
    if (!snapshot || ctx.isInvalid) return;
    const site = matchSite(location.href, enabledSites(snapshot.settings));
    if (!site) {
      dimmer.lift();
      overlay.hide();
      return;
    }
    const now = Date.now();
    const decision = decide(snapshot.settings, now, snapshot.timeZone, { exceptions: snapshot.exceptions });
    const action = decision.siteActions[site.id] ?? 'allow';
    const model: PanelModel = {
      siteName: site.name,
      opensAgain: opensAgain(decision, now, snapshot.timeZone),
      wrapUpMinutes: snapshot.settings.exceptions.wrapUpMinutes,
      wrapUpUsed: snapshot.wrapUps[site.id] === decision.stateStartedAt,
      crisisMinutes: snapshot.settings.exceptions.defaultMinutes,
      wrapUp: () => send({ type: 'wrapUp', siteId: site.id }),
      crisis: () => send({ type: 'startException', scope: { type: 'site', siteId: site.id }, minutes: snapshot.settings.exceptions.defaultMinutes }),
    };
    if (action === 'block') {
      dimmer.lift();
      overlay.show(model);
    } else if (action === 'dim') {
      overlay.hide();
      dimmer.dim(model);
    } else {
      overlay.hide();
      dimmer.lift();
    }
    clearTimeout(timer);
    if (decision.nextChangeAt !== null) {
      timer = ctx.setTimeout(() => void evaluate(), Math.min(MAX_TIMER, decision.nextChangeAt - now + 5));
    }
  }

  // Background tabs' timers are throttled; a tab coming back into view re-checks at once.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') void evaluate();
  });
  ctx.addEventListener(window, 'pageshow', () => void evaluate());
  const unwatch = snapshotItem.watch(() => void evaluate());
  ctx.onInvalidated(() => {
    unwatch();
    overlay.hide();
    dimmer.lift();
  });
  void evaluate();
}
