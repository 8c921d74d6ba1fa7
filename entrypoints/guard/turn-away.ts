import { nativeBrowser } from '@/stores/native-browser';

/**
 * Stops `win`'s document and replaces it with the blocked page, the address in the fragment as the
 * browser's redirect rule puts it (the blocked page keeps it in memory only and finds the site
 * from it). Does nothing once the extension's context is gone.
 */
export function turnAway(win: Pick<Window, 'stop' | 'location'>, siteId?: string): boolean {
  let blockedPage: string;
  try {
    blockedPage = nativeBrowser().runtime.getURL('/blocked.html');
  } catch {
    return false;
  }
  const href = win.location.href;
  win.stop();
  win.location.replace(`${blockedPage}${siteId ? `?site=${encodeURIComponent(siteId)}` : ''}#${href}`);
  return true;
}
