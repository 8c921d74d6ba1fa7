/**
 * Whether the browser lets Clocked Out reach the sites chosen: if not, one button asks for all of
 * them in the click (the browser shows its prompt only then), and a refusal is explained.
 */
import { plural } from '@/utils/i18n';
import { t } from '@/stores/i18n';
import { useEffect, useState } from 'preact/hooks';
import { siteAccessOrigins } from '@/utils/patterns';
import type { Site } from '@/utils/types';
import { Unguarded } from '@/components/Unguarded';

export interface AccessCheckProps {
  /** The sites the draft guards. */
  sites: readonly Site[];
  /** `permissions.contains({ origins })`. */
  contains(origins: string[]): Promise<boolean>;
  /** `permissions.request({ origins })`; called synchronously in the click. */
  request(origins: string[]): Promise<boolean>;
  /** Says nothing while it checks or when nothing is withheld (the guide's last page, after a skip or the start). */
  onlyIfWithheld?: boolean;
}

export function AccessCheck({ sites, contains, request, onlyIfWithheld = false }: AccessCheckProps) {
  const [missing, setMissing] = useState<Site[] | null>(null);
  const [refused, setRefused] = useState(false);
  const key = sites.map((s) => s.id).join(' ');

  const check = async () => {
    const granted = await Promise.all(sites.map((site) => contains(siteAccessOrigins(site)).catch(() => false)));
    setMissing(sites.filter((_, i) => !granted[i]));
  };
  useEffect(() => {
    void check();
  }, [key]);

  if (onlyIfWithheld && !missing?.length) return null;
  if (missing === null) return <p class="hint">{t('acChecking')}</p>;
  if (!sites.length) return <p>{t('acNoTools')}</p>;
  if (!missing.length) {
    return (
      <p class="ok" role="status">
        {plural(t, sites.length, 'acAll_one', 'acAll_other')}
      </p>
    );
  }
  return (
    <div class="access">
      <p>{plural(t, missing.length, 'acMissing_one', 'acMissing_other')}</p>
      <Unguarded
        sites={missing}
        request={(origins) => {
          // No await before this call: the browser shows its prompt only during the click.
          const answer = request(origins);
          void answer.then(
            (ok) => {
              setRefused(!ok);
              return check();
            },
            () => undefined,
          );
          return answer;
        }}
      />
      {refused && <p class="hint">{t('acGoOn', t('allowAccess'))}</p>}
    </div>
  );
}
