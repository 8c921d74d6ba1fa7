/** What a crisis exception opens: the choices offered, and the words for each. */
import { CATEGORY_WORDS } from './names';
import { CATEGORIES, type Category, type ExceptionScope, type Site } from '@/utils/types';

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
export function scopeWords(scope: ExceptionScope, sites: readonly Site[]): string {
  if (scope.type === 'all') return 'all work sites';
  if (scope.type === 'category') return `all ${CATEGORY_WORDS[scope.category]}`;
  return sites.find((s) => s.id === scope.siteId)?.name ?? 'that site';
}

export interface ScopeGroup {
  readonly category: Category;
  readonly label: string;
  readonly sites: readonly Site[];
}

/** The enabled sites by category, categories in the usual order, sites by name; empty categories left out. */
export function scopeGroups(sites: readonly Site[]): ScopeGroup[] {
  return CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_WORDS[category].replace(/^./, (c) => c.toUpperCase()),
    sites: sites.filter((s) => s.category === category).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((g) => g.sites.length > 0);
}
