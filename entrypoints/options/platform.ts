/**
 * The options page's doors to the browser: host access for custom sites, the notifications
 * permission, the clipboard and downloads. Each is small so the sections stay testable without them.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { HostAccess } from '@/components/options/CustomSites';
import { permissionOrigins } from '@/utils/patterns';
import { MINUTE } from '@/utils/zoned-time';

export const hostAccess: HostAccess = {
  request: (host) => browser.permissions.request({ origins: permissionOrigins(host) }),
  has: (host) => browser.permissions.contains({ origins: permissionOrigins(host) }),
  async release(host) {
    await browser.permissions.remove({ origins: permissionOrigins(host) });
  },
};

/** Whether this browser can mute sites' notifications (Chrome's contentSettings; Firefox has none). */
export function hasNotificationControl(
  manifest: { optional_permissions?: readonly unknown[]; permissions?: readonly unknown[] } = browser.runtime.getManifest(),
): boolean {
  return [...(manifest.optional_permissions ?? []), ...(manifest.permissions ?? [])].includes('contentSettings');
}

/** Asks for the contentSettings permission; call it straight from a click. */
export const requestNotificationControl = () => browser.permissions.request({ permissions: ['contentSettings'] as never[] });

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** Saves `text` as a file through the browser's download (no `downloads` permission needed). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The computer's own time zone, as the browser reports it. */
export const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every time zone the browser knows, for the time-zone list (none where it cannot say). */
export const supportedZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

/** The time now, brought up to date just after each minute turns (previews and messages move with it). */
export function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
    };
    timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
    return () => clearTimeout(timer);
  }, []);
  return now;
}
