/**
 * Do not disturb: after hours, work sites' web notifications are muted through Chrome's
 * contentSettings (an optional permission, asked for when the clinician switches it on); when work
 * starts the extension's own settings are cleared and the browser's apply again. Firefox has no
 * such API: there, and wherever the permission is not granted, this does nothing.
 */
import { mutedPatterns } from '@/utils/patterns';
import type { Decision } from '@/utils/policy';
import type { Settings } from '@/utils/settings';
import type { Site } from '@/utils/types';

/** The slice of `chrome.contentSettings.notifications` used here. */
export interface NotificationSettingApi {
  set(details: { primaryPattern: string; setting: 'block'; scope: 'regular' }): Promise<void>;
  clear(details: { scope: 'regular' }): Promise<void>;
}

/** `chrome.contentSettings.notifications` where the browser has it and the permission is granted. */
export function notificationSettings(): NotificationSettingApi | undefined {
  // Read at each use: the API appears only once the optional permission is granted.
  const chrome = (globalThis as { chrome?: { contentSettings?: { notifications?: NotificationSettingApi } } }).chrome;
  return chrome?.contentSettings?.notifications;
}

export function createNotificationsMuteEffect(api: () => NotificationSettingApi | undefined = notificationSettings) {
  let applied: string | null = null;
  return async (decision: Decision, sites: readonly Site[], { settings }: { settings: Settings }) => {
    const notifications = api();
    if (!notifications) return;
    const patterns = settings.muteNotifications ? mutedPatterns(sites, decision.siteActions) : [];
    const key = JSON.stringify(patterns);
    if (key === applied) return;
    // Clearing removes only what this extension set; the clinician's own choices stay underneath.
    await notifications.clear({ scope: 'regular' });
    for (const primaryPattern of patterns) await notifications.set({ primaryPattern, setting: 'block', scope: 'regular' });
    applied = key;
  };
}
