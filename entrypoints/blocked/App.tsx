import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CrisisConfirm } from '@/components/CrisisConfirm';
import { opensAgain } from '@/utils/describe';
import type { Request, Response } from '@/utils/messages';
import { decide } from '@/utils/policy';
import { history as visits } from '@/utils/history';
import { choosePrompt, momentFor } from '@/utils/prompts';
import { enabledSites, matchSite, siteName } from '@/utils/sites';
import { snapshotItem, type Snapshot } from '@/utils/snapshot';
import { localParts } from '@/utils/zoned-time';
import type { BlockedAddress } from './address';

const MAX_TIMER = 2 ** 31 - 1;

async function send(request: Request): Promise<string | null> {
  try {
    const response = (await browser.runtime.sendMessage(request)) as Response | undefined;
    return response?.ok ? null : (response?.error ?? 'Clocked Out did not answer.');
  } catch (error) {
    return `Clocked Out did not answer (${String(error)}).`;
  }
}

export function App({ address }: { address: BlockedAddress }) {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    void snapshotItem.getValue().then(setSnapshot);
    return snapshotItem.watch((value) => {
      setSnapshot(value);
      setNow(Date.now());
    });
  }, []);

  const sites = snapshot ? enabledSites(snapshot.settings) : [];
  const site = sites.find((s) => s.id === address.siteId) ?? null;
  // Only ever return to an address of the site that was blocked: this page is reachable from the web.
  const original = address.original && site && matchSite(address.original, [site]) ? address.original : null;
  const decision = snapshot ? decide(snapshot.settings, now, snapshot.timeZone, { exceptions: snapshot.exceptions }) : null;
  const open = site && decision ? decision.siteActions[site.id] !== 'block' : false;

  useEffect(() => {
    if (open && original) location.replace(original);
  }, [open, original]);

  const category = site?.category ?? null;
  useEffect(() => {
    // A visit turned away counts in the week's balance: the site id and a time, nothing more.
    if (!site) return;
    void visits.record({ at: Date.now(), kind: 'blockedVisit', site: site.id, category, minutes: 0 }).catch(() => undefined);
  }, [site?.id]);

  useEffect(() => {
    if (!decision?.nextChangeAt) return;
    const id = setTimeout(() => setNow(Date.now()), Math.min(MAX_TIMER, decision.nextChangeAt - Date.now() + 5));
    return () => clearTimeout(id);
  }, [decision?.nextChangeAt]);

  // The name is known without storage, so the first frame already says what was stopped.
  const name = site?.name ?? siteName(address.siteId) ?? 'This work site';
  document.title = `After hours — ${name}`;
  if (!snapshot || !decision) return <h1>{name} is closed for the evening</h1>;
  const today = localParts(now, snapshot.timeZone).date;
  const minutes = snapshot.settings.exceptions.defaultMinutes;

  return (
    <>
      <h1>{name} is closed for the evening</h1>
      <p class="opens">{opensAgain(decision, now, snapshot.timeZone)}.</p>
      <p class="prompt">
        {choosePrompt({ moment: momentFor(decision, now), date: today, areas: snapshot.settings.selfCare.categories, own: snapshot.settings.selfCare.prompts, shown: [] })?.text}
      </p>
      <div class="actions">
        {history.length > 1 && (
          <button type="button" onClick={() => history.back()}>
            Go back
          </button>
        )}
        {site && (
          <CrisisConfirm
            what={site.name}
            minutes={minutes}
            onConfirm={() => send({ type: 'startException', scope: { type: 'site', siteId: site.id }, minutes })}
          />
        )}
      </div>
    </>
  );
}
