/**
 * What every page shares with the worker: the snapshot it leaves (watched, so a page follows each
 * decision) and the one way to ask it for something (docs/ARCHITECTURE.md, "The pages").
 */
import { t } from '@/stores/i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { snapshotItem, type Snapshot } from '@/stores/snapshot';
import type { Request, Response } from '@/utils/messages';

/** Sends `request` to the worker; resolves to its error message, or null when it was done. */
export async function askWorker(request: Request): Promise<string | null> {
  try {
    const response = (await browser.runtime.sendMessage(request)) as Response | undefined;
    return response?.ok ? null : (response?.error ?? t('noAnswer'));
  } catch (error) {
    return t('noAnswerWhy', String(error));
  }
}

/** The snapshot (undefined while it loads, null before the worker first wrote it) and the time it was last seen. */
export function useSnapshot(): { snapshot: Snapshot | null | undefined; now: number; setNow(now: number): void } {
  const [snapshot, setSnapshot] = useState<Snapshot | null | undefined>(undefined);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const seen = (value: Snapshot | null) => {
      setSnapshot(value);
      setNow(Date.now());
    };
    void snapshotItem.getValue().then(seen);
    return snapshotItem.watch(seen);
  }, []);
  return { snapshot, now, setNow };
}
