/**
 * The unit tests read the browser's messages in English, as the browser gives them to an en-US
 * profile: WXT's fake browser has no `i18n.getMessage` of its own.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../locales/en/messages.json';
import { translator } from '../../utils/i18n';

const t = translator(english);
fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
  t(key as never, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]))) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
