/**
 * Decides what this open page gets, from the worker's snapshot and the page's own clock: the tab
 * changes at the boundary even while the worker sleeps, and nothing is reloaded.
 *
 * The page's own scripts cannot stop it (docs/ARCHITECTURE.md, "The page guard"): it keeps no
 * WXT context (whose "newer script started" DOM event any page can send), only a real loss of
 * the extension's context stops it — and then its covers stay where they are until the guard
 * injected by the new version replaces them. What the page changes is put back before the next
 * frame (`cover.ts`); a single-page app moving into a guarded path is covered at once.
 */
import { browser } from 'wxt/browser';
import { CATALOGUE } from '@/utils/catalogue';
import { opensAgain } from '@/utils/describe';
import { GUARD_MARK } from '@/utils/guard-mark';
import type { Request, Response } from '@/utils/messages';
import { decide } from '@/utils/policy';
import { enabledSites, matchSite } from '@/utils/sites';
import { snapshotItem, type Snapshot } from '@/stores/snapshot';
import { foreignHosts } from './cover';
import { createDimmer, LIFT_ATTRIBUTE } from './dimmer';
import { createOverlay, type PanelModel } from './overlay';

const MAX_TIMER = 2 ** 31 - 1;
const STARTED = Symbol.for(GUARD_MARK);

