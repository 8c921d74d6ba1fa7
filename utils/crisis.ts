/** A crisis exception: the choices offered, the words for each, and the one flow every page shows. */
import type { Clock } from './clock';
import { describeInstant } from './describe';
import { localeOf, plural, type Translate } from './i18n';
import { CATEGORIES, type Category, type ExceptionScope, type Site } from './types';
import { MINUTE } from './zoned-time';

/** A scope as one string, for a `<select>`: `all`, `category:ehr`, `site:simplepractice`. */
export function scopeKey(scope: ExceptionScope): string {
  return scope.type === 'all' ? 'all' : scope.type === 'category' ? `category:${scope.category}` : `site:${scope.siteId}`;
}

/** The scope a key names, or null if it names nothing known. */
export function scopeFromKey(key: string, sites: readonly Site[]): ExceptionScope | null {
  if (key === 'all') return { type: 'all' };
  const [type, value = ''] = key.split(/:(.*)/s);
  if (type === 'category' && (CATEGORIES as readonly string[]).includes(value)) return { type: 'category', category: value as Category };
  if (type === 'site' && sites.some((s) => s.id === value)) return { type: 'site', siteId: value };
  return null;
}

/** "all work sites", "all EHRs", "SimplePractice". */
export function scopeWords(t: Translate, scope: ExceptionScope, sites: readonly Site[]): string {
  if (scope.type === 'all') return t('allSites');
  if (scope.type === 'category') return t(`all_${scope.category}`);
  return sites.find((s) => s.id === scope.siteId)?.name ?? t('thatSite');
}

export interface ScopeGroup {
  readonly category: Category;
  readonly label: string;
  readonly sites: readonly Site[];
}

