/**
 * Settings in words: what an imported document (or "Restore defaults") changes, one line per
 * change, and the names the options page shows for categories and prompt areas. Pure.
 */
import { CATALOGUE } from './catalogue';
import type { Settings } from './settings';
import { CATEGORIES, type Range, type Weekday, WEEKDAYS } from './types';
import { type Clock, showTime, shortDate } from './clock';
import type { MessageKey, Translate } from './i18n';

export type SelfCareArea = keyof Settings['selfCare']['categories'];
/** Each prompt area's name, a message. */
export const SELF_CARE_NAMES: Record<SelfCareArea, MessageKey> = {
  boundaries: 'area_boundaries',
  basics: 'area_basics',
  tech: 'area_tech',
  timeOff: 'area_timeOff',
  support: 'area_support',
};

/** "09:00–17:00", "22:00–02:00 (past midnight)", "08:00–08:00 (24 hours)", in `clock`. */
export function rangeWords(t: Translate, [start, end]: Range, clock: Clock): string {
  const range = t('range', showTime(start, clock), showTime(end, clock));
  return end === start ? t('with24h', range) : end < start && end !== '00:00' ? t('withPastMidnight', range) : range;
}

/** A weekday's hours: "09:00–12:30, 13:30–17:00", or "off". */
export function dayWords(t: Translate, ranges: readonly Range[], clock: Clock): string {
  return ranges.length ? ranges.map((r) => rangeWords(t, r, clock)).join(', ') : t('offLower');
}

/** "Mon/Wed/Fri". */
export function weekdaysWords(t: Translate, days: readonly Weekday[]): string {
  return WEEKDAYS.filter((d) => days.includes(d))
    .map((d) => t(`d_${d}`))
    .join('/');
}

/** The settings' `clock` choices as a change line names them (messages). */
export const CLOCK_NAMES: Record<Settings['clock'], MessageKey> = {
  locale: 'clockName_locale',
  '12h': 'clockName_12h',
  '24h': 'clockName_24h',
};

/** "24 Dec 2026 – 1 Jan 2027 Holidays", "3 Mar 2026". */
export function daysOffWords(t: Translate, entry: Settings['timeOff'][number]): string {
  const day = (date: string) => `${shortDate(t, date)} ${date.slice(0, 4)}`;
  const when = entry.from === entry.to ? day(entry.from) : `${day(entry.from)} – ${day(entry.to)}`;
  return entry.label ? `${when} (${entry.label})` : when;
}

const json = (value: unknown) => JSON.stringify(value);

/** Items of `after` not in `before` and the reverse, compared by `key`. */
function diff<T>(before: readonly T[], after: readonly T[], key: (item: T) => string) {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return { added: after.filter((i) => !had.has(key(i))), removed: before.filter((i) => !has.has(key(i))) };
}

function numberLine(t: Translate, label: MessageKey, before: number, after: number, minutes = false) {
  const n = (value: number) => (minutes ? t('min', value) : String(value));
  return before === after ? [] : [t('change', t(label), n(before), n(after))];
}

/**
 * What changes from `before` to `after`, one line each ("Mon: 09:00–17:00 → 08:00–16:00",
 * "Switched on: Gmail"), in the order of the options page, times in `clock`. Empty when nothing changes.
 */
