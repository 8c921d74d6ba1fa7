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
import { snapshotItem, type Snapshot } from '@/utils/snapshot';
import { createDimmer } from './dimmer';
import { createOverlay, type PanelModel } from './overlay';

const MAX_TIMER = 2 ** 31 - 1;

export function startPageGuard(ctx: ContentScriptContext) {
  const dimmer = createDimmer(document);
  const overlay = createOverlay(document);
  let timer: number | undefined;
  // Kept in memory so the boundary itself costs no storage round trip: the timer decides at once.
  let snapshot: Snapshot | null = null;

  const send = async (request: Request): Promise<Response> => {
    try {
      return (await browser.runtime.sendMessage(request)) as Response;
    } catch (error) {
      return { ok: false, error: `Clocked Out is not answering (${String(error)}).` };
    }
  };

  function evaluate() {
    if (!snapshot || ctx.isInvalid) return;
    const site = matchSite(location.href, enabledSites(snapshot.settings));
    if (!site) {
      dimmer.lift();
      overlay.hide();
      return;
    }
    const now = Date.now();
    const { settings, timeZone, exceptions, wrapUps } = snapshot;
    const decision = decide(settings, now, timeZone, { exceptions });
    const action = decision.siteActions[site.id] ?? 'allow';
    const model: PanelModel = {
      siteName: site.name,
      opensAgain: opensAgain(decision, now, timeZone),
      wrapUpMinutes: settings.exceptions.wrapUpMinutes,
      wrapUpUsed: wrapUps[site.id] === decision.stateStartedAt,
      crisisMinutes: settings.exceptions.defaultMinutes,
      wrapUp: () => send({ type: 'wrapUp', siteId: site.id }),
      crisis: () => send({ type: 'startException', scope: { type: 'site', siteId: site.id }, minutes: settings.exceptions.defaultMinutes }),
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
      // A timer firing a hair early just decides again and re-arms for the remainder.
      timer = ctx.setTimeout(evaluate, Math.min(MAX_TIMER, decision.nextChangeAt - now));
    }
  }

  // Background tabs' timers are throttled; a tab coming back into view re-checks at once.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') evaluate();
  });
  ctx.addEventListener(window, 'pageshow', evaluate);
  const unwatch = snapshotItem.watch((value) => {
    snapshot = value;
    evaluate();
  });
  ctx.onInvalidated(() => {
    unwatch();
    overlay.hide();
    dimmer.lift();
  });
  void snapshotItem.getValue().then((value) => {
    if (snapshot) return; // a newer one arrived through the watcher meanwhile
    snapshot = value;
    evaluate();
  });
}
