/** How the settings code reads an untrusted value: as a plain object, and quoted in a message. */
import type { BaseIssue } from 'valibot';

/** A value as a message shows it: `"25:00"`, `[9,17]`, `Infinity`, `nothing`; cut after `max` characters. */
export const quote = (input: unknown, max = Infinity): string => {
  if (input === undefined) return 'nothing';
  if (typeof input === 'number') return String(input);
  const text = typeof input === 'string' ? `"${input}"` : (JSON.stringify(input) ?? String(input));
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

/** For an object schema: valibot reports a missing required key with the object's own message. */
export const missingOr =
  (what: string, max?: number) =>
  (issue: BaseIssue<unknown>): string =>
    issue.expected === 'Object' ? `${quote(issue.input, max)} is not ${what}` : 'is missing';

export const isPlainObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);
