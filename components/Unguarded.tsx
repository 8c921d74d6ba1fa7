/**
 * The work sites the guard cannot reach, in one line: those the browser withholds access to, with
 * the button that asks for it (the browser shows its prompt only straight from a click), those
 * left without blocking rules, and how many open work tabs it could not get into after an update.
 * Shown by the popup and the options page from the worker's snapshot.
 */
import { t } from '@/stores/i18n';
import { useEffect, useState } from 'preact/hooks';
import { useSnapshot } from './worker';
import { uncoveredTabs } from '@/utils/describe';
import { siteAccessOrigins } from '@/utils/patterns';
import { nameList } from '@/utils/rule-budget';
import { enabledSites } from '@/utils/sites';
import type { Snapshot } from '@/stores/snapshot';
import type { Site } from '@/utils/types';

export interface UnguardedProps {
  /** Sites without host access. */
  sites: readonly Site[];
  /** Sites the browser's rule limits left out (named in the worker's notice too). */
  unruled?: readonly Site[];
  /** How many open work tabs the guard could not get into after an update. */
  uncovered?: number;
  /** `permissions.request({ origins })`; called synchronously in the click. */
  request(origins: string[]): Promise<boolean>;
}

/** What a snapshot says is unguarded: the enabled sites without access or rules, and the count of open tabs. */
export function unguardedOf(snapshot: Snapshot | null | undefined): { sites: Site[]; unruled: Site[]; uncovered: number } {
  if (!snapshot) return { sites: [], unruled: [], uncovered: 0 };
  const all = enabledSites(snapshot.settings);
  const pick = (ids: readonly string[] | undefined) => all.filter((site) => ids?.includes(site.id));
  return { sites: pick(snapshot.unguarded), unruled: pick(snapshot.unruled), uncovered: snapshot.uncovered ?? 0 };
}

/** The snapshot's unguarded sites and tabs, kept up to date (for pages that do not read the snapshot otherwise). */
export function useUnguarded(): { sites: Site[]; unruled: Site[]; uncovered: number } {
  return unguardedOf(useSnapshot().snapshot ?? null);
}

export function Unguarded({ sites, unruled = [], uncovered = 0, request }: UnguardedProps) {
  const [status, setStatus] = useState<string | null>(null);
  const key = sites.map((s) => s.id).join(' ');
  // A new list (access given or withdrawn elsewhere) clears what was said about the old one.
  useEffect(() => setStatus(null), [key]);
  if (!sites.length && !unruled.length && !(uncovered > 0)) return null;
  const names = nameList(
    t,
    sites.map((s) => s.name),
  );

  const ask = () => {
    // No await before this call: the browser shows its prompt only during the click.
    const answer = request([...new Set(sites.flatMap(siteAccessOrigins))]);
    setStatus(t('accWaiting', names));
    void answer.then(
      (ok) => setStatus(t(ok ? 'accGiven' : 'accRefused', names)),
      (reason: unknown) => setStatus(t('accFailed', reason instanceof Error ? reason.message : String(reason))),
    );
  };

  return (
    <div class="unguarded" role="group" aria-label={t('notGuardedLabel')}>
      {sites.length > 0 && (
        <p class="notice">
          {t('withheld', names)}{' '}
          <button type="button" class="warn" onClick={ask}>
            {t('allowAccess')}
          </button>
        </p>
      )}
      {unruled.length > 0 && (
        <p class="notice">
          {t(
            'unruled',
            nameList(
              t,
              unruled.map((s) => s.name),
            ),
          )}
        </p>
      )}
      {uncovered > 0 && <p class="notice">{uncoveredTabs(t, uncovered)}</p>}
      <p class="unguarded-status" role="status">
        {status}
      </p>
    </div>
  );
}
