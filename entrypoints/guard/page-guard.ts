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
import { APP_PATHS, type AppPath } from '@/utils/app-paths';
import { weekCount } from '@/utils/crisis';
import { clockOf } from '@/utils/clock';
import { opensAgain } from '@/utils/describe';
import { GUARD_MARK } from '@/utils/guard-mark';
import type { Request, Response } from '@/utils/messages';
import { decideFor } from '@/utils/policy';
import { matchSite } from '@/utils/site-match';
import { createSpells } from '@/utils/spell';
import type { Site } from '@/utils/types';
import { t } from '@/stores/i18n';
import { nativeBrowser } from '@/stores/native-browser';
import { idleItem, snapshotItem, type Snapshot } from '@/stores/snapshot';
import { foreignHosts } from './cover';
import { LIFT_ATTRIBUTE } from '@/utils/dim';
import { createDimmer } from './dimmer';
import { createOverlay, type PanelModel } from './overlay';
import { turnAway } from './turn-away';

const MAX_TIMER = 2 ** 31 - 1;
/**
 * A document's first decision this soon after it began (its own clock) finds it just begun, with
 * nothing typed into it; a later first one (settings that arrived late) covers it instead.
 */
const FRESH_MS = 3000;
const STARTED = Symbol.for(GUARD_MARK);

