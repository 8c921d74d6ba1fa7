import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CrisisCountdown } from '@/components/CrisisCountdown';
import { CrisisFlow } from '@/components/CrisisFlow';
import { DayTimeline } from '@/components/DayTimeline';
import { PromptCard } from '@/components/PromptCard';
import { StatusLine } from '@/components/StatusLine';
import { TodayOff } from '@/components/TodayOff';
import { Unguarded, unguardedOf } from '@/components/Unguarded';
import { WeekBalance } from '@/components/WeekBalance';
import { weekCount } from '@/utils/crisis';
import { balanceOf, BALANCE_WEEKS } from '@/utils/balance';
import { weekBounds } from '@/utils/ledger';
import { decide } from '@/utils/policy';
import { momentFor } from '@/utils/prompts';
import { enabledSites } from '@/utils/sites';
import { localParts } from '@/utils/zoned-time';
import { openSettings, send, takeTodayOff, undoTodayOff } from './actions';
import { useSnapshot } from '@/components/worker';
import { useCurrentSite, useHistory, usePrompt, useTicker } from './hooks';
import { todayOffChoice } from '@/utils/today-off';

/** The popup: today's boundary at a glance, a prompt, the crisis toggle and the day off. */
export function App() {
  const { snapshot, now, setNow } = useSnapshot();
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const showSettings = async () => setSettingsError(await openSettings());
  const settings = snapshot?.settings;
  const timeZone = snapshot?.timeZone ?? 'UTC';
  const decision = settings ? decide(settings, now, timeZone, { exceptions: snapshot.exceptions }) : null;
  const running = decision?.activeExceptions.filter((e) => e.kind === 'crisis') ?? [];
  useTicker(setNow, now, decision?.nextChangeAt ?? null, running.length > 0);

  const sites = settings ? enabledSites(settings) : [];
  const currentSiteId = useCurrentSite(sites);
  // The balance runs over 8 weeks; read again whenever exceptions start, change or end.
  const events = useHistory(weekBounds(now, timeZone, BALANCE_WEEKS - 1).from, JSON.stringify(snapshot?.exceptions ?? []));
  const balance = events && settings ? balanceOf(events, settings, { now, timeZone }) : null;
  const today = localParts(now, timeZone).date;
  const moment = decision ? momentFor(decision, now, balance?.heavy ?? false) : 'afterHours';
  const prompt = usePrompt(settings ? { moment, date: today, areas: settings.selfCare.categories, own: settings.selfCare.prompts } : null);

  useEffect(() => {
    // For bench/: opening the popup → the state in words on screen.
    if (snapshot !== undefined) performance.mark('clocked-out:popup-rendered');
  }, [snapshot !== undefined]);

  if (snapshot === undefined) return <p class="loading">Loading…</p>;
  if (!settings || !decision) {
    return (
      <>
        <h1>Clocked Out is starting…</h1>
        <p>Your hours apply as soon as it has read your settings.</p>
        <button type="button" onClick={showSettings}>
          Open settings
        </button>
        {settingsError && (
          <p class="error" role="alert">
            {settingsError}
          </p>
        )}
      </>
    );
  }
  const offChoice = todayOffChoice(settings, today, timeZone);
  // The sites left without rules are named in the notice already.
  const unguarded = unguardedOf(snapshot);
  return (
    <>
      {snapshot.notice && (
        <p class="notice" role="status">
          {snapshot.notice}
        </p>
      )}
      <Unguarded sites={unguarded.sites} uncovered={unguarded.uncovered} request={(origins) => browser.permissions.request({ origins })} />
      <StatusLine decision={decision} now={now} timeZone={timeZone} />
      <DayTimeline settings={settings} now={now} timeZone={timeZone} exceptions={snapshot.exceptions} />
      <PromptCard prompt={prompt} moment={moment} />
      <section class="crisis" aria-labelledby="crisis-heading">
        <h2 id="crisis-heading">Crisis exception</h2>
        {running.map((e) => (
          <CrisisCountdown
            key={e.id}
            exception={e}
            sites={sites}
            now={now}
            timeZone={timeZone}
            onExtend={(id, minutes) => send({ type: 'extendException', id, minutes })}
            onEnd={(id) => send({ type: 'endException', id })}
          />
        ))}
        <CrisisFlow
          sites={sites}
          defaultMinutes={settings.exceptions.defaultMinutes}
          currentSiteId={currentSiteId}
          week={weekCount(snapshot.crisisWeek, now)}
          timeZone={timeZone}
          another={running.length > 0}
          onStart={(scope, minutes) => send({ type: 'startException', scope, minutes })}
        />
      </section>
      <WeekBalance balance={balance} />
      <footer class="footer">
        {offChoice && <TodayOff choice={offChoice} onTake={() => takeTodayOff(today)} onUndo={() => undoTodayOff(today, timeZone)} />}
        <button type="button" class="link" onClick={showSettings}>
          Open settings
        </button>
        {settingsError && (
          <p class="error" role="alert">
            {settingsError}
          </p>
        )}
      </footer>
    </>
  );
}
