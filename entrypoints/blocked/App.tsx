/**
 * The blocked page's app: which site is closed and until when, "Go back", a crisis exception, and
 * the way back to the original address once the site opens. It names only sites the settings
 * guard and records a visit only when that site really is blocked.
 */
import { useEffect, useRef } from 'preact/hooks';
import { pageClock } from '@/components/clock';
import { CrisisFlow } from '@/components/CrisisFlow';
import { askWorker, useSnapshot } from '@/components/worker';
import { weekCount } from '@/utils/crisis';
import { opensAgain } from '@/utils/describe';
import { decide } from '@/utils/policy';
import { history as visits } from '@/stores/history';
import { choosePrompt, momentFor, promptText } from '@/utils/prompts';
import { enabledSites, matchSite } from '@/utils/sites';
import { localParts } from '@/utils/zoned-time';
import { catalogueName, NEUTRAL_HEADING, type BlockedAddress } from '@/utils/blocked-address';
import { t } from '@/stores/i18n';
import type { MessageKey } from '@/utils/i18n';

const MAX_TIMER = 2 ** 31 - 1;
/** What an unknown `?site=` gets besides the neutral heading: a clear message that names nothing. */
export const UNKNOWN_SITE: MessageKey = 'unknownSite';

/** A return to the same site in this tab this recently is not tried again: the browser still turned it away. */
const RETRY_MS = 10_000;

/**
 * Returns to `original` once the site has opened: first the worker brings the browser's rules up
 * to date (docs/ARCHITECTURE.md, "Closed by default": a site opens in the browser's rules only when
 * the worker says so), so the tab is not turned away again.
 */
async function goBackTo(original: string, siteId: string): Promise<void> {
  const key = `returned:${siteId}`;
  const last = Number(sessionStorage.getItem(key));
  if (Date.now() - last < RETRY_MS) return;
  await askWorker({ type: 'refresh' });
  sessionStorage.setItem(key, String(Date.now()));
  location.replace(original);
}

function GoBack() {
  if (history.length <= 1) return null;
  return (
    <button type="button" onClick={() => history.back()}>
      {t('goBack')}
    </button>
  );
}

export function App({ address }: { address: BlockedAddress }) {
  const { snapshot: seen, now, setNow } = useSnapshot();
  const snapshot = seen ?? null;

  const sites = snapshot ? enabledSites(snapshot.settings) : [];
  // Sent by the turn-away script (entrypoints/closed.ts), which knows no site ids, the address
  // alone says which site it is.
  const site = address.siteId === null && address.original ? matchSite(address.original, sites) : (sites.find((s) => s.id === address.siteId) ?? null);
  // Once known, the tab's address names it as the rules' redirect does (a reload still says which site).
  useEffect(() => {
    if (site && address.siteId === null) history.replaceState(null, '', `?site=${encodeURIComponent(site.id)}`);
  }, [site?.id]);
  // Only ever return to an address of the site that was blocked: this page is reachable from the web.
  const original = address.original && site && matchSite(address.original, [site]) ? address.original : null;
  const decision = snapshot ? decide(snapshot.settings, now, snapshot.timeZone, { exceptions: snapshot.exceptions }) : null;
  const blocked = site && decision ? decision.siteActions[site.id] === 'block' : false;
  const open = site && decision ? !blocked : false;

  useEffect(() => {
    if (open && original && site) void goBackTo(original, site.id);
  }, [open, original]);

  // A visit turned away counts in the week's balance: the site id and a time, nothing more. Judged
  // once, on the first settings seen: a navigation to that site that the rules really turned away
  // (so not a link straight to this page while the site is open, nor a reload, which has no address).
  const judged = useRef(false);
  useEffect(() => {
    if (judged.current || !decision) return;
    judged.current = true;
    if (!site || !original || !blocked) return;
    void visits.record({ at: Date.now(), kind: 'blockedVisit', site: site.id, category: site.category ?? null, minutes: 0 }).catch(() => undefined);
  }, [decision]);

  useEffect(() => {
    if (!decision?.nextChangeAt) return;
    const id = setTimeout(() => setNow(Date.now()), Math.min(MAX_TIMER, decision.nextChangeAt - Date.now() + 5));
    return () => clearTimeout(id);
  }, [decision?.nextChangeAt]);

  // Before settings are read only a catalogue name is shown (the first frame already says what was
  // stopped); after, only a site the settings guard. Anything else gets the neutral heading.
  const name = snapshot ? (site?.name ?? null) : catalogueName(address.siteId);
  document.title = name ? t('afterHoursOf', name) : t('afterHoursApp');
  if (!snapshot || !decision) return <h1>{name ? t('closedEvening', name) : t(NEUTRAL_HEADING)}</h1>;
  if (!site) {
    return (
      <>
        <h1>{t(NEUTRAL_HEADING)}</h1>
        <p class="opens">{t(UNKNOWN_SITE)}</p>
        <div class="actions">
          <GoBack />
        </div>
      </>
    );
  }
  if (open) {
    // On the way back to the original address, or (a direct visit, a reload) nowhere to go back to.
    return (
      <>
        <h1>{t('siteOpen', site.name)}</h1>
        <p class="opens">{t('notBlockingNow')}</p>
        <div class="actions">
          <GoBack />
        </div>
      </>
    );
  }
  const today = localParts(now, snapshot.timeZone).date;
  const clock = pageClock(snapshot.settings.clock);
  const prompt = choosePrompt({
    moment: momentFor(decision, now),
    date: today,
    areas: snapshot.settings.selfCare.categories,
    own: snapshot.settings.selfCare.prompts,
    shown: [],
  });

  return (
    <>
      <h1>{t('closedEvening', site.name)}</h1>
      <p class="opens">{t('sentence', opensAgain(t, decision, now, snapshot.timeZone, clock))}</p>
      <p class="prompt">{prompt && promptText(t, prompt)}</p>
      <div class="actions">
        <GoBack />
        <CrisisFlow
          sites={sites}
          currentSiteId={site.id}
          defaultMinutes={snapshot.settings.exceptions.defaultMinutes}
          week={weekCount(snapshot.crisisWeek, now)}
          timeZone={snapshot.timeZone}
          clock={clock}
          onStart={(scope, minutes) => askWorker({ type: 'startException', scope, minutes })}
        />
      </div>
    </>
  );
}
