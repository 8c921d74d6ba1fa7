import { describeWeek, type WeekLedger } from '@/utils/ledger';
import { t } from '@/stores/i18n';

/** This week in one line: after-hours minutes and crisis exceptions against the weekly limit. */
export function WeekBalance({ ledger }: { ledger: WeekLedger | null }) {
  const over = ledger !== null && ledger.exceptionsUsed > ledger.weeklyLimit;
  return <p class={over ? 'week week-over' : 'week'}>{ledger ? describeWeek(t, ledger) : t('weekCounting')}</p>;
}
