import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHistoryLog } from '@/stores/history-log';
import { parseRequest, type Response } from '@/utils/messages';
import { checkRequest } from '@/utils/request-policy';
import { exposeTestHooks } from '@/utils/test-hooks';
import { enabledSites } from '@/utils/sites';
import { idleItem, SNAPSHOT_KEY, snapshotItem } from '@/stores/snapshot';
import {
  exceptionsItem,
  isSettingsChange,
  readExceptions,
  readSettings,
  readSettingsState,
  uncoveredTabsItem,
  windDownNoticeItem,
  wrapUpsItem,
} from '@/stores/storage';
import { BOUNDARY_ALARM, createAlarmsEffect } from './alarms';
import { createAccess } from './access';
import { createBadge } from './badge';
import { createGuard } from './guard';
import { createNotificationsMuteEffect } from './notifications-mute';
import { createReguard, type InjectApi, type TabsApi } from './reguard';
import { createRulesEffect, type DnrApi } from './rules';
import { createStylesEffect, type ScriptingApi } from './styles';
import { welcomeOnFirstInstall } from './welcome';
import { createWindDownEffect } from './wind-down';

export default defineBackground(() => {
  let refresh: () => Promise<void> = async () => {};
  const history = createHistoryLog();
  const access = createAccess(browser.permissions);
  // A tab closing may be one the guard could not get into after an update. Listened to from the
  // start, as every listener must be, and only while such tabs are left: otherwise closing a tab
  // must not wake the worker.
  const onTabClosed = () => void refresh();
  browser.tabs.onRemoved.addListener(onTabClosed);
  const reguard = createReguard(
    browser.tabs as unknown as TabsApi,
    browser.scripting as unknown as InjectApi,
    { get: () => uncoveredTabsItem.getValue(), set: (count) => uncoveredTabsItem.setValue(count) },
    (count) => {
      if (count === 0) browser.tabs.onRemoved.removeListener(onTabClosed);
      else if (!browser.tabs.onRemoved.hasListener(onTabClosed)) browser.tabs.onRemoved.addListener(onTabClosed);
    },
  );
  const badge = createBadge(browser.action, access.check, reguard.check);
  const rules = createRulesEffect(browser.declarativeNetRequest as unknown as DnrApi, browser.runtime.getURL('/blocked.html'));
  const guard = createGuard({
    now: Date.now,
    systemTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    readSettings,
    readExceptions,
    writeExceptions: (list) => exceptionsItem.setValue(list),
    readWrapUps: () => wrapUpsItem.getValue(),
    writeWrapUps: (record) => wrapUpsItem.setValue(record),
    writeSnapshot: (snapshot) => snapshotItem.setValue({ ...snapshot, unguarded: access.last(), unruled: rules.dropped(), uncovered: reguard.last() }),
    newId: () => crypto.randomUUID(),
    record: (event) => history.record(event),
    countExceptions: (from, to) => history.count('exceptionStarted', from, to),
    announce: badge.announce,
    effects: [
      rules,
      createStylesEffect(browser.scripting as unknown as ScriptingApi),
      access.effect,
      reguard.effect,
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
  // Settings as the worker reads them, for the real-browser tests' build only. (The options page's
  // test hooks offer `writeSettings`: the worker writes none, and the write path is 2 kB.)
  if (__CLOCKED_OUT_TEST_HOOKS__) exposeTestHooks({ readSettingsState });

  // Every listener is registered synchronously, so an event that wakes the worker is never missed.
  // A new version (installed, updated, reloaded): the old page guards died with the old one. The
  // open work tabs are guarded at once, then a refresh shows any the browser refused (if even the
  // looking failed, the refresh tries again and reports its failure).
  browser.runtime.onInstalled.addListener(() => {
    void refresh();
    void readSettings()
      .then(({ settings }) => reguard.all(enabledSites(settings)))
      .catch(() => undefined)
      .finally(() => refresh());
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
  // Withdrawn from a work site that had it: the site-access page says why and asks for it again
  // (entrypoints/access; a custom site removed in the options page loses its access too, but is
  // no longer among the sites, so nothing opens). "Had it" is the last snapshot's word, which
  // outlives a stopped background; the read goes out before the refresh writes a new one.
  browser.permissions.onAdded.addListener(() => void refresh());
  browser.permissions.onRemoved.addListener(() => {
    void Promise.all([snapshotItem.getValue(), refresh()]).then(([before]) => {
      if (access.last().some((id) => !before?.unguarded?.includes(id))) void browser.tabs.create({ url: browser.runtime.getURL('/access.html') });
    });
  });
  // Waking from sleep: missed alarms fire too, but the machine's time zone may have changed.
  // Idle or locked time is not foreground use: the page guards end their spells when it began.
  browser.idle.onStateChanged.addListener((state) => {
    void idleItem.setValue(state === 'active' ? null : Date.now() - (state === 'idle' ? 60_000 : 0));
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
      .handle(request, (sites) => checkRequest(request, sender, self, sites), sender.url)
      .catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  });
  // Any wake-up re-checks: cheap, and it catches a time-zone change noticed only now.
  void refresh();
});
