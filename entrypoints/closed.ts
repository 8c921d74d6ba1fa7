import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { turnAway } from './guard/turn-away';

/**
 * Registered by the worker (background/styles.ts) for every site blocked now, at document_start
 * in the top frame: a new document of such a site that reached this point was not turned away by
 * the browser's rules — its own service worker answered from the cache, where no rule sees it
 * (docs/ARCHITECTURE.md, "Closed by default"). Synchronously, before any script of the page
 * runs, it stops the document and goes to the blocked page. Only new documents get it: a tab open
 * when its site closes is covered by the page guard instead.
 */
export default defineUnlistedScript(() => {
  // Only a document just begun: should a browser ever inject it into one already shown (which
  // someone may have typed into), it leaves that to the page guard's cover.
  if (document.readyState === 'loading') turnAway(window);
});