export function summarizeChanges(t: Translate, before: Settings, after: Settings, clock: Clock): string[] {
  const lines: string[] = [];
  const zoneWords = (zone: string) => (zone === 'system' ? t('computerZone') : zone);
  const action = (a: Settings['actions'][keyof Settings['actions']]) => t(`actWord_${a}`);
  for (const day of WEEKDAYS) {
    if (json(before.week[day]) !== json(after.week[day]))
      lines.push(t('change', t(`d_${day}`), dayWords(t, before.week[day], clock), dayWords(t, after.week[day], clock)));
  }
  if (before.timeZone !== after.timeZone) lines.push(t('change', t('secZone'), zoneWords(before.timeZone), zoneWords(after.timeZone)));
  const daysOff = diff(before.timeOff, after.timeOff, json);
  if (daysOff.added.length) lines.push(t('daysOffAdded', daysOff.added.map((entry) => daysOffWords(t, entry)).join('; ')));
  if (daysOff.removed.length) lines.push(t('daysOffRemoved', daysOff.removed.map((entry) => daysOffWords(t, entry)).join('; ')));

  for (const category of CATEGORIES) {
    if (before.actions[category] !== after.actions[category])
      lines.push(t('change', t(`catName_${category}`), action(before.actions[category]), action(after.actions[category])));
  }
  const on = (s: Settings, id: string, defaultOn: boolean) => s.sites.catalogue[id] ?? defaultOn;
  const switchedOn = CATALOGUE.filter((e) => !on(before, e.id, e.defaultOn) && on(after, e.id, e.defaultOn)).map((e) => e.name);
  const switchedOff = CATALOGUE.filter((e) => on(before, e.id, e.defaultOn) && !on(after, e.id, e.defaultOn)).map((e) => e.name);
  if (switchedOn.length) lines.push(t('switchedOn', switchedOn.join(', ')));
  if (switchedOff.length) lines.push(t('switchedOff', switchedOff.join(', ')));

  const custom = diff(before.sites.custom, after.sites.custom, json);
  const site = (s: Settings['sites']['custom'][number]) =>
    t('customSite', s.host, s.action ? t('catAndAction', t(`catName_${s.category}`), action(s.action)) : t(`catName_${s.category}`));
  if (custom.added.length) lines.push(t('customAdded', custom.added.map(site).join(', ')));
  if (custom.removed.length) lines.push(t('customRemoved', custom.removed.map(site).join(', ')));
  lines.push(
    ...numberLine(t, 'nfCrisis', before.exceptions.defaultMinutes, after.exceptions.defaultMinutes, true),
    ...numberLine(t, 'nfWeekly', before.exceptions.weeklyLimit, after.exceptions.weeklyLimit),
    ...numberLine(t, 'nfWrap', before.exceptions.wrapUpMinutes, after.exceptions.wrapUpMinutes, true),
    ...numberLine(t, 'nfWind', before.windDownMinutes, after.windDownMinutes, true),
  );

  const areas = Object.keys(SELF_CARE_NAMES) as SelfCareArea[];
  const areasOn = areas.filter((a) => !before.selfCare.categories[a] && after.selfCare.categories[a]).map((a) => t(SELF_CARE_NAMES[a]));
  const areasOff = areas.filter((a) => before.selfCare.categories[a] && !after.selfCare.categories[a]).map((a) => t(SELF_CARE_NAMES[a]));
  if (areasOn.length) lines.push(t('areasOn', areasOn.join(', ')));
  if (areasOff.length) lines.push(t('areasOff', areasOff.join(', ')));
  const prompts = diff(before.selfCare.prompts, after.selfCare.prompts, (p) => p);
  const quoted = (p: string) => t('quoted', p);
  if (prompts.added.length) lines.push(t('promptsAdded', prompts.added.map(quoted).join(', ')));
  if (prompts.removed.length) lines.push(t('promptsRemoved', prompts.removed.map(quoted).join(', ')));
  const plan = diff(before.selfCare.plan, after.selfCare.plan, json);
  if (plan.added.length) lines.push(t('planAdded', plan.added.map((b) => planWords(t, b, clock)).join('; ')));
  if (plan.removed.length) lines.push(t('planRemoved', plan.removed.map((b) => planWords(t, b, clock)).join('; ')));

  if (before.afterHoursMessage !== after.afterHoursMessage) lines.push(t('ahmChanged'));
  if (before.muteNotifications !== after.muteNotifications)
    lines.push(t('change', t('secDnd'), t(before.muteNotifications ? 'onLower' : 'offLower'), t(after.muteNotifications ? 'onLower' : 'offLower')));
  if (before.clock !== after.clock) lines.push(t('change', t('chClock'), t(CLOCK_NAMES[before.clock]), t(CLOCK_NAMES[after.clock])));
  return lines;
}

/** A self-care block in words, in `clock`: "Mon/Wed 12:00–12:45 walk", "On 5 Jan 16:00–17:00" (a one-off block). */
export function planWords(t: Translate, block: Settings['selfCare']['plan'][number], clock: Clock): string {
  const days = block.date ? t('onDate', shortDate(t, block.date)) : weekdaysWords(t, block.days);
  const when = t('dayRange', days, t('range', showTime(block.from, clock), showTime(block.to, clock)));
  return block.label ? t('withLabel', when, block.label) : when;
}