/** True once this script's extension context is gone (the extension updated, reloaded or removed). */
function contextLost(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/**
 * Whether this address may be a work site before the settings are known: on a catalogue host,
 * only within the site's app path (TherapyNotes' public pages are never hidden); anywhere else
 * the guard runs only because a custom site was registered there.
 */
function mayBeGuarded(href: string): boolean {
  const onHost = CATALOGUE.filter((entry) => matchSite(href, [{ id: entry.id, name: entry.name, category: entry.category, hosts: entry.hosts }]));
  return onHost.length === 0 || onHost.some((entry) => !entry.pathPrefix || matchSite(href, [{ ...entry }]));
}

export function startPageGuard(): void {
  // One guard per extension context: the manifest's script and one injected after an update may both arrive.
  const world = globalThis as { [STARTED]?: true };
  if (world[STARTED]) return;
  world[STARTED] = true;

  const doc = document;
  const dimmer = createDimmer(doc);
  const overlay = createOverlay(doc);
  const covers = [dimmer.cover, overlay.cover];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Kept in memory so the boundary itself costs no storage round trip: the timer decides at once.
  let snapshot: Snapshot | null = null;
  // Until the guard has decided, the registered stylesheet dims; afterwards the veil does, and the
  // stylesheet is lifted by the guard alone.
  let decided = false;
  let stopped = false;
  let href = location.href;

  const send = async (request: Request): Promise<Response> => {
    if (contextLost()) return { ok: false, error: 'Clocked Out was updated or restarted: reload this tab to use these buttons.' };
    try {
      return (await browser.runtime.sendMessage(request)) as Response;
    } catch (error) {
      return { ok: false, error: `Clocked Out is not answering (${String(error)}).` };
    }
  };

  function liftStylesheet(root: HTMLElement | null) {
    if (!root) return;
    if (decided && !root.hasAttribute(LIFT_ATTRIBUTE)) root.setAttribute(LIFT_ATTRIBUTE, '');
    if (!decided && root.hasAttribute(LIFT_ATTRIBUTE)) root.removeAttribute(LIFT_ATTRIBUTE);
  }

  /** Puts the wanted covers back on top of the top layer (the page opened something above them). */
  function raiseAll() {
    if (stopped) return;
    for (const cover of covers) if (cover.wanted) cover.raise();
  }

  // Structure: <html> replaced, a host removed or changed, the lift attribute or `inert` set by the page.
  const structure = new MutationObserver(() => {
    if (stop.ifLost()) return;
    watchRoot();
    liftStylesheet(doc.documentElement);
    for (const cover of covers) cover.defend();
    if (location.href !== href) evaluate();
  });
  // A dialog of the page's opened modally (older browsers send no toggle event for it).
  const dialogs = new MutationObserver((records) => {
    if (stop.ifLost()) return;
    if (records.some((r) => r.target instanceof HTMLDialogElement && r.target.open && !covers.some((c) => c.layer === r.target))) raiseAll();
  });
  let watchedRoot: HTMLElement | null = null;
  function watchRoot() {
    const root = doc.documentElement;
    if (!root || root === watchedRoot) return;
    watchedRoot = root;
    structure.observe(root, { childList: true, attributes: true, attributeFilter: [LIFT_ATTRIBUTE, 'inert'] });
  }
  structure.observe(doc, { childList: true });
  for (const cover of covers) structure.observe(cover.host, { attributes: true });
  watchRoot();
  dialogs.observe(doc, { subtree: true, attributes: true, attributeFilter: ['open'] });

  const onToggle = (event: Event) => {
    const opening = (event as ToggleEvent).newState === 'open';
    if (opening && !covers.some((c) => c.layer === event.target)) queueMicrotask(raiseAll);
  };
  const onRoute = () => {
    if (location.href !== href) evaluate();
  };
  const onVisible = () => {
    // Background tabs' timers are throttled; a tab coming back into view re-checks at once.
    if (doc.visibilityState === 'visible') evaluate();
  };
  window.addEventListener('beforetoggle', onToggle, true);
  doc.addEventListener('fullscreenchange', raiseAll);
  doc.addEventListener('visibilitychange', onVisible);
  window.addEventListener('pageshow', evaluate);
  window.addEventListener('popstate', onRoute);
  window.addEventListener('hashchange', onRoute);
  // history.pushState in a single-page app: the Navigation API tells every world, synchronously.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', onRoute);

  const unwatch = snapshotItem.watch((value) => {
    snapshot = value;
    evaluate();
  });

  /** Stands down for good: the extension's context is gone. The covers stay as they are. */
  const stop = Object.assign(
    () => {
      if (stopped) return;
      stopped = true;
      structure.disconnect();
      dialogs.disconnect();
      clearTimeout(timer);
      window.removeEventListener('beforetoggle', onToggle, true);
      doc.removeEventListener('fullscreenchange', raiseAll);
      doc.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pageshow', evaluate);
      window.removeEventListener('popstate', onRoute);
      window.removeEventListener('hashchange', onRoute);
      navigation?.removeEventListener('currententrychange', onRoute);
      try {
        unwatch();
      } catch {
        // The storage API went with the context.
      }
    },
    {
      ifLost(): boolean {
        if (stopped) return true;
        if (!contextLost()) return false;
        stop();
        return true;
      },
    },
  );

  function evaluate() {
    if (stop.ifLost()) return;
    href = location.href;
    if (!snapshot) {
      // Nothing to go by yet (a fresh install before the worker's first decision).
      dimmer.lift();
      return;
    }
    const site = matchSite(href, enabledSites(snapshot.settings));
    const now = Date.now();
    const { settings, timeZone, exceptions, wrapUps } = snapshot;
    const decision = decide(settings, now, timeZone, { exceptions });
    const action = site ? (decision.siteActions[site.id] ?? 'allow') : 'allow';
    const model: PanelModel | null = site && {
      siteName: site.name,
      opensAgain: opensAgain(decision, now, timeZone),
      wrapUpMinutes: settings.exceptions.wrapUpMinutes,
      wrapUpUsed: wrapUps[site.id] === decision.stateStartedAt,
      crisisMinutes: settings.exceptions.defaultMinutes,
      wrapUp: () => send({ type: 'wrapUp', siteId: site.id }),
      crisis: () => send({ type: 'startException', scope: { type: 'site', siteId: site.id }, minutes: settings.exceptions.defaultMinutes }),
    };
    if (action === 'block' && model) {
      overlay.show(model);
      dimmer.lift();
    } else if (action === 'dim' && model) {
      dimmer.dim(model);
      overlay.hide();
    } else {
      overlay.hide();
      dimmer.lift();
    }
    decided = true;
    liftStylesheet(doc.documentElement);
    // An orphaned guard's covers (from before an update) give way to this one's.
    for (const el of foreignHosts(doc, covers)) el.remove();
    clearTimeout(timer);
    if (decision.nextChangeAt !== null) {
      // A timer firing a hair early just decides again and re-arms for the remainder.
      timer = setTimeout(evaluate, Math.min(MAX_TIMER, decision.nextChangeAt - now));
    }
  }

  // A page still loading (a new tab, a restored one) is hidden until decided; one already shown
  // (the guard injected after an update) keeps what it shows until then.
  const withPage = doc.readyState === 'loading';
  if (withPage && mayBeGuarded(href)) dimmer.pending();
  void snapshotItem.getValue().then(
    (value) => {
      // Open work tabs were left unguarded after an update, and this may be one, reloaded: the
      // worker looks again. (A guard the worker injected itself needs not say so.)
      if (withPage && (value?.uncovered ?? 0) > 0) void send({ type: 'tabGuarded' });
      if (snapshot) return; // a newer one arrived through the watcher meanwhile
      snapshot = value;
      evaluate();
    },
    () => {
      if (!stop.ifLost()) dimmer.lift();
    },
  );
}
