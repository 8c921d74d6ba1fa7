import { defineContentScript } from 'wxt/utils/define-content-script';
import { catalogueMatchPatterns } from '@/utils/catalogue';
import { startPageGuard } from './page-guard';

/**
 * Runs in every work-site page (catalogue hosts here; custom hosts by registration; open tabs
 * again after an update, by injection). It never reloads or navigates the page: it dims it or
 * lays an overlay over it, and lifts both again. WXT's context object is not used: a page can
 * invalidate it (page-guard.ts).
 */
export default defineContentScript({
  matches: catalogueMatchPatterns(),
  runAt: 'document_start',
  main() {
    startPageGuard();
  },
});
