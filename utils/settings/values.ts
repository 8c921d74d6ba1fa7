/** How the settings code reads an untrusted value: as a plain object, and quoted in a message. */
import type { BaseIssue } from 'valibot';
import type { MessageKey, Sub, Translate } from '../i18n';

/*
 * The schema's messages are made by valibot deep inside a parse, where no argument reaches: a
 * parse runs synchronously inside `speaking(t, …)`, and `say` reads the `t` of the parse in
 * progress. Every entry point (settingsParser, migrate's callers, parseHost) takes `t` as its first
 * argument like every other engine function that says something (docs/ARCHITECTURE.md, "Languages").
 */
let current: Translate | null = null;

/** Runs `work` with `t` as the translator of the messages it makes. */
export function speaking<R>(t: Translate, work: () => R): R {
  const outer = current;
  current = t;
  try {
    return work();
  } finally {
    current = outer;
  }
}

/** A message of the parse in progress (its key, outside one). */
export const say = (key: MessageKey, ...subs: Sub[]): string => (current ? current(key, ...subs) : key);

/** A value as a message shows it: `"25:00"`, `[9,17]`, `Infinity`, `nothing`; cut after `max` characters. */
export const quote = (input: unknown, max = Infinity): string => {
  if (input === undefined) return say('vNothing');
  if (typeof input === 'number') return String(input);
  const text = typeof input === 'string' ? `"${input}"` : (JSON.stringify(input) ?? String(input));
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

/** For an object schema: valibot reports a missing required key with the object's own message. */
export const missingOr =
  (what: MessageKey, max?: number) =>
  (issue: BaseIssue<unknown>): string =>
    issue.expected === 'Object' ? say('vIsNot', quote(issue.input, max), say(what)) : say('vMissing');

export const isPlainObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);
