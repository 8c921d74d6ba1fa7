/**
 * The catalogue as the welcome guide shows it: searchable by name, by category, the usual work
 * tools ticked already, and the ones also used personally (Gmail, Zoom …) off, with why.
 */
import { plural } from '@/utils/i18n';
import { t } from '@/stores/i18n';
import { useState } from 'preact/hooks';
import { CATALOGUE } from '@/utils/catalogue';
import { nameList } from '@/utils/rule-budget';
import { enabledSites, siteWarning } from '@/utils/sites';
import { CATEGORIES } from '@/utils/types';
import { CatalogueSite, type SectionProps } from '@/components/options/shared';

const SHARED = CATALOGUE.filter((entry) => entry.sharedPersonal).map((entry) => entry.name);
/** Lower case without accents or punctuation, so "doxy me" finds Doxy.me and "theranest" TheraNest. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

export function ToolPicker({ settings, update, locked }: SectionProps) {
  const [query, setQuery] = useState('');
  const wanted = folded(query);
  const matches = CATALOGUE.filter((entry) => !wanted || folded(entry.name).includes(wanted) || folded(entry.id).includes(wanted));
  const chosen = enabledSites(settings).length;

  return (
    <div class="tool-picker">
      <p class="hint" id="shared-personal">
        {t('tpShared', nameList(t, SHARED))}
      </p>
      <div class="field search">
        <label for="tool-search">{t('tpFind')}</label>
        <input
          id="tool-search"
          type="search"
          autoComplete="off"
          spellcheck={false}
          value={query}
          aria-describedby="tool-count"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <span class="hint" id="tool-count" role="status">
          {wanted ? `${plural(t, matches.length, 'tpMatch_one', 'tpMatch_other')} ` : ''}
          {plural(t, chosen, 'tpChosen_one', 'tpChosen_other')}
        </span>
      </div>
      {matches.length === 0 && <p>{t('tpNone', query.trim())}</p>}
      <div class="catalogue">
        {CATEGORIES.map((category) => {
          const entries = matches.filter((entry) => entry.category === category);
          if (!entries.length) return null;
          return (
            <fieldset class="category" key={category}>
              <legend>{t(`catName_${category}`)}</legend>
              <ul class="sites">
                {entries.map((entry) => {
                  const shared = siteWarning(entry.id) !== null;
                  return (
                    <CatalogueSite
                      key={entry.id}
                      entry={entry}
                      settings={settings}
                      update={update}
                      locked={locked}
                      describedBy={shared ? 'shared-personal' : undefined}
                    >
                      {shared && <span class="shared-tag">{t('tpSharedTag')}</span>}
                    </CatalogueSite>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}
