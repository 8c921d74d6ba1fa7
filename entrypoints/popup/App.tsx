import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageClock } from '@/components/clock';
import { CrisisCountdown } from '@/components/CrisisCountdown';
import { CrisisFlow } from '@/components/CrisisFlow';
import { DayTimeline } from '@/components/DayTimeline';
import { PromptCard } from '@/components/PromptCard';
import { StatusLine } from '@/components/StatusLine';
import { ClockOut, TodayOff } from '@/components/TodayOff';
import { DayOffPicker, WeeklyReview, type ReviewAction } from '@/components/WeeklyReview';
import { dayOffSuggestedItem, reviewedWeekItem } from '@/stores/review-store';
import { shortDate, showTime } from '@/utils/clock';
import { clockOutChoice, eveningNextWeek, fridayAfternoon, reviewDue, withBlock, withoutBlock } from '@/utils/review';
import { Unguarded, unguardedOf } from '@/components/Unguarded';
import { WeekBalance } from '@/components/WeekBalance';
import { weekCount } from '@/utils/crisis';
import { balanceOf, BALANCE_WEEKS, DAY_OFF_WEEKS } from '@/utils/balance';
import { weekBounds } from '@/utils/ledger';
import { decide } from '@/utils/policy';
import { momentFor } from '@/utils/prompts';
import { enabledSites } from '@/utils/sites';
import { localParts } from '@/utils/zoned-time';
import { addReviewDayOff, changeSettings, clockOutNow, openSettings, send, takeTodayOff, undoClockOut, undoReviewDayOff, undoTodayOff } from './actions';
import { useSnapshot } from '@/components/worker';
import { useCurrentSite, useHistory, useItem, usePrompt, useTicker } from './hooks';
import { todayOffChoice } from '@/utils/today-off';
import { t } from '@/stores/i18n';
import { ErrorAlert } from '@/components/Action';

