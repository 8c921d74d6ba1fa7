import { useState } from 'preact/hooks';
import type { Balance, BalanceWeek } from '@/utils/balance';
import { shortDate } from '@/utils/clock';
import { reviewWords } from '@/utils/review';
import { t } from '@/stores/i18n';
import type { LocalDate } from '@/utils/types';
import { ErrorAlert, useAction } from './Action';

/** One action of the review: done resolves to an error message or null, and the undo likewise. */
export interface ReviewAction {
  readonly label: string;
  /** What it did, for the line with its Undo ("Friday 4 Dec from 13:00 is off"). */
  readonly done: string;
  run(): Promise<string | null>;
  undo(): Promise<string | null>;
}

export interface WeeklyReviewProps {
  balance: Balance;
  week: BalanceWeek;
  today: LocalDate;
  /** Friday afternoon off and an evening protected next week (absent when there is none to take). */
  actions: readonly ReviewAction[];
  /** A day off on the chosen date; resolves to an error message, or null; its undo likewise. */
  addDayOff(date: LocalDate): Promise<string | null>;
  undoDayOff(date: LocalDate): Promise<string | null>;
  onDismiss(): void;
}

/** A day off on a chosen date, with its undo: the weekly review's, and the suggestion's when none was taken for weeks. */
export function DayOffPicker({ today, addDayOff, undoDayOff, label }: Pick<WeeklyReviewProps, 'today' | 'addDayOff' | 'undoDayOff'> & { label?: string }) {
  const [date, setDate] = useState('');
  const [added, setAdded] = useState<LocalDate | null>(null);
  const action = useAction();
  const { busy, error } = action;
  const run = async (step: () => Promise<string | null>, after: LocalDate | null) => {
    if (!(await action.run(step))) setAdded(after);
  };
  if (added) {
    return (
      <p class="review-done">
        {t('rvIsDayOff', shortDate(t, added))}{' '}
        <button type="button" class="link" disabled={busy} onClick={() => run(() => undoDayOff(added), null)}>
          {t('undo')}
        </button>
        {error && (
          <span class="error" role="alert">
            {' '}
            {error}
          </span>
        )}
      </p>
    );
  }
  return (
    <form
      class="review-day-off"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => addDayOff(date), date);
      }}
    >
      <label>
        {t('rvDayOffOn')} <input type="date" min={today} value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} required />
      </label>
      <button type="submit" disabled={busy}>
        {label ?? t('rvAddDayOff')}
      </button>
      <ErrorAlert message={error} />
    </form>
  );
}

function ActionButton({ action }: { action: ReviewAction }) {
  const [done, setDone] = useState(false);
  const { busy, error, run: ask } = useAction();
  const run = async (step: () => Promise<string | null>, after: boolean) => {
    if (!(await ask(step))) setDone(after);
  };
  return (
    <div class="review-action">
      {done ? (
        <p class="review-done">
          {action.done}{' '}
          <button type="button" class="link" disabled={busy} onClick={() => run(action.undo, false)}>
            {t('undo')}
          </button>
        </p>
      ) : (
        <button type="button" disabled={busy} onClick={() => run(action.run, true)}>
          {action.label}
        </button>
      )}
      <ErrorAlert message={error} />
    </div>
  );
}

/** The weekly review: the week by day, exceptions against the limit, what is owed, and one-click ways to pay it back. */
export function WeeklyReview({ balance, week, today, actions, addDayOff, undoDayOff, onDismiss }: WeeklyReviewProps) {
  const words = reviewWords(t, balance, week);
  return (
    <section class={balance.heavy ? 'review review-heavy' : 'review'} aria-labelledby="review-heading">
      <h2 id="review-heading">{words.heading}</h2>
      <ul>
        {words.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{words.advice}</p>
      <div class="review-actions">
        {actions.map((action) => (
          <ActionButton key={action.label} action={action} />
        ))}
        <DayOffPicker today={today} addDayOff={addDayOff} undoDayOff={undoDayOff} />
      </div>
      <button type="button" class="link" onClick={onDismiss}>
        {t('rvDone')}
      </button>
    </section>
  );
}
