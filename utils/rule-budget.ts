/**
 * Fitting the blocking rules to the browser's limits: a regex the browser's engine refuses (an
 * address too long for its memory limit) or more rules than it takes must not make it refuse the
 * whole set and keep yesterday's rules. Sites are taken in order (the catalogue first, then the
 * clinician's own) while they fit; the rest are named so the clinician knows they are unguarded.
 */

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
export function nameList(names: readonly string[], max = 10): string {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The notice for dropped sites, by reason, naming them; null if none was dropped. */
export function droppedNotice(dropped: ReadonlyArray<{ name: string; reason: DropReason }>, limit: number): string | null {
  const by = (reason: DropReason) => dropped.filter((d) => d.reason === reason).map((d) => d.name);
  const parts: string[] = [];
  const unsupported = by('unsupported');
  const overLimit = by('limit');
  if (unsupported.length)
    parts.push(
      `Could not guard ${nameList(unsupported)}: the browser's blocking rules cannot take ${unsupported.length > 1 ? 'these addresses (too long or too complex)' : 'this address (too long or too complex)'}.`,
    );
  if (overLimit.length)
    parts.push(`Could not guard ${nameList(overLimit)}: too many sites for the browser's limit of ${limit} blocking rules; remove some of your own sites.`);
  return parts.join(' ') || null;
}
