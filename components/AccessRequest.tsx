/**
 * The page the worker opens when the browser withdraws a work site's access (entrypoints/access/):
 * one sentence saying why Clocked Out needs the sites, and one button asking for all of them in
 * the click (the browser shows its prompt only then). At the first install the welcome guide's
 * access step asks instead (components/welcome/AccessCheck.tsx).
 */
import { useState } from 'preact/hooks';
import { t } from '@/stores/i18n';
import { siteAccessOrigins } from '@/utils/patterns';
import { nameList } from '@/utils/rule-budget';
import type { Site } from '@/utils/types';

export interface AccessRequestProps {
  /** The enabled sites the browser withholds, from the worker's snapshot; null while it loads. */
  sites: readonly Site[] | null;
  /** `permissions.request({ origins })`; called synchronously in the click. */
  request(origins: string[]): Promise<boolean>;
}

export function AccessRequest({ sites, request }: AccessRequestProps) {
  const [status, setStatus] = useState<string | null>(null);
  if (sites === null) return <p>{t('acChecking')}</p>;
  if (!sites.length) {
    return (
      <>
        <h1>{t('arAllGuarded')}</h1>
        <p role="status">{t('arAllGuardedNote')}</p>
      </>
    );
  }
  const names = nameList(
    t,
    sites.map((s) => s.name),
  );
  const ask = () => {
    // No await before this call: the browser shows its prompt only during the click.
    const answer = request([...new Set(sites.flatMap(siteAccessOrigins))]);
    setStatus(null);
    void answer.then(
      (ok) => setStatus(ok ? null : t('arRefused', names)),
      (reason: unknown) => setStatus(t('accFailed', reason instanceof Error ? reason.message : String(reason))),
    );
  };
  return (
    <>
      <h1>{t('arOffFor', names)}</h1>
      <p class="why">{t(sites.length === 1 ? 'arWhyOne' : 'arWhyMany', names)}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={ask}>
          {t('allowAccess')}
        </button>
      </div>
      <p class="error" role="status">
        {status}
      </p>
    </>
  );
}
