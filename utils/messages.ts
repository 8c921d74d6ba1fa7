/**
 * The one message protocol between pages, content scripts and the worker (promise style). The
 * worker trusts no message blindly: each is checked against its schema before anything changes.
 */
import * as v from 'valibot';
import { CATEGORIES, type ExceptionScope } from './types';

export type Request =
  /** A crisis exception: `minutes` from now, for the scope. */
  | { type: 'startException'; scope: ExceptionScope; minutes: number }
  /** "Wrap up — N more minutes": a short exception for one site, once per boundary. */
  | { type: 'wrapUp'; siteId: string }
  /** End one exception, or every running one when `id` is absent. */
  | { type: 'endException'; id?: string }
  /** Extend a running exception by `minutes`. */
  | { type: 'extendException'; id: string; minutes: number }
  /**
   * From a page guard that started with its page while some open work tabs could not be guarded
   * again after an update: the worker checks those tabs again (it changes nothing else).
   */
  | { type: 'tabGuarded' };

export type Response = { ok: true } | { ok: false; error: string };

export const REQUEST_TYPES = ['startException', 'wrapUp', 'endException', 'extendException', 'tabGuarded'] as const;
/** The longest exception, and the most one extension adds: 24 hours. */
export const MAX_MINUTES = 24 * 60;
/** A catalogue id or `custom:<host>` (a host is at most 253 characters). */
export const MAX_SITE_ID_LENGTH = 300;
/** An exception id (a UUID is 36 characters). */
export const MAX_ID_LENGTH = 100;

const quote = (input: unknown) => {
  if (input === undefined) return 'nothing';
  if (typeof input === 'number') return String(input);
  const text = typeof input === 'string' ? `"${input}"` : (JSON.stringify(input) ?? String(input));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
/** For an object schema: valibot reports a missing required key with the object's own message. */
const missingOr = (what: string) => (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'Object' ? `${quote(issue.input)} is not ${what}` : 'is missing';

const text = (what: string, max: number) =>
  v.pipe(
    v.string((i) => `${quote(i.input)} is not ${what}`),
    v.minLength(1, 'is empty'),
    v.maxLength(max, `is longer than ${max} characters`),
  );
const SiteIdSchema = text('a site id', MAX_SITE_ID_LENGTH);
const IdSchema = text('an exception id', MAX_ID_LENGTH);
// Fractions of a minute are accepted (the real-browser tests use seconds); pages offer 15–60.
const MinutesSchema = v.pipe(
  v.number((i) => `${quote(i.input)} is not a number of minutes`),
  v.check((n) => n > 0 && n <= MAX_MINUTES, (i) => `${quote(i.input)} is not more than 0 and at most ${MAX_MINUTES} (24 hours)`),
);

const ScopeSchema = v.variant(
  'type',
  [
    v.object({ type: v.literal('all') }, missingOr('a scope')),
    v.object({ type: v.literal('category'), category: v.picklist(CATEGORIES, (i) => `${quote(i.input)} is not a category (${CATEGORIES.join(', ')})`) }, missingOr('a scope')),
    v.object({ type: v.literal('site'), siteId: SiteIdSchema }, missingOr('a scope')),
  ],
  (i) => (i.expected === 'Object' ? `${quote(i.input)} is not a scope ({ type: "all" | "category" | "site" })` : `${quote(i.input)} is not a scope type (all, category or site)`),
);

const RequestSchema = v.variant('type', [
  v.object({ type: v.literal('startException'), scope: ScopeSchema, minutes: MinutesSchema }, missingOr('a request')),
  v.object({ type: v.literal('wrapUp'), siteId: SiteIdSchema }, missingOr('a request')),
  v.object({ type: v.literal('endException'), id: v.optional(IdSchema) }, missingOr('a request')),
  v.object({ type: v.literal('extendException'), id: IdSchema, minutes: MinutesSchema }, missingOr('a request')),
  v.object({ type: v.literal('tabGuarded') }, missingOr('a request')),
]);
// The schema's output is a `Request`: a change to one without the other fails the type check.
const _sameShape: v.GenericSchema<unknown, Request> = RequestSchema;
void _sameShape;

export type ParsedRequest = { ok: true; request: Request } | { ok: false; error: string };

/**
 * Checks a runtime message. `null` when it is not one of ours at all (not an object with one of
 * our `type`s), so the worker stays silent and leaves it to whoever it was meant for; otherwise
 * the request with unknown fields dropped, or one message naming each bad field
 * (`minutes: 0 is not more than 0 …`, `scope is missing`).
 */
export function parseRequest(message: unknown): ParsedRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const type = (message as { type?: unknown }).type;
  if (!REQUEST_TYPES.includes(type as (typeof REQUEST_TYPES)[number])) return null;
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  const problems = result.issues.map((issue) => {
    const field = v.getDotPath(issue);
    if (!field) return issue.message;
    return issue.message.startsWith('is ') ? `${field} ${issue.message}` : `${field}: ${issue.message}`;
  });
  return { ok: false, error: `Refused "${String(type)}": ${problems.join('; ')}.` };
}
