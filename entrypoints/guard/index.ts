import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageGuard } from './page-guard';

/**
 * Runs in every work-site page (catalogue hosts by the manifest's `content_scripts`, declared in
 * wxt.config.ts; custom hosts by registration; open tabs again after an update, by injection). It
 * never reloads or navigates the page: it dims it or lays an overlay over it, and lifts both again.
 *
 * An unlisted script rather than a WXT content script: WXT wraps a content script in a context
 * object that brings the webextension polyfill and its own listeners with it, 12 kB of the
 * guard's 25 kB budget for nothing it uses (a page can invalidate that context: page-guard.ts).
 */
export default defineUnlistedScript(() => {
  startPageGuard();
});
