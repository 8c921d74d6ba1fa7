/**
 * The one message protocol between pages, content scripts and the worker (promise style). The
 * worker trusts no message blindly: each is checked against its schema before anything changes.
 */
import * as v from 'valibot';
import { quote as quoteValue } from './settings/values';
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
   * Brings the guard up to date now, answered once it is (it changes nothing else): from a page
   * guard that started with its page while some open work tabs could not be guarded again after
   * an update (the worker checks those tabs again), and from the blocked page before it goes back
   * to a site that has opened (the browser's rules open it first).
   */
  | { type: 'refresh' }
  /**
   * From a page guard: a spell of foreground use that ended (utils/spell.ts), from `at` for
   * `minutes`, while its site was open after hours. The worker takes the site from the sender
   * and keeps only its id (docs/ARCHITECTURE.md, "History").
   */
  | { type: 'usage'; at: number; minutes: number };

export type Response = { ok: true } | { ok: false; error: string };

export const REQUEST_TYPES = ['startException', 'wrapUp', 'endException', 'extendException', 'refresh', 'usage'] as const;
/** The longest exception, and the most one extension adds: 24 hours. */
export const MAX_MINUTES = 24 * 60;
/** A catalogue id or `custom:<host>` (a host is at most 253 characters). */
export const MAX_SITE_ID_LENGTH = 300;
/** An exception id (a UUID is 36 characters). */
export const MAX_ID_LENGTH = 100;

/** A request's values are cut short in a message: it may carry anything. */
const QUOTE_MAX = 40;
const quote = (input: unknown) => quoteValue(input, QUOTE_MAX);
// The request protocol's own messages (a page sending a malformed request is a bug, not a person's input): English.
const missingOr = (what: string) => (issue: v.BaseIssue<unknown>) => (issue.expected === 'Object' ? `${quote(issue.input)} is not ${what}` : 'is missing');

const text = (what: string, max: number) =>
  v.pipe(
    v.string((i) => `${quote(i.input)} is not ${what}`),
    v.minLength(1, 'is empty'),
    v.maxLength(max, `is longer than ${max} characters`),
  );
const SiteIdSchema = text('a site id', MAX_SITE_ID_LENGTH);
const IdSchema = text('an exception id', MAX_ID_LENGTH);
// Whole minutes; the pages offer 15–60.
const MinutesSchema = v.pipe(
  v.number((i) => `${quote(i.input)} is not a number of minutes`),
  v.check(
    (n) => Number.isInteger(n) && n >= 1 && n <= MAX_MINUTES,
    (i) => `${quote(i.input)} is not a whole number of minutes from 1 to ${MAX_MINUTES} (24 hours)`,
  ),
);

const SCOPE_TYPES = ['all', 'category', 'site'] as const;
const isObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);
const SCOPES = {
  all: v.object({ type: v.literal('all') }, missingOr('a scope')),
  category: v.object(
    { type: v.literal('category'), category: v.picklist(CATEGORIES, (i) => `${quote(i.input)} is not a category (${CATEGORIES.join(', ')})`) },
    missingOr('a scope'),
  ),
  site: v.object({ type: v.literal('site'), siteId: SiteIdSchema }, missingOr('a scope')),
};
const NotAScope = v.custom<never>(
  () => false,
  (i) => `${quote(i.input)} is not a scope ({ type: "all" | "category" | "site" })`,
);
/** Reached only for a `type` that is none of ours, so it never succeeds: its issue names `scope.type`. */
const UnknownScope = v.object(
  { type: v.picklist(SCOPE_TYPES, (i) => `${quote(i.input)} is not a scope type (all, category or site)`) },
  missingOr('a scope'),
) as unknown as v.GenericSchema<unknown, never>;
/** The schema for the scope's own `type` (valibot's `lazy`: a `variant` costs the worker a kilobyte for the same). */
const ScopeSchema = v.lazy((input) => {
  if (!isObject(input)) return NotAScope;
  const type = input.type;
  return typeof type === 'string' && Object.hasOwn(SCOPES, type) ? SCOPES[type as keyof typeof SCOPES] : UnknownScope;
});

const REQUESTS = {
  startException: v.object({ type: v.literal('startException'), scope: ScopeSchema, minutes: MinutesSchema }, missingOr('a request')),
  wrapUp: v.object({ type: v.literal('wrapUp'), siteId: SiteIdSchema }, missingOr('a request')),
  endException: v.object({ type: v.literal('endException'), id: v.optional(IdSchema) }, missingOr('a request')),
  extendException: v.object({ type: v.literal('extendException'), id: IdSchema, minutes: MinutesSchema }, missingOr('a request')),
  refresh: v.object({ type: v.literal('refresh') }, missingOr('a request')),
  // Kept short: it is the worker's to parse (a page guard's own message, never a person's).
  usage: v.object(
    {
      type: v.literal('usage'),
      at: v.number(),
      minutes: v.pipe(
        v.number(),
        v.check((n) => n > 0 && n <= MAX_MINUTES, 'is not 0 to 24 hours'),
      ),
    },
    missingOr('a request'),
  ),
};
/** Read by its `type`, which `parseRequest` has checked is one of ours. */
const RequestSchema = v.lazy((input) => REQUESTS[(input as { type: keyof typeof REQUESTS }).type]);
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
