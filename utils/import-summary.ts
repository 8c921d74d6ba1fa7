/**
 * Settings in words: what an imported document (or "Restore defaults") changes, one line per
 * change, and the names the options page shows for categories and prompt areas. Pure.
 */
import { CATALOGUE } from './catalogue';
import type { Settings } from './settings';
import { CATEGORIES, type Range, type Weekday, WEEKDAYS } from './types';
import { type Clock, showTime, shortDate } from './clock';
import { CATEGORY_NAMES, WEEKDAY_SHORT } from './names';

export type SelfCareArea = keyof Settings['selfCare']['categories'];
export const SELF_CARE_NAMES: Record<SelfCareArea, string> = {
  boundaries: 'Boundaries',
  basics: 'Sleep, meals and movement',
  tech: 'Tools that save time',
  timeOff: 'Time off',
  support: 'Support network',
};

/** "09:00–17:00", "22:00–02:00 (past midnight)", "08:00–08:00 (24 hours)", in `clock`. */
export function rangeWords([start, end]: Range, clock: Clock): string {
  const note = end === start ? ' (24 hours)' : end < start && end !== '00:00' ? ' (past midnight)' : '';
  return `${showTime(start, clock)}–${showTime(end, clock)}${note}`;
}

/** A weekday's hours: "09:00–12:30, 13:30–17:00", or "off". */
export function dayWords(ranges: readonly Range[], clock: Clock): string {
  return ranges.length ? ranges.map((range) => rangeWords(range, clock)).join(', ') : 'off';
}

/** "Mon/Wed/Fri". */
export function weekdaysWords(days: readonly Weekday[]): string {
  return WEEKDAYS.filter((d) => days.includes(d))
    .map((d) => WEEKDAY_SHORT[d])
    .join('/');
}

/** A self-care block: "Mon/Wed/Fri 12:00–12:45 walk", in `clock`. */
export function planWords(block: Settings['selfCare']['plan'][number], clock: Clock): string {
  const when = block.date ? `On ${shortDate(block.date)}` : weekdaysWords(block.days);
  return `${when} ${showTime(block.from, clock)}–${showTime(block.to, clock)}${block.label ? ` ${block.label}` : ''}`;
}

/** The settings' `clock` choices as the options page names them. */
export const CLOCK_NAMES: Record<Settings['clock'], string> = {
  locale: "the browser language's",
  '12h': '12-hour',
  '24h': '24-hour',
};

/** "24 Dec 2026 – 1 Jan 2027 Holidays", "3 Mar 2026". */
export function daysOffWords(entry: Settings['timeOff'][number]): string {
  const day = (date: string) => `${shortDate(date)} ${date.slice(0, 4)}`;
  const when = entry.from === entry.to ? day(entry.from) : `${day(entry.from)} – ${day(entry.to)}`;
  return entry.label ? `${when} (${entry.label})` : when;
}

const zoneWords = (zone: string) => (zone === 'system' ? "the computer's zone" : zone);
const json = (value: unknown) => JSON.stringify(value);

/** Items of `after` not in `before` and the reverse, compared by `key`. */
function diff<T>(before: readonly T[], after: readonly T[], key: (item: T) => string) {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return { added: after.filter((i) => !had.has(key(i))), removed: before.filter((i) => !has.has(key(i))) };
}

function numberLine(label: string, before: number, after: number, unit = '') {
  return before === after ? [] : [`${label}: ${before}${unit} → ${after}${unit}`];
}

/**
 * What changes from `before` to `after`, one line each ("Mon: 09:00–17:00 → 08:00–16:00",
 * "Switched on: Gmail"), in the order of the options page, times in `clock`. Empty when nothing changes.
 */
