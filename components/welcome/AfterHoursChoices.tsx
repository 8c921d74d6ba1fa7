/** Blocked, dimmed or left open, per category, each choice said in one sentence of what the clinician will see. */
import { t } from '@/stores/i18n';
import { nameList } from '@/utils/rule-budget';
import { enabledSites } from '@/utils/sites';
import { actionSentence } from '@/utils/tonight';
import { type Action, ACTIONS, CATEGORIES, type Category } from '@/utils/types';
import { actionName } from '@/components/options/SitesSection';
import { isLocked, LockedNote, type SectionProps } from '@/components/options/shared';

export function AfterHoursChoices({ settings, update, locked }: SectionProps) {
  const sites = enabledSites(settings);
  const set = (category: Category, action: Action) => void update((s) => ({ ...s, actions: { ...s.actions, [category]: action } }));

  return (
    <div class="after-hours-choices">
      {CATEGORIES.map((category) => {
        const chosen = settings.actions[category];
        const disabled = isLocked(locked, `actions.${category}`);
        const names = sites.filter((site) => site.category === category && !site.action).map((site) => site.name);
        return (
          <fieldset class="category choice-group" key={category} disabled={disabled} aria-describedby={`says-${category}`}>
            <legend>{t(`catName_${category}`)}</legend>
            {disabled && <LockedNote />}
            <p class="hint">{names.length ? t('ahcTools', nameList(t, names, 4)) : t('ahcNone')}</p>
            <div class="options-row">
              {ACTIONS.map((action) => (
                <label class="choice" key={action}>
                  <input type="radio" name={`after-${category}`} value={action} checked={chosen === action} onChange={() => set(category, action)} />
                  {actionName(action)}
                </label>
              ))}
            </div>
            <p class="says" id={`says-${category}`}>
              {actionSentence(t, category, chosen)}
            </p>
          </fieldset>
        );
      })}
    </div>
  );
}