/** The popup: today's boundary at a glance, a prompt, the crisis toggle and the day off. */
/** The suggestion to plan a day off after weeks without one: at most once a week (the week is marked as soon as it shows). */
function DayOffSuggestion({ week, today, onShown }: { week: string; today: string; onShown(week: string, dismissed?: boolean): void }) {
  useEffect(() => onShown(week), [week]);
  return (
    <section class="review" aria-labelledby="day-off-heading">
      <h2 id="day-off-heading">{t('dsTitle')}</h2>
      <p>{t('dsText', DAY_OFF_WEEKS)}</p>
      <DayOffPicker today={today} addDayOff={(date) => addReviewDayOff(date, today)} undoDayOff={undoReviewDayOff} label={t('dsPlan')} />
      <button type="button" class="link" onClick={() => onShown(week, true)}>
        {t('dsNotThisWeek')}
      </button>
    </section>
  );
}

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
  // The balance runs over 8 weeks, read with two more (to know the history is older than 8 weeks,
  // for the day-off suggestion); read again whenever exceptions start, change or end.
  // And after the popup itself wrote to it ("Clock out now", "Take today off" and their undo).
  const [written, setWritten] = useState(0);
  const afterWrite = (action: () => Promise<string | null>) => async () => {
    const error = await action();
    setWritten((n) => n + 1);
    return error;
  };
  const events = useHistory(weekBounds(now, timeZone, BALANCE_WEEKS + 1).from, `${written} ${JSON.stringify(snapshot?.exceptions ?? [])}`);
  const balance = events && settings ? balanceOf(events, settings, { now, timeZone }) : null;
  const today = localParts(now, timeZone).date;
  const moment = decision ? momentFor(decision, now, balance?.heavy ?? false) : 'afterHours';
  const [reviewed, setReviewed] = useItem(reviewedWeekItem);
  const [suggested, setSuggestedItem] = useItem(dayOffSuggestedItem);
  // Shown in this popup: it stays while the popup is open, though the week is marked as shown.
  const [shownNow, setShownNow] = useState(false);
  const setSuggested = (week: string, dismissed = false) => {
    setShownNow(!dismissed);
    setSuggestedItem(week);
  };
  const prompt = usePrompt(settings ? { moment, date: today, areas: settings.selfCare.categories, own: settings.selfCare.prompts } : null);

  useEffect(() => {
    // For bench/: opening the popup → the state in words on screen.
    if (snapshot !== undefined) performance.mark('clocked-out:popup-rendered');
  }, [snapshot !== undefined]);

  if (snapshot === undefined) return <p class="loading">{t('loading')}</p>;
  if (!settings || !decision) {
    return (
      <>
        <h1>{t('starting')}</h1>
        <p>{t('startingNote')}</p>
        <button type="button" onClick={showSettings}>
          {t('openSettings')}
        </button>
        <ErrorAlert message={settingsError} />
      </>
    );
  }
  const offChoice = todayOffChoice(settings, today, timeZone);
  const clock = pageClock(settings.clock);
  const outChoice = clockOutChoice(settings, now, timeZone);
  // The weekly review, once the week's last work range is over (and not yet dismissed).
  const dueWeek = balance && reviewed !== undefined ? reviewDue(settings, now, timeZone, reviewed) : null;
  const reviewWeek = dueWeek ? balance?.weeks.find((w) => w.week === dueWeek) : undefined;
  const reviewActions: ReviewAction[] = [];
  const friday = fridayAfternoon(settings, today, timeZone);
  if (friday?.date) {
    reviewActions.push({
      label: t('rvFriday'),
      done: t('rvFridayDone', shortDate(t, friday.date), showTime(friday.from, clock)),
      run: () => changeSettings((s) => withBlock(s, friday)),
      undo: () => changeSettings((s) => withoutBlock(s, friday)),
    });
  }
  const evening = eveningNextWeek(settings, now, timeZone);
  reviewActions.push({
    label: t('rvEvening'),
    done: t('rvEveningDone', shortDate(t, evening.date ?? today), showTime(evening.from, clock)),
    run: () => changeSettings((s) => withBlock(s, evening)),
    undo: () => changeSettings((s) => withoutBlock(s, evening)),
  });
  // No day off in weeks: suggested at most once a week (the week it was shown is kept).
  const thisMonday = weekBounds(now, timeZone).week;
  const suggestDayOff = !reviewWeek && (shownNow || (balance?.dayOffDue === true && suggested !== undefined && suggested !== thisMonday));
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
      <StatusLine decision={decision} now={now} timeZone={timeZone} clock={clock} />
      <DayTimeline settings={settings} now={now} timeZone={timeZone} exceptions={snapshot.exceptions} />
      <PromptCard prompt={prompt} moment={moment} />
      <section class="crisis" aria-labelledby="crisis-heading">
        <h2 id="crisis-heading">{t('crTitle')}</h2>
        {running.map((e) => (
          <CrisisCountdown
            key={e.id}
            exception={e}
            sites={sites}
            now={now}
            timeZone={timeZone}
            clock={clock}
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
          clock={clock}
          another={running.length > 0}
          onStart={(scope, minutes) => send({ type: 'startException', scope, minutes })}
        />
      </section>
      <WeekBalance balance={balance} />
      {reviewWeek && balance && (
        <WeeklyReview
          balance={balance}
          week={reviewWeek}
          today={today}
          actions={reviewActions}
          addDayOff={(date) => addReviewDayOff(date, today)}
          undoDayOff={undoReviewDayOff}
          onDismiss={() => setReviewed(reviewWeek.week)}
        />
      )}
      {suggestDayOff && <DayOffSuggestion week={thisMonday} today={today} onShown={setSuggested} />}
      <footer class="footer">
        {outChoice && (
          <ClockOut
            choice={outChoice}
            onTake={afterWrite(() => clockOutNow(settings, today, timeZone))}
            onUndo={afterWrite(() => undoClockOut(today, timeZone))}
          />
        )}
        {offChoice && <TodayOff choice={offChoice} onTake={afterWrite(() => takeTodayOff(today))} onUndo={afterWrite(() => undoTodayOff(today, timeZone))} />}
        <button type="button" class="link" onClick={showSettings}>
          {t('openSettings')}
        </button>
        <ErrorAlert message={settingsError} />
      </footer>
    </>
  );
}
