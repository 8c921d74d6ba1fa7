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
import { copyText, downloadText, hasNotificationControl, hostAccess, requestNotificationControl, supportedZones, systemZone, useMinuteClock } from './platform';

const SECTIONS = [
  ['hours', 'Work hours'],
  ['time-zone', 'Time zone'],
  ['clock', 'Clock'],
  ['days-off', 'Days off'],
  ['sites', 'Work sites'],
  ['exceptions', 'Exceptions'],
  ['self-care', 'Self-care'],
  ['balance', 'Balance'],
  ['after-hours', 'After-hours message'],
  ['do-not-disturb', 'Do not disturb'],
  ['data', 'Your data'],
  ['privacy', 'Privacy'],
] as const;

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
      if (!result.ok || !previous) return { ok: false, errors: result.ok ? ['Your settings could not be read.'] : result.errors };
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

  if (!state) return <p class="loading">Loading your settings…</p>;
  const { settings, locked, notice } = state;
  const system = systemZone();
  const timeZone = resolveTimeZone(settings.timeZone, system);
  const today = localParts(now, timeZone).date;
  const common = { settings, update, locked };
  const sections = SECTIONS.filter(([id]) => id !== 'do-not-disturb' || notifications);

  return (
    <>
      <header class="top">
        <h1>Clocked Out settings</h1>
        <p class="intro">Changes apply as soon as you make them.</p>
        <p class="guide-link">
          <a href="welcome.html">Set up again with the welcome guide</a>
        </p>
        {locked.length > 0 && <p class="notice">Some settings are set by your practice and cannot be changed here.</p>}
        {notice && (
          <p class="notice" role="alert">
            {notice}
          </p>
        )}
        <nav aria-label="Sections">
          <ul>
            {sections.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <Section id="hours" title="Work hours" intro="Outside these hours your work sites are blocked or dimmed. Add as many ranges to a day as you need.">
          <HoursEditor {...common} />
          <WeekPreview settings={settings} now={now} timeZone={timeZone} />
        </Section>
        <Section id="time-zone" title="Time zone">
          <TimeZoneSection {...common} systemTimeZone={system} zones={zones} />
        </Section>
        <Section id="clock" title="Clock" intro="How every time is written, here, in the toolbar popup, on blocked pages and in notifications.">
          <ClockSection {...common} />
        </Section>
        <Section id="days-off" title="Days off" intro="Whole days without work: nothing is open, not even the tail of the night before.">
          <DaysOffSection {...common} today={today} />
        </Section>
        <Section
          id="sites"
          title="Work sites"
          intro="Blocked sites do not load after hours; dimmed ones stay usable, grey, with a note. Switch on only what you use for work."
        >
          <Unguarded {...unguarded} request={(origins) => browser.permissions.request({ origins })} />
          <SitesSection {...common} />
          <CustomSites {...common} access={hostAccess} />
        </Section>
        <Section id="exceptions" title="Exceptions">
          <ExceptionsSection {...common} />
        </Section>
        <Section id="self-care" title="Self-care">
          <SelfCareSection {...common} />
        </Section>
        <Section
          id="balance"
          title="Balance"
          intro="Heavy weeks happen; what matters is that they are paid back with personal time over the weeks that follow."
        >
          <BalanceSection balance={balanceNow(events, settings, now, timeZone)} />
        </Section>
        <Section id="after-hours" title="After-hours message" intro="For your email auto-reply or voicemail: tell clients when you are reachable.">
          <AfterHoursSection {...common} nextOpening={decide(settings, now, timeZone).nextWorkAt} now={now} timeZone={timeZone} copy={copyText} />
        </Section>
        {notifications && (
          <Section id="do-not-disturb" title="Do not disturb">
            <DoNotDisturbSection {...common} requestControl={requestNotificationControl} />
          </Section>
        )}
        <Section id="data" title="Your data">
          <DataSection settings={settings} replace={replace} download={downloadText} today={today} />
          <HistoryData
            readAll={() => history.between(0, Date.now() + MINUTE)}
            clear={() => history.clear()}
            download={downloadText}
            today={today}
            timeZone={timeZone}
          />
        </Section>
        <Section id="privacy" title="Privacy">
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
