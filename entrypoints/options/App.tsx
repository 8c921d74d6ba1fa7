/**
 * The options page. Every change is written at once (no Save button) and read back from storage,
 * so what is shown is what the guard enforces; a change made on another options page, another
 * computer or by the practice's policy shows here without a reload.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AfterHoursSection } from '@/components/options/AfterHoursSection';
import { CustomSites } from '@/components/options/CustomSites';
import { ClockSection } from '@/components/options/ClockSection';
import { DataSection, type ReplaceResult } from '@/components/options/DataSection';
import { DaysOffSection } from '@/components/options/DaysOffSection';
import { DoNotDisturbSection } from '@/components/options/DoNotDisturbSection';
import { BalanceSection } from '@/components/options/BalanceSection';
import { ExceptionsSection } from '@/components/options/ExceptionsSection';
import { HistoryData } from '@/components/options/HistoryData';
import { HoursEditor } from '@/components/options/HoursEditor';
import { PrivacySection } from '@/components/options/PrivacySection';
import { SelfCareSection } from '@/components/options/SelfCareSection';
import { Section, type Change } from '@/components/options/shared';
import { PrivateWindows } from '@/components/PrivateWindows';
import { SitesSection } from '@/components/options/SitesSection';
import { TimeZoneSection } from '@/components/options/TimeZoneSection';
import { WeekPreview } from '@/components/options/WeekPreview';
import { Unguarded, useUnguarded } from '@/components/Unguarded';
import { history, watchHistory } from '@/stores/history';
import { balanceOf, BALANCE_WEEKS, type Balance } from '@/utils/balance';
import type { HistoryEvent } from '@/utils/history-events';
import { weekBounds } from '@/utils/ledger';
import { decide } from '@/utils/policy';
import type { Settings } from '@/utils/settings';
import { isSettingsChange, readSettingsState, type SettingsState, updateSettings } from '@/stores/storage';
import { localParts, MINUTE, resolveTimeZone } from '@/utils/zoned-time';
import { t } from '@/stores/i18n';
import type { MessageKey } from '@/utils/i18n';
import { copyText, downloadText, hasNotificationControl, hostAccess, requestNotificationControl, supportedZones, systemZone, useMinuteClock } from './platform';

/** Each section's id and its title's message. */
const SECTIONS = [
  ['hours', 'secHours'],
  ['time-zone', 'secZone'],
  ['clock', 'secClock'],
  ['days-off', 'secDaysOff'],
  ['sites', 'secSites'],
  ['exceptions', 'secExceptions'],
  ['self-care', 'secSelfCare'],
  ['balance', 'secBalance'],
  ['after-hours', 'secAfterHours'],
  ['do-not-disturb', 'secDnd'],
  ['data', 'secData'],
  ['privacy', 'secPrivacy'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

export function App() {
  const [state, setState] = useState<SettingsState | null>(null);
  const now = useMinuteClock();
  const [zones] = useState(supportedZones);
  const [notifications] = useState(hasNotificationControl);
  const unguarded = useUnguarded();

  const reload = useCallback(async () => {
    const next = await readSettingsState();
    setState(next);
    return next;
  }, []);

  useEffect(() => {
    void reload();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (isSettingsChange(changes, area)) void reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);

  const update = useCallback(
    async (change: Change) => {
      const result = await updateSettings(change);
      if (!result.ok) return result.errors;
      await reload();
      return [];
    },
    [reload],
  );

  const replace = useCallback(
    async (next: Settings): Promise<ReplaceResult> => {
      let previous: Settings | null = null;
      const result = await updateSettings((current) => {
        previous = current;
        return next;
      });
      if (!result.ok || !previous) return { ok: false, errors: result.ok ? [t('notRead')] : result.errors };
      const after = await reload();
      return { ok: true, previous, settings: after.settings };
    },
    [reload],
  );

  // The balance, from the history itself: read again with each settings change and each minute.
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [added, setAdded] = useState(0);
  useEffect(() => watchHistory(() => setAdded((n) => n + 1)), []);
  useEffect(() => {
    let live = true;
    history.between(0, Number.POSITIVE_INFINITY).then(
      (list) => live && setEvents(list),
      () => live && setEvents(null),
    );
    return () => {
      live = false;
    };
  }, [state, now, added]);

  if (!state) return <p class="loading">{t('loadingSettings')}</p>;
  const { settings, locked, notice } = state;
  const system = systemZone();
  const timeZone = resolveTimeZone(settings.timeZone, system);
  const today = localParts(now, timeZone).date;
  const common = { settings, update, locked };
  const sections = SECTIONS.filter(([id]) => id !== 'do-not-disturb' || notifications);

  return (
    <>
      <header class="top">
        <h1>{t('optTitle')}</h1>
        <p class="intro">{t('optIntro')}</p>
        <p class="guide-link">
          <a href="welcome.html">{t('optGuide')}</a>
        </p>
        {locked.length > 0 && <p class="notice">{t('optLocked')}</p>}
        {notice && (
          <p class="notice" role="alert">
            {notice}
          </p>
        )}
        <nav aria-label={t('sections')}>
          <ul>
            {sections.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(title)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <Section id="hours" title={t('secHours')} intro={t('introHours')}>
          <HoursEditor {...common} />
          <WeekPreview settings={settings} now={now} timeZone={timeZone} />
        </Section>
        <Section id="time-zone" title={t('secZone')}>
          <TimeZoneSection {...common} systemTimeZone={system} zones={zones} />
        </Section>
        <Section id="clock" title={t('secClock')} intro={t('introClock')}>
          <ClockSection {...common} />
        </Section>
        <Section id="days-off" title={t('secDaysOff')} intro={t('introDaysOff')}>
          <DaysOffSection {...common} today={today} />
        </Section>
        <Section id="sites" title={t('secSites')} intro={t('introSites')}>
          <Unguarded {...unguarded} request={(origins) => browser.permissions.request({ origins })} />
          <PrivateWindows allowed={() => browser.extension.isAllowedIncognitoAccess()} />
          <SitesSection {...common} />
          <CustomSites {...common} access={hostAccess} />
        </Section>
        <Section id="exceptions" title={t('secExceptions')}>
          <ExceptionsSection {...common} />
        </Section>
        <Section id="self-care" title={t('secSelfCare')}>
          <SelfCareSection {...common} />
        </Section>
        <Section id="balance" title={t('secBalance')} intro={t('introBalance')}>
          <BalanceSection balance={balanceNow(events, settings, now, timeZone)} />
        </Section>
        <Section id="after-hours" title={t('secAfterHours')} intro={t('introAfterHours')}>
          <AfterHoursSection {...common} nextOpening={decide(settings, now, timeZone).nextWorkAt} now={now} timeZone={timeZone} copy={copyText} />
        </Section>
        {notifications && (
          <Section id="do-not-disturb" title={t('secDnd')}>
            <DoNotDisturbSection {...common} requestControl={requestNotificationControl} />
          </Section>
        )}
        <Section id="data" title={t('secData')}>
          <DataSection settings={settings} replace={replace} download={downloadText} today={today} />
          <HistoryData
            readAll={() => history.between(0, Date.now() + MINUTE)}
            clear={() => history.clear()}
            download={downloadText}
            today={today}
            timeZone={timeZone}
          />
        </Section>
        <Section id="privacy" title={t('secPrivacy')}>
          <PrivacySection />
        </Section>
      </main>
    </>
  );
}

/** What is owed over the last 8 weeks, from the events of that window; null until they are read. */
function balanceNow(events: HistoryEvent[] | null, settings: Settings, now: number, timeZone: string): Balance | null {
  if (!events) return null;
  const from = weekBounds(now, timeZone, BALANCE_WEEKS - 1).from;
  return balanceOf(
    events.filter((e) => e.at >= from || e === events[0]),
    settings,
    { now, timeZone },
  );
}
