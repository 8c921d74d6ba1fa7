/** The engine's words in English, as an en-US browser gives them (docs/ARCHITECTURE.md, "Languages"). */
import english from '../../locales/en/messages.json' with { type: 'json' };
import { translator } from '../../utils/i18n';

export const en = translator(english);
