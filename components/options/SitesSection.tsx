/** The catalogue by category: what each category gets after hours, and each site on or off. */
import { t } from '@/stores/i18n';
import { CATALOGUE } from '@/utils/catalogue';
import { siteWarning } from '@/utils/sites';
import { type Action, ACTIONS, type Category, CATEGORIES } from '@/utils/types';
import { CatalogueSite, isLocked, LockedNote, type SectionProps } from './shared';

/** What each action is called in a list (`actName_block` …). */
export const actionName = (action: Action) => t(`actName_${action}`);

/** The hosts of a catalogue entry as a person reads them: "*.janeapp.com" is "any .janeapp.com address". */
const hostWords = (hosts: readonly string[], pathPrefix?: string) =>
  t(pathPrefix ? 'hostsOnly' : 'hostsAll', hosts.map((h) => (h.startsWith('*.') ? t('anyAddress', h.slice(1)) : h)).join(', '), pathPrefix ?? '');

export function ActionSelect({
  id,
  value,
  onChange,
  disabled,
  allowInherit,
}: {
  id: string;
  value: Action | undefined;
  onChange(action: Action | undefined): void;
  disabled?: boolean;
  allowInherit?: string;
}) {
  return (
    <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange((e.currentTarget.value || undefined) as Action | undefined)}>
      {allowInherit && <option value="">{allowInherit}</option>}
      {ACTIONS.map((a) => (
        <option key={a} value={a}>
          {actionName(a)}
        </option>
      ))}
    </select>
  );
}

export function SitesSection({ settings, update, locked }: SectionProps) {
  const setAction = (category: Category, action: Action | undefined) => action && void update((s) => ({ ...s, actions: { ...s.actions, [category]: action } }));

  return (
    <div class="catalogue">
      {CATEGORIES.map((category) => {
        const actionLocked = isLocked(locked, `actions.${category}`);
        return (
          <fieldset class="category" key={category}>
            <legend>{t(`catName_${category}`)}</legend>
            <div class="field inline">
              <label for={`action-${category}`}>{t('afterHoursAre')}</label>
              <ActionSelect id={`action-${category}`} value={settings.actions[category]} disabled={actionLocked} onChange={(a) => setAction(category, a)} />
              {actionLocked && <LockedNote />}
            </div>
            <ul class="sites">
              {CATALOGUE.filter((entry) => entry.category === category).map((entry) => {
                const warning = siteWarning(entry.id);
                const describedBy = [`site-${entry.id}-hosts`, warning ? `site-${entry.id}-warning` : ''].filter(Boolean).join(' ');
                return (
                  <CatalogueSite key={entry.id} entry={entry} settings={settings} update={update} locked={locked} describedBy={describedBy}>
                    <span class="hint" id={`site-${entry.id}-hosts`}>
                      {hostWords(entry.hosts, entry.pathPrefix)}
                    </span>
                    {warning && (
                      <span class="site-warning" id={`site-${entry.id}-warning`}>
                        {t(warning)}
                      </span>
                    )}
                  </CatalogueSite>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
