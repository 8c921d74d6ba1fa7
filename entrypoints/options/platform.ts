/**
 * The options page's doors to the browser: host access for custom sites, the notifications
 * permission, the clipboard and downloads. Each is small so the sections stay testable without them.
 */
import { browser } from 'wxt/browser';
import type { HostAccess } from '@/components/options/CustomSites';
import { permissionOrigins } from '@/utils/patterns';

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