export function summarizeChanges(before: Settings, after: Settings, clock: Clock): string[] {
  const lines: string[] = [];
  for (const day of WEEKDAYS) {
    if (json(before.week[day]) !== json(after.week[day]))
      lines.push(`${WEEKDAY_SHORT[day]}: ${dayWords(before.week[day], clock)} → ${dayWords(after.week[day], clock)}`);
  }
  if (before.timeZone !== after.timeZone) lines.push(`Time zone: ${zoneWords(before.timeZone)} → ${zoneWords(after.timeZone)}`);

  const daysOff = diff(before.timeOff, after.timeOff, json);
  if (daysOff.added.length) lines.push(`Days off added: ${daysOff.added.map(daysOffWords).join('; ')}`);
  if (daysOff.removed.length) lines.push(`Days off removed: ${daysOff.removed.map(daysOffWords).join('; ')}`);

  for (const category of CATEGORIES) {
    if (before.actions[category] !== after.actions[category])
      lines.push(`${CATEGORY_NAMES[category]}: ${before.actions[category]} → ${after.actions[category]}`);
  }
  const on = (s: Settings, id: string, defaultOn: boolean) => s.sites.catalogue[id] ?? defaultOn;
  const switchedOn = CATALOGUE.filter((e) => !on(before, e.id, e.defaultOn) && on(after, e.id, e.defaultOn)).map((e) => e.name);
  const switchedOff = CATALOGUE.filter((e) => on(before, e.id, e.defaultOn) && !on(after, e.id, e.defaultOn)).map((e) => e.name);
  if (switchedOn.length) lines.push(`Switched on: ${switchedOn.join(', ')}`);
  if (switchedOff.length) lines.push(`Switched off: ${switchedOff.join(', ')}`);

  const custom = diff(before.sites.custom, after.sites.custom, json);
  const site = (s: Settings['sites']['custom'][number]) => `${s.host} (${CATEGORY_NAMES[s.category]}${s.action ? `, ${s.action}` : ''})`;
  if (custom.added.length) lines.push(`Custom sites added: ${custom.added.map(site).join(', ')}`);
  if (custom.removed.length) lines.push(`Custom sites removed: ${custom.removed.map(site).join(', ')}`);

  lines.push(
    ...numberLine('Crisis exception length', before.exceptions.defaultMinutes, after.exceptions.defaultMinutes, ' min'),
    ...numberLine('Exceptions a week', before.exceptions.weeklyLimit, after.exceptions.weeklyLimit),
    ...numberLine('Wrap-up time', before.exceptions.wrapUpMinutes, after.exceptions.wrapUpMinutes, ' min'),
    ...numberLine('Wind-down warning', before.windDownMinutes, after.windDownMinutes, ' min'),
  );

  const areas = Object.keys(SELF_CARE_NAMES) as SelfCareArea[];
  const areasOn = areas.filter((a) => !before.selfCare.categories[a] && after.selfCare.categories[a]).map((a) => SELF_CARE_NAMES[a]);
  const areasOff = areas.filter((a) => before.selfCare.categories[a] && !after.selfCare.categories[a]).map((a) => SELF_CARE_NAMES[a]);
  if (areasOn.length) lines.push(`Self-care prompts switched on: ${areasOn.join(', ')}`);
  if (areasOff.length) lines.push(`Self-care prompts switched off: ${areasOff.join(', ')}`);
  const prompts = diff(before.selfCare.prompts, after.selfCare.prompts, (p) => p);
  if (prompts.added.length) lines.push(`Own prompts added: ${prompts.added.map((p) => `"${p}"`).join(', ')}`);
  if (prompts.removed.length) lines.push(`Own prompts removed: ${prompts.removed.map((p) => `"${p}"`).join(', ')}`);
  const block = (b: Settings['selfCare']['plan'][number]) => planWords(b, clock);
  const plan = diff(before.selfCare.plan, after.selfCare.plan, json);
  if (plan.added.length) lines.push(`Self-care plan added: ${plan.added.map(block).join('; ')}`);
  if (plan.removed.length) lines.push(`Self-care plan removed: ${plan.removed.map(block).join('; ')}`);

  if (before.afterHoursMessage !== after.afterHoursMessage) lines.push('After-hours message changed');
  if (before.muteNotifications !== after.muteNotifications)
    lines.push(`Do not disturb: ${before.muteNotifications ? 'on' : 'off'} → ${after.muteNotifications ? 'on' : 'off'}`);
  if (before.clock !== after.clock) lines.push(`Clock: ${CLOCK_NAMES[before.clock]} → ${CLOCK_NAMES[after.clock]}`);
  return lines;
}
