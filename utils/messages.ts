/** The one message protocol between pages, content scripts and the worker (promise style). */
import type { ExceptionScope } from './types';

export type Request =
  /** A crisis exception: `minutes` from now, for the scope. */
  | { type: 'startException'; scope: ExceptionScope; minutes: number }
  /** "Wrap up — N more minutes": a short exception for one site, once per boundary. */
  | { type: 'wrapUp'; siteId: string }
  /** End one exception, or every running one when `id` is absent. */
  | { type: 'endException'; id?: string }
  /** Extend a running exception by `minutes`. */
  | { type: 'extendException'; id: string; minutes: number };

export type Response = { ok: true } | { ok: false; error: string };

/** Narrows an unknown runtime message to a `Request` (messages from pages are not trusted blindly). */
export function isRequest(message: unknown): message is Request {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return type === 'startException' || type === 'wrapUp' || type === 'endException' || type === 'extendException';
}
