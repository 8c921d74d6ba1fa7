/**
 * The after-hours history as CSV, for a spreadsheet: local date and time, what, which site,
 * minutes, and for a crisis exception or a wrap-up its planned length, actual length and the
 * minutes used within it (usage.ts), kept apart. The options page explains each column
 * (`CSV_COLUMNS`). Pure.
 */
import type { HistoryEvent } from '@/utils/history-events';
import { hhmm } from './clock';
import { exceptionRecords } from './usage';
import { localParts } from './zoned-time';

/** Each column and what it holds, in order: the options page shows these words. */
export const CSV_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['date', 'the local date'],
  ['time', 'the local time (24-hour)'],
  ['event', 'what happened: exception started or ended, wrap-up, blocked or dimmed visit, day off, foreground use, clocked out early'],
  ['site', 'the site (never an address), or "all work sites"'],
  ['category', 'EHR, practice, telehealth or email'],
  [
    'minutes',
    'planned minutes for a start or a wrap-up, its actual length for an end, the length of a spell of foreground use, the work given back by "Clock out now"',
  ],
  ['planned minutes', 'for an exception or a wrap-up: the length asked for'],
  ['actual minutes', 'for an exception or a wrap-up: from its start to its end (or now, while it runs)'],
  ['minutes used', 'for an exception or a wrap-up: the minutes its sites were actually in the foreground within it'],
];

const KIND_WORDS: Record<HistoryEvent['kind'], string> = {
  exceptionStarted: 'exception started',
  exceptionEnded: 'exception ended',
  wrapUp: 'wrap-up',
  blockedVisit: 'blocked visit',
  dimmedVisit: 'dimmed visit',
  dayOff: 'day off',
  usage: 'foreground use',
  clockedOut: 'clocked out early',
};

/** A CSV field, quoted when it holds a comma, a quote or a line break; a leading =+-@ is defused for spreadsheets. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const tenth = (minutes: number) => Math.round(minutes * 10) / 10;

/** One line per event, oldest first, with a header; times in `timeZone`; a running exception's actual length is up to `now`. */
export function historyCsv(events: readonly HistoryEvent[], timeZone: string, now = Number.POSITIVE_INFINITY): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  const sorted = [...events].sort((a, b) => a.at - b.at);
  const records = exceptionRecords(sorted, now);
  for (const event of sorted) {
    const { date, minutes } = localParts(event.at, timeZone);
    // A spreadsheet reads 24-hour HH:MM, whatever the clinician's clock.
    const time = hhmm(minutes);
    const site = event.site === null ? 'all work sites' : event.site.replace(/^custom:/, '');
    const starts = event.kind === 'exceptionStarted' || event.kind === 'wrapUp';
    const record = starts ? records.find((r) => r.startedAt === event.at && r.site === event.site && r.category === event.category) : undefined;
    const kept = record ? [tenth(record.plannedMinutes), tenth(record.actualMinutes), tenth(record.usedMinutes)] : ['', '', ''];
    lines.push([date, time, KIND_WORDS[event.kind], site, event.category ?? '', tenth(event.minutes), ...kept].map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
