/**
 * The browser's own extension API, without the polyfill: `browser` where the browser has it
 * (Firefox), else `chrome` — WXT's own rule. In Manifest V3 every call made through it here
 * returns a promise natively (storage, `runtime.sendMessage`, `runtime.id`), so the storage items
 * and the page guard need no polyfill, and the page guard carries none (its budget is 25 kB).
 * The worker's listeners keep `wxt/browser`: the polyfill lets an `onMessage` listener answer
 * with a promise in Chrome.
 *
 * A function, read at each call: a page guard whose extension was updated or removed finds the
 * API gone (or throwing) then, not at import.
 */
import type { Browser } from 'wxt/browser';

export type NativeBrowser = typeof Browser;

export function nativeBrowser(): NativeBrowser {
  const scope = globalThis as { browser?: NativeBrowser; chrome?: NativeBrowser };
  return (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as NativeBrowser;
}
