/**
 * The words of the product are the browser's i18n messages (`locales/<lang>/messages.json`,
 * docs/ARCHITECTURE.md, "Languages"). The engine never reads them itself: a function that says
 * something takes a `Translate` argument, which the pages, the worker and the page guard make from
 * the browser's `i18n.getMessage` (stores/i18n.ts) and the tests from a catalogue (`translator`).
 */
import type english from '../locales/en/messages.json';

/** A message's name; English is the complete catalogue, the others are held to the same keys (tests/unit/i18n.test.ts). */
export type MessageKey = keyof typeof english;

/** A substitution: a name, a formatted time, a count. */
export type Sub = string | number;

/** The message `key` with `$1`…`$9` replaced by `subs`, in the browser's language. */
export type Translate = (key: MessageKey, ...subs: Sub[]) => string;

/** A catalogue as `messages.json` holds it. */
export type Catalogue = Readonly<Record<string, { readonly message: string }>>;

/** `$1`…`$9` replaced by the substitutions and `$$` by `$`, as `i18n.getMessage` does. */
export function fill(message: string, subs: readonly Sub[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : String(subs[Number(which) - 1] ?? '')));
}

/** A `Translate` over one catalogue (the tests'; the browser's own is in stores/i18n.ts). A missing key reads as itself. */
export function translator(catalogue: Catalogue): Translate {
  return (key, ...subs) => fill(catalogue[key]?.message ?? key, subs);
}

/**
 * The catalogue's language (its `locale` message, `en-GB`, `es`, `fr-CA`) for `Intl`; the
 * runtime's own where the messages are out of reach (a page guard whose extension was updated).
 */
export const localeOf = (t: Translate): string | undefined => t('locale') || undefined;

/**
 * The plural form for `count` in the catalogue's language (its `locale` message), `one` or
 * `other`: the browser's messages have no plural rules of their own. French says "0 onglet", so
 * the rules decide, not `count === 1`.
 */
export function plural(t: Translate, count: number, one: MessageKey, other: MessageKey, ...more: Sub[]): string {
  return t(new Intl.PluralRules(localeOf(t)).select(count) === 'one' ? one : other, count, ...more);
}