/** True once this script's extension context is gone (the extension updated, reloaded or removed). */
function contextLost(): boolean {
  try {
    return !nativeBrowser()?.runtime?.id;
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
  const site = (app: AppPath, pathPrefix?: string): Site => ({ id: '', name: '', category: 'ehr', hosts: app.hosts, ...(pathPrefix ? { pathPrefix } : {}) });
  const onHost = Object.values(APP_PATHS).filter((app) => matchSite(href, [site(app)]));
  return onHost.length === 0 || onHost.some((app) => matchSite(href, [site(app, app.pathPrefix)]));
}

export function startPageGuard(): void {
  // One guard per extension context: the manifest's script and one injected after an update may both arrive.
  const world = globalThis as { [STARTED]?: true };
  if (world[STARTED]) return;
  world[STARTED] = true;

  const doc = document;
  // The twin of the dim bar in a page's modal dialog is put back if the page takes it out.
  const dimmer = createDimmer(doc, (parent) => structure.observe(parent, { childList: true }));
  const overlay = createOverlay(doc);
  const covers = [dimmer.cover, dimmer.twin, overlay.cover];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Kept in memory so the boundary itself costs no storage round trip: the timer decides at once.
  let snapshot: Snapshot | null = null;
  // Until the guard has decided, the registered stylesheet dims; afterwards the veil does, and the
  // stylesheet is lifted by the guard alone.
  let decided = false;
  let stopped = false;
  let href = location.href;
  // A page still loading (a new tab, a restored one) is hidden until decided; one already shown
  // (the guard injected after an update) keeps what it shows until then.
  const withPage = doc.readyState === 'loading';
  // Whether the next decision is this document's first: see `turnAway` in evaluate().
  let first = withPage;

  // Read now: once the extension is updated or removed, its messages may be out of reach.
  const lost = t('gLost');
  const send = async (request: Request): Promise<Response> => {
    if (contextLost()) return { ok: false, error: lost };
    try {
      return (await nativeBrowser().runtime.sendMessage(request)) as Response;
    } catch (error) {
      return { ok: false, error: t('gNoAnswer', String(error)) };
    }
  };

  function liftStylesheet(root: HTMLElement | null) {
    if (!root) return;
    if (decided && !root.hasAttribute(LIFT_ATTRIBUTE)) root.setAttribute(LIFT_ATTRIBUTE, '');
    if (!decided && root.hasAttribute(LIFT_ATTRIBUTE)) root.removeAttribute(LIFT_ATTRIBUTE);
  }

  /** Puts the wanted covers back on top of the top layer (the page opened or closed something there). */
  function raiseAll() {
    if (stopped) return;
    if (dimmer.cover.wanted) dimmer.raise();
    if (overlay.cover.wanted) overlay.cover.raise();
  }

  // Structure: <html> replaced, a host removed or changed, the lift attribute or `inert` set by the page.
  const structure = new MutationObserver(() => {
    if (stop.ifLost()) return;
    watchRoot();
    liftStylesheet(doc.documentElement);
    dimmer.defend();
    overlay.cover.defend();
    if (location.href !== href) evaluate();
  });
  // A dialog of the page's opened (older browsers send no toggle event for it) or closed: the dim
  // bar follows the page's topmost modal dialog.
  const dialogs = new MutationObserver((records) => {
    if (stop.ifLost()) return;
    if (records.some((r) => r.target instanceof HTMLDialogElement && !covers.some((c) => c.layer === r.target))) raiseAll();
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
    else report();
  };
  // Foreground use after hours (docs/ARCHITECTURE.md, "History"): while the site is open by an
  // exception or a wrap-up, or dimmed, the top page says when it becomes the active tab of a
  // focused window and when it stops being it. Only on a change: the worker never polls, and
  // gets no address (it knows the tab's site from the sender).
  let counting = false;
  let idleSince: number | null = null;
  const spells = createSpells(({ at, minutes }) => void send({ type: 'usage', at, minutes }));
  function report(leaving = false) {
    spells(Date.now(), counting && !leaving && window.top === window && doc.visibilityState === 'visible' && doc.hasFocus(), idleSince);
  }
  const onIdle = (value: number | null) => {
    idleSince = value;
    report();
  };
  // Focus moving into one of the page's own frames blurs the window but keeps the page in use.
  const onBlur = () => setTimeout(report, 0);
  // Every listener goes with one abort when the guard stands down.
  const listening = new AbortController();
  const { signal } = listening;
  window.addEventListener('beforetoggle', onToggle, { capture: true, signal });
  doc.addEventListener('fullscreenchange', raiseAll, { signal });
  doc.addEventListener('visibilitychange', onVisible, { signal });
  window.addEventListener('pageshow', evaluate, { signal });
  window.addEventListener('focus', () => report(), { signal });
  window.addEventListener('blur', onBlur, { signal });
  window.addEventListener('pagehide', () => report(true), { signal });
  window.addEventListener('popstate', onRoute, { signal });
  window.addEventListener('hashchange', onRoute, { signal });
  // history.pushState in a single-page app: the Navigation API tells every world, synchronously.
  (window as { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', onRoute, { signal });

  const unwatchSnapshot = snapshotItem.watch((value) => {
    snapshot = value;
    evaluate();
  });
  const unwatchIdle = idleItem.watch(onIdle);
  void idleItem.getValue().then(onIdle, () => undefined);
  const unwatch = () => {
    unwatchSnapshot();
    unwatchIdle();
  };

  /** Stands down for good: the extension's context is gone. The covers stay as they are. */
  const stop = Object.assign(
    () => {
      if (stopped) return;
      stopped = true;
      structure.disconnect();
      dialogs.disconnect();
      clearTimeout(timer);
      listening.abort();
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

  // A page that began loading while its site is blocked was never meant to be shown: the
  // browser's rules turn such a navigation away before any request, but the site's own service
  // worker can answer it from its cache where no rule sees it (docs/ARCHITECTURE.md, "Closed by
  // default"). The worker's registered script (entrypoints/closed.ts) stops it before the page's
  // scripts; before the worker has registered it, this document's first decision does the same
  // (`FRESH_MS`: nothing typed is lost). A tab open when the site closes is covered instead.
  function evaluate() {
    if (stop.ifLost()) return;
    href = location.href;
    if (!snapshot) {
      // Nothing to go by yet (a fresh install before the worker's first decision).
      dimmer.lift();
      return;
    }
    const { settings, timeZone, exceptions, wrapUps, crisisWeek, sites } = snapshot;
    // A snapshot from a worker older than this guard: what is shown stays until the new one's.
    if (!sites) return;
    const site = matchSite(href, sites);
    const now = Date.now();
    const decision = decideFor(sites, settings, now, timeZone, { exceptions });
    const action = site ? (decision.siteActions[site.id] ?? 'allow') : 'allow';
    // The clinician's clock in the browser's language (docs/ARCHITECTURE.md, "Time").
    const clock = clockOf(settings.clock, navigator.language);
    const model: PanelModel | null = site && {
      siteName: site.name,
      opensAgain: opensAgain(t, decision, now, timeZone, clock),
      wrapUpMinutes: settings.exceptions.wrapUpMinutes,
      wrapUpUsed: wrapUps[site.id] === decision.stateStartedAt,
      // The same flow as the popup's and the blocked page's, with the week's count the worker left.
      crisis: (at) => ({
        sites,
        currentSiteId: site.id,
        ownSiteOnly: true,
        defaultMinutes: settings.exceptions.defaultMinutes,
        week: weekCount(crisisWeek, at),
        now: at,
        timeZone,
        clock,
      }),
      wrapUp: () => send({ type: 'wrapUp', siteId: site.id }),
      startException: (scope, minutes) => send({ type: 'startException', scope, minutes }),
    };
    const firstDecision = first && performance.now() < FRESH_MS;
    first = false;
    if (action === 'block' && site && firstDecision && turnAway(window, site.id)) return;
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
    // Open after hours: by an exception or a wrap-up, or dimmed (a site allowed by its own action counts nothing).
    counting = !!site && decision.state !== 'work' && action !== 'block' && (site.action ?? settings.actions[site.category]) !== 'allow';
    report();
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

  if (withPage && mayBeGuarded(href)) dimmer.pending();
  void snapshotItem.getValue().then(
    (value) => {
      // Open work tabs were left unguarded after an update, and this may be one, reloaded: the
      // worker looks again. (A guard the worker injected itself needs not say so.)
      if (withPage && (value?.uncovered ?? 0) > 0) void send({ type: 'refresh' });
      if (snapshot) return; // a newer one arrived through the watcher meanwhile
      snapshot = value;
      evaluate();
    },
    () => {
      if (!stop.ifLost()) dimmer.lift();
    },
  );
}
