import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { history } from '@/stores/history';
import { parseRequest, type Response } from '@/utils/messages';
import { checkRequest } from '@/utils/request-policy';
import { enabledSites } from '@/utils/sites';
import { SNAPSHOT_KEY, snapshotItem } from '@/stores/snapshot';
import { exceptionsItem, isSettingsChange, readExceptions, readSettings, readSettingsState, windDownNoticeItem, wrapUpsItem, writeSettings } from '@/stores/storage';
import { BOUNDARY_ALARM, createAlarmsEffect } from './alarms';
import { createAccess } from './access';
import { createBadge } from './badge';
import { createGuard } from './guard';
import { createNotificationsMuteEffect } from './notifications-mute';
import { reguardOpenTabs, type InjectApi, type TabsApi } from './reguard';
import { createRulesEffect, type DnrApi } from './rules';
import { createStylesEffect, type ScriptingApi } from './styles';
import { exposeTestHooks } from './test-hooks';
import { welcomeOnFirstInstall } from './welcome';
import { createWindDownEffect } from './wind-down';

export default defineBackground(() => {
  let refresh: () => Promise<void> = async () => {};
  const access = createAccess(browser.permissions);
  const badge = createBadge(browser.action, access.check);
  const rules = createRulesEffect(browser.declarativeNetRequest as unknown as DnrApi, browser.runtime.getURL('/blocked.html'));
  const guard = createGuard({
    now: Date.now,
    systemTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    readSettings,
    readExceptions,
    writeExceptions: (list) => exceptionsItem.setValue(list),
    readWrapUps: () => wrapUpsItem.getValue(),
    writeWrapUps: (record) => wrapUpsItem.setValue(record),
    writeSnapshot: (snapshot) => snapshotItem.setValue({ ...snapshot, unguarded: access.last(), unruled: rules.dropped() }),
    newId: () => crypto.randomUUID(),
    record: (event) => history.record(event),
    countExceptions: async (from, to) => (await history.between(from, to)).filter((e) => e.kind === 'exceptionStarted').length,
    announce: badge.announce,
    effects: [
      rules,
      createStylesEffect(browser.scripting as unknown as ScriptingApi),
      access.effect,
      badge.effect,
      createWindDownEffect(browser.notifications, browser.runtime.getURL('/icon/128.png'), {
        get: () => windDownNoticeItem.getValue(),
        set: (value) => windDownNoticeItem.setValue(value),
      }),
      createAlarmsEffect(browser.alarms, () => refresh()),
      createNotificationsMuteEffect(),
    ],
  });
  refresh = guard.refresh;
  // Settings as the worker reads and writes them, for the real-browser tests' build only.
  exposeTestHooks({ readSettingsState, writeSettings });

  // Every listener is registered synchronously, so an event that wakes the worker is never missed.
  // A new version (installed, updated, reloaded): the old page guards died with the old one.
  browser.runtime.onInstalled.addListener(() => {
    void refresh();
    void readSettings()
      .then(({ settings }) => reguardOpenTabs(browser.tabs as unknown as TabsApi, browser.scripting as unknown as InjectApi, enabledSites(settings)))
      .catch(() => undefined);
  });
  browser.runtime.onInstalled.addListener((details) => void welcomeOnFirstInstall(details).catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void refresh());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BOUNDARY_ALARM) void refresh();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    // Settings synced from another computer, written by the options page or set by a practice's
    // policy; the snapshot is ours.
    if (isSettingsChange(changes, area) || (area === 'local' && 'exceptions' in changes && !(SNAPSHOT_KEY in changes))) void refresh();
  });
  // Host access given or withdrawn (in the browser's menu, or by the popup's request): re-check.
  browser.permissions.onAdded.addListener(() => void refresh());
  browser.permissions.onRemoved.addListener(() => void refresh());
  // Waking from sleep: missed alarms fire too, but the machine's time zone may have changed.
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'active') void refresh();
  });
  // A message that is not ours at all gets no answer (it may be meant for another listener); one
  // of ours that is malformed, or asks for more than its sender may, is refused and changes nothing.
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<Response> | undefined => {
    const parsed = parseRequest(message);
    if (!parsed) return undefined;
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const { request } = parsed;
    return guard
      .handle(request, (sites) => checkRequest(request, sender, self, sites))
      .catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  });
  // Any wake-up re-checks: cheap, and it catches a time-zone change noticed only now.
  void refresh();
});
