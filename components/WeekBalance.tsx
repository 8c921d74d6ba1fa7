import { describeBalance, type Balance } from '@/utils/balance';
import { t } from '@/stores/i18n';

/** This week in one line: after-hours minutes, crisis exceptions against the weekly limit, what is owed. */
export function WeekBalance({ balance }: { balance: Balance | null }) {
  const week = balance?.weeks[balance.weeks.length - 1];
  const over = balance !== null && week !== undefined && week.exceptions.length > balance.weeklyLimit;
  return (
    <p class={over ? 'week week-over' : 'week'} data-testid="week-balance">
      {balance ? describeBalance(t, balance) : t('weekCounting')}
    </p>
  );
}
