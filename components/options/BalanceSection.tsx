/**
 * The "Balance" section (docs/ARCHITECTURE.md, "History"): the last 8 weeks as a chart — after-hours
 * minutes per week, crisis exceptions as marks, time paid back — with a table holding the same
 * figures as its text alternative, and this week by day. Computed here from the history
 * (utils/balance.ts): the worker only records.
 */
import { BALANCE_WEEKS, minutesInWords, type Balance } from '@/utils/balance';
import { shortDate } from '@/utils/clock';
import { t } from '@/stores/i18n';
import { weekdayOf } from '@/utils/zoned-time';

const W = 560;
const H = 200;
const TOP = 24;
const BOTTOM = 28;
const LEFT = 8;

export function BalanceSection({ balance }: { balance: Balance | null }) {
  if (!balance) return <p class="hint">{t('blReading')}</p>;
  const { weeks } = balance;
  const most = Math.max(60, ...weeks.map((w) => Math.max(w.afterHoursMinutes, w.paidBackMinutes)));
  const slot = (W - LEFT * 2) / weeks.length;
  const bar = slot / 3;
  const height = (m: number) => ((H - TOP - BOTTOM) * m) / most;
  const thisWeek = weeks[weeks.length - 1];
  return (
    <div class="balance">
      <p class="balance-owed">
        {balance.owedMinutes > 0 ? t('blOwed', minutesInWords(t, balance.owedMinutes)) : t('blNothingOwed')}
        {balance.heavy && ` ${t('blHeavy')}`}
      </p>
      <figure class="balance-chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="balance-chart-title balance-chart-desc" focusable="false">
          <title id="balance-chart-title">{t('blChartTitle', BALANCE_WEEKS)}</title>
          <desc id="balance-chart-desc">{t('blChartDesc')}</desc>
          <line x1={LEFT} x2={W - LEFT} y1={H - BOTTOM} y2={H - BOTTOM} class="axis" />
          {weeks.map((w, i) => {
            const x = LEFT + i * slot + slot / 6;
            const after = height(w.afterHoursMinutes);
            const paid = height(w.paidBackMinutes);
            return (
              <g key={w.week}>
                <rect class="bar-after" x={x} y={H - BOTTOM - after} width={bar} height={after} />
                <rect class="bar-paid" x={x + bar} y={H - BOTTOM - paid} width={bar} height={paid} />
                {w.exceptions.map((_, n) => (
                  <circle key={n} class="mark-exception" cx={x + bar / 2} cy={H - BOTTOM - after - 6 - n * 8} r={3} />
                ))}
                <text class="week-label" x={x + bar} y={H - 8} text-anchor="middle">
                  {shortDate(t, w.week)}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption class="balance-legend">
          <span class="key key-after" aria-hidden="true" /> {t('blKeyAfter')} <span class="key key-paid" aria-hidden="true" /> {t('blKeyPaid')}{' '}
          <span class="key key-exception" aria-hidden="true" /> {t('blKeyException')}
        </figcaption>
      </figure>
      <table class="balance-table">
        <caption>{t('blWeeks', BALANCE_WEEKS)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('blWeekOf')}</th>
            <th scope="col">{t('afterHours')}</th>
            <th scope="col">{t('blExceptions')}</th>
            <th scope="col">{t('blPaidBack')}</th>
            <th scope="col">{t('blOwedEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week}>
              <th scope="row">{shortDate(t, w.week)}</th>
              <td>{minutesInWords(t, w.afterHoursMinutes)}</td>
              <td>{t('blOfLimit', w.exceptions.length, balance.weeklyLimit)}</td>
              <td>{minutesInWords(t, w.paidBackMinutes)}</td>
              <td>{minutesInWords(t, w.owedMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {thisWeek && (
        <table class="balance-table">
          <caption>{t('blByDay')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('blDay')}</th>
              <th scope="col">{t('afterHours')}</th>
            </tr>
          </thead>
          <tbody>
            {thisWeek.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{t('gridDay', t(`d_${weekdayOf(d.date)}`), shortDate(t, d.date))}</th>
                <td>{minutesInWords(t, d.afterHoursMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{t('blHint', t('clockOutNow'))}</p>
    </div>
  );
}