/** The enabled sites by category, categories in the usual order, sites by name; empty categories left out. */
export function scopeGroups(t: Translate, sites: readonly Site[]): ScopeGroup[] {
  return CATEGORIES.map((category) => ({
    category,
    label: t(`cat_${category}`),
    sites: sites.filter((s) => s.category === category).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((g) => g.sites.length > 0);
}

/*
 * The crisis exception as one flow, the same in the popup, the blocked page and the page guard's
 * overlay and dim bar (docs/ARCHITECTURE.md, "Where to change what"): each renders the view this
 * file computes and sends the request it names. Nothing here touches the DOM.
 */

/** The steps, in order: what opens, for how long, then one confirmation. */
export const CRISIS_STEPS = ['scope', 'minutes', 'confirm'] as const;
export type CrisisStep = (typeof CRISIS_STEPS)[number];
/** The steps that are a choice. */
export type ChoiceStep = Exclude<CrisisStep, 'confirm'>;

/** The durations always offered, in minutes; the clinician's default from settings joins them. */
export const CRISIS_MINUTES: readonly number[] = [15, 30, 60];

/** 15, 30 and 60 minutes and the default, in order, each once. */
export function minuteChoices(defaultMinutes: number): number[] {
  return [...new Set([...CRISIS_MINUTES, defaultMinutes])].sort((a, b) => a - b);
}

/** Crisis exceptions started this week and the weekly limit (a count the clinician is told about, never a lock). */
export interface WeekCount {
  readonly used: number;
  readonly limit: number;
}

/** What the worker leaves in the snapshot for the pages and the page guards: the week's bounds, its count and the limit. Counts only. */
export interface CrisisWeek extends WeekCount {
  /** The local week as instants, `[from, to)`. */
  readonly from: number;
  readonly to: number;
}

/** The count as it stands at `now`: past the week's end, a new week has none yet; before it (a clock set back), not known. */
export function weekCount(week: CrisisWeek | null | undefined, now: number): WeekCount | null {
  if (!week) return null;
  if (now >= week.to) return { used: 0, limit: week.limit };
  if (now < week.from) return null;
  return { used: week.used, limit: week.limit };
}

/** What the flow is shown with. */
export interface CrisisInput {
  /** The enabled sites. */
  readonly sites: readonly Site[];
  /** The work site of this tab (the blocked page's, the overlay's, the popup's active tab), if any. */
  readonly currentSiteId: string | null;
  /** From settings (`exceptions.defaultMinutes`). */
  readonly defaultMinutes: number;
  /** This week's count; null while not known. */
  readonly week: WeekCount | null;
  readonly now: number;
  readonly timeZone: string;
  /** How times are written (the settings' `clock`, in the browser's language). */
  readonly clock: Clock;
  /** True when a crisis exception runs already. */
  readonly another?: boolean;
  /**
   * The overlay and dim bar of a work page: it may ask the worker for its own site only
   * (utils/request-policy.ts), so this site is the only choice; all work sites open from the popup.
   */
  readonly ownSiteOnly?: boolean;
}

/** What the clinician has chosen so far: a scope key (`scopeKey`) and minutes. */
export interface CrisisChoice {
  readonly scope: string;
  readonly minutes: number;
}

export interface CrisisOption {
  /** A scope key, or minutes as a string. */
  readonly value: string;
  readonly label: string;
  /** The heading it is listed under (a category), when the list is long enough to need one. */
  readonly group?: string;
}

export interface ChoiceView {
  readonly step: ChoiceStep;
  /** The question the step asks. */
  readonly legend: string;
  readonly options: readonly CrisisOption[];
  /** The chosen option's value. */
  readonly value: string;
}

export interface LimitLine {
  readonly text: string;
  /** This one goes past the limit. */
  readonly over: boolean;
}

export interface CrisisView {
  /** The button that opens the flow. */
  readonly opener: string;
  /** The name of the flow's group. */
  readonly title: string;
  /** The choices to make, in order; a step with only one answer is left out. */
  readonly choices: readonly ChoiceView[];
  /** "Open SimplePractice until 20:30 (30 minutes)?" */
  readonly question: string;
  /** What an exception is, in one kind line. */
  readonly note: string;
  /** Where this one stands against the weekly limit; null while the count is not known. */
  readonly limit: LimitLine | null;
  /** The confirming button. */
  readonly confirm: string;
  readonly cancel: string;
  /** What the confirming button asks the worker for. */
  readonly request: { readonly type: 'startException'; readonly scope: ExceptionScope; readonly minutes: number };
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd" (English; "1.ª", "1re" …: the language's ordinal rules pick the message). */
export function ordinal(t: Translate, n: number): string {
  const form = new Intl.PluralRules(localeOf(t), { type: 'ordinal' }).select(n);
  return t(form === 'one' ? 'ord_one' : form === 'two' ? 'ord_two' : form === 'few' ? 'ord_few' : 'ord_other', n);
}

/**
 * Where the exception about to start stands against the weekly limit, said before it is
 * confirmed. A limit is something the clinician set for themselves: going past it is said plainly
 * and without blame, and never stops a crisis exception.
 */
export function limitLine(t: Translate, week: WeekCount): LimitLine {
  const n = week.used + 1;
  const which = ordinal(t, n);
  if (n < week.limit) return { text: t('limUnder', which, week.limit), over: false };
  if (n === week.limit) return { text: t('limLast', which, week.limit), over: false };
  return { text: t('limOver', which, week.limit), over: true };
}

/**
 * What can open: this site or all work sites (a work page's own panel: this site only); with no
 * site at hand (the popup on another tab), all, each category and each site.
 */
export function scopeOptions(t: Translate, sites: readonly Site[], currentSiteId: string | null, ownSiteOnly = false): CrisisOption[] {
  const current = currentSiteId ? sites.find((s) => s.id === currentSiteId) : undefined;
  const all: CrisisOption = { value: 'all', label: t('allSitesCap') };
  if (current) {
    const only: CrisisOption = { value: scopeKey({ type: 'site', siteId: current.id }), label: t('onlySite', current.name) };
    return sites.length > 1 && !ownSiteOnly ? [only, all] : [only];
  }
  if (sites.length <= 1) return [all, ...sites.map((s) => ({ value: scopeKey({ type: 'site', siteId: s.id }), label: s.name }))];
  return [
    all,
    ...scopeGroups(t, sites).flatMap((g) => [
      ...(g.sites.length > 1 ? [{ value: scopeKey({ type: 'category', category: g.category }), label: t(`allCap_${g.category}`), group: g.label }] : []),
      ...g.sites.map((s) => ({ value: scopeKey({ type: 'site', siteId: s.id }), label: s.name, group: g.label })),
    ]),
  ];
}

/** Where the flow starts: this site if there is one, otherwise all work sites, for the default minutes. */
export function initialChoice(input: Pick<CrisisInput, 'sites' | 'currentSiteId' | 'defaultMinutes'>): CrisisChoice {
  const current = input.currentSiteId && input.sites.some((s) => s.id === input.currentSiteId);
  return { scope: current ? scopeKey({ type: 'site', siteId: input.currentSiteId! }) : 'all', minutes: input.defaultMinutes };
}

/** The choice with one step answered; an answer that is not on offer changes nothing. */
export function choose(t: Translate, input: CrisisInput, choice: CrisisChoice, step: ChoiceStep, value: string): CrisisChoice {
  if (step === 'scope')
    return scopeOptions(t, input.sites, input.currentSiteId, input.ownSiteOnly).some((o) => o.value === value) ? { ...choice, scope: value } : choice;
  const minutes = Number(value);
  return minuteChoices(input.defaultMinutes).includes(minutes) ? { ...choice, minutes } : choice;
}

/** Everything the flow shows and sends for this choice. */
export function crisisView(t: Translate, input: CrisisInput, choice: CrisisChoice): CrisisView {
  const scopes = scopeOptions(t, input.sites, input.currentSiteId, input.ownSiteOnly);
  const scopeValue = scopes.some((o) => o.value === choice.scope) ? choice.scope : (scopes[0]?.value ?? 'all');
  const scope = scopeFromKey(scopeValue, input.sites) ?? { type: 'all' as const };
  const durations = minuteChoices(input.defaultMinutes);
  const minutes = durations.includes(choice.minutes) ? choice.minutes : input.defaultMinutes;
  const until = describeInstant(t, input.now + minutes * MINUTE, input.now, input.timeZone, input.clock);
  const choices: ChoiceView[] = [
    { step: 'scope', legend: t('crWhat'), options: scopes, value: scopeValue },
    { step: 'minutes', legend: t('crHowLong'), options: durations.map((m) => ({ value: String(m), label: t('min', m) })), value: String(minutes) },
  ];
  return {
    opener: t(input.another ? 'crAnother' : 'crOpen'),
    title: t('crTitle'),
    choices: choices.filter((c) => c.options.length > 1),
    question: t('crQuestion', scopeWords(t, scope, input.sites), until, plural(t, minutes, 'minutes_one', 'minutes_other')),
    note: t('crNote'),
    limit: input.week ? limitLine(t, input.week) : null,
    confirm: t('crYes', until),
    cancel: t('cancel'),
    request: { type: 'startException', scope, minutes },
  };
}
