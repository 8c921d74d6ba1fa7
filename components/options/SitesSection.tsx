/** The catalogue by category: what each category gets after hours, and each site on or off. */
import { CATALOGUE } from '@/utils/catalogue';
import { CATEGORY_NAMES } from '@/utils/names';
import { siteWarning } from '@/utils/sites';
import { type Action, type Category, CATEGORIES } from '@/utils/types';
import { CatalogueSite, isLocked, LockedNote, type SectionProps } from './shared';

export const ACTION_NAMES: Record<Action, string> = { block: 'Blocked', dim: 'Dimmed', allow: 'Left open' };

/** The hosts of a catalogue entry as a person reads them: "*.janeapp.com" is "any .janeapp.com address". */
const hostWords = (hosts: readonly string[], pathPrefix?: string) =>
  hosts.map((h) => (h.startsWith('*.') ? `any ${h.slice(1)} address` : h)).join(', ') + (pathPrefix ? ` (only ${pathPrefix})` : '');

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
      {(Object.keys(ACTION_NAMES) as Action[]).map((a) => (
        <option key={a} value={a}>
          {ACTION_NAMES[a]}
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
            <legend>{CATEGORY_NAMES[category]}</legend>
            <div class="field inline">
              <label for={`action-${category}`}>After hours these sites are</label>
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
                        {warning}
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
