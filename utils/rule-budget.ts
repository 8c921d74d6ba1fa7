/**
 * Fitting the blocking rules to the browser's limits: a regex the browser's engine refuses (an
 * address too long for its memory limit) or more rules than it takes must not make it refuse the
 * whole set and keep yesterday's rules. Sites are taken in order (the catalogue first, then the
 * clinician's own) while they fit; the rest are named so the clinician knows they are unguarded.
 */
import { localeOf, type Translate } from './i18n';

export type DropReason = 'unsupported' | 'limit';

export interface SiteRegexes<S> {
  readonly site: S;
  /** The regexes of the site's rules (one per host pattern). */
  readonly regexes: readonly string[];
}

export interface Budget<S> {
  readonly kept: S[];
  readonly dropped: Array<{ site: S; reason: DropReason }>;
}

/**
 * Keeps each site whose regexes the engine supports, in order, while the total stays within
 * `limit` rules; a site is kept or dropped whole. `isSupported` is asked once per distinct regex.
 */
export async function fitRules<S>(entries: readonly SiteRegexes<S>[], isSupported: (regex: string) => Promise<boolean>, limit: number): Promise<Budget<S>> {
  const distinct = [...new Set(entries.flatMap((e) => e.regexes))];
  const answers = await Promise.all(distinct.map((regex) => isSupported(regex).catch(() => false)));
  const supported = new Map(distinct.map((regex, i) => [regex, answers[i]]));
  const kept: S[] = [];
  const dropped: Budget<S>['dropped'] = [];
  let used = 0;
  for (const { site, regexes } of entries) {
    if (!regexes.every((regex) => supported.get(regex))) dropped.push({ site, reason: 'unsupported' });
    else if (used + regexes.length > limit) dropped.push({ site, reason: 'limit' });
    else {
      kept.push(site);
      used += regexes.length;
    }
  }
  return { kept, dropped };
}

/** "a, b, c and 7 more": names in a notice stay readable however many there are. */
export function nameList(t: Translate, names: readonly string[], max = 10): string {
  const shown = names.length <= max ? names : [...names.slice(0, max), t('more', names.length - max)];
  return new Intl.ListFormat(localeOf(t), { type: 'conjunction' }).format(shown);
}

/** The notice for dropped sites, by reason, naming them; null if none was dropped. */
export function droppedNotice(t: Translate, dropped: ReadonlyArray<{ name: string; reason: DropReason }>, limit: number): string | null {
  const by = (reason: DropReason) => dropped.filter((d) => d.reason === reason).map((d) => d.name);
  const parts: string[] = [];
  const unsupported = by('unsupported');
  const overLimit = by('limit');
  if (unsupported.length) parts.push(t(unsupported.length > 1 ? 'dropUnsup_other' : 'dropUnsup_one', nameList(t, unsupported)));
  if (overLimit.length) parts.push(t('dropLimit', nameList(t, overLimit), limit));
  return parts.join(' ') || null;
}
