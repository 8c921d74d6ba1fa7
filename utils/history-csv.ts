/** The after-hours history as CSV, for a spreadsheet: local date and time, what, which site, minutes. Pure. */
import type { HistoryEvent } from '@/utils/history-events';
import { hhmm } from './clock';
import { localParts } from './zoned-time';

const KIND_WORDS: Record<HistoryEvent['kind'], string> = {
  exceptionStarted: 'exception started',
  exceptionEnded: 'exception ended',
  wrapUp: 'wrap-up',
  blockedVisit: 'blocked visit',
  dimmedVisit: 'dimmed visit',
  dayOff: 'day off',
};

/** A CSV field, quoted when it holds a comma, a quote or a line break; a leading =+-@ is defused for spreadsheets. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per event, oldest first, with a header; times in `timeZone`. */
export function historyCsv(events: readonly HistoryEvent[], timeZone: string): string {
  const lines = [['date', 'time', 'event', 'site', 'category', 'minutes'].join(',')];
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    const { date, minutes } = localParts(event.at, timeZone);
    // A spreadsheet reads 24-hour HH:MM, whatever the clinician's clock.
    const time = hhmm(minutes);
    const site = event.site === null ? 'all work sites' : event.site.replace(/^custom:/, '');
    lines.push([date, time, KIND_WORDS[event.kind], site, event.category ?? '', Math.round(event.minutes * 10) / 10].map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
