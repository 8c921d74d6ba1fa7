/**
 * The browser's own `i18n.getMessage` as the engine's `Translate` (utils/i18n.ts), for the pages,
 * the worker and the page guard alike: through stores/native-browser.ts, so the page guard carries
 * no polyfill. A page guard whose extension was updated or removed may find the API gone: it then
 * says nothing rather than stop covering the page.
 */
import type { MessageKey, Translate } from '@/utils/i18n';
import { nativeBrowser } from './native-browser';

export const t: Translate = (key, ...subs) => {
  try {
    return nativeBrowser().i18n.getMessage(key, subs.map(String));
  } catch {
    return '';
  }
};

/** A page's language and title in the browser's language: the HTML says them in English only until this runs. */
export function localizePage(doc: Document, title: MessageKey): void {
  doc.documentElement.lang = t('locale');
  doc.title = t(title);
}
