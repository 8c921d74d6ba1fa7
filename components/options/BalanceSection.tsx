/**
 * The "Balance" section (docs/ARCHITECTURE.md, "History"): the last 8 weeks as a chart — after-hours
 * minutes per week, crisis exceptions as marks, time paid back — with a table holding the same
 * figures as its text alternative, and this week by day. Computed here from the history
 * (utils/balance.ts): the worker only records.
 */
import { minutesInWords, type Balance } from '@/utils/balance';
import { shortDate } from '@/utils/clock';
import { WEEKDAY_SHORT } from '@/utils/names';
import { weekdayOf } from '@/utils/zoned-time';

const W = 560;
const H = 200;
const TOP = 24;
const BOTTOM = 28;
const LEFT = 8;

export function BalanceSection({ balance }: { balance: Balance | null }) {
  if (!balance) return <p class="hint">Reading the history…</p>;
  const { weeks } = balance;
  const most = Math.max(60, ...weeks.map((w) => Math.max(w.afterHoursMinutes, w.paidBackMinutes)));
  const slot = (W - LEFT * 2) / weeks.length;
  const bar = slot / 3;
  const height = (m: number) => ((H - TOP - BOTTOM) * m) / most;
  const thisWeek = weeks[weeks.length - 1];
  return (
    <div class="balance">
      <p class="balance-owed">
        {balance.owedMinutes > 0 ? `Owed to you now: ${minutesInWords(balance.owedMinutes)} of personal time.` : 'Nothing is owed to you now.'}
        {balance.heavy && ' A heavy stretch: plan recovery first, and bring it to peer consultation or supervision.'}
      </p>
      <figure class="balance-chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="balance-chart-title balance-chart-desc" focusable="false">
          <title id="balance-chart-title">After-hours minutes and time paid back, the last 8 weeks</title>
          <desc id="balance-chart-desc">The same figures are in the table below the chart.</desc>
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
                  {shortDate(w.week)}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption class="balance-legend">
          <span class="key key-after" aria-hidden="true" /> after hours <span class="key key-paid" aria-hidden="true" /> paid back{' '}
          <span class="key key-exception" aria-hidden="true" /> a crisis exception
        </figcaption>
      </figure>
      <table class="balance-table">
        <caption>The last 8 weeks</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">After hours</th>
            <th scope="col">Crisis exceptions</th>
            <th scope="col">Paid back</th>
            <th scope="col">Owed at the end</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week}>
              <th scope="row">{shortDate(w.week)}</th>
              <td>{minutesInWords(w.afterHoursMinutes)}</td>
              <td>{`${w.exceptions.length} of ${balance.weeklyLimit}`}</td>
              <td>{minutesInWords(w.paidBackMinutes)}</td>
              <td>{minutesInWords(w.owedMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {thisWeek && (
        <table class="balance-table">
          <caption>This week by day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">After hours</th>
            </tr>
          </thead>
          <tbody>
            {thisWeek.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{`${WEEKDAY_SHORT[weekdayOf(d.date)]} ${shortDate(d.date)}`}</th>
                <td>{minutesInWords(d.afterHoursMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">
        After hours counts the minutes a work site was actually in front of you — the active tab of a focused window — while it was open by a crisis exception
        or a wrap-up, or dimmed; not the length of the exception, not idle time, not other tabs. A day off pays back its scheduled hours, a self-care block you
        kept its length, and "Clock out now" the work it gave up. What was paid back beyond what was owed is not banked.
      </p>
    </div>
  );
}
