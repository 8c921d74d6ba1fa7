/** What every options section gets, and the small pieces they share. */
import type { ComponentChildren } from 'preact';
import type { CatalogueEntry } from '@/utils/catalogue';
import type { Settings } from '@/utils/settings';
import { t } from '@/stores/i18n';

/** A change to the settings, applied to the current ones at the moment of writing. */
export type Change = (current: Settings) => Settings;

export interface SectionProps {
  /** The settings in force. */
  readonly settings: Settings;
  /** Applies `change` at once; resolves to field-named errors (`exceptions.weeklyLimit: …`), or [] once saved. */
  update(change: Change): Promise<string[]>;
  /** Paths the practice's policy sets (`week`, `actions.ehr`): shown, not editable. */
  readonly locked: readonly string[];
}

/** Whether the practice's policy sets `path` (or a field containing it). */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((l) => path === l || path.startsWith(`${l}.`));
}

/** The messages of `errors` about `path` (or a field inside it), without the field name. */
export function errorsFor(errors: readonly string[], path: string): string[] {
  return errors.flatMap((error) => {
    const colon = error.indexOf(': ');
    const field = colon === -1 ? '' : error.slice(0, colon);
    if (field !== path && !field.startsWith(`${path}.`) && !field.startsWith(`${path}[`)) return [];
    return [field === path ? error.slice(colon + 2) : error];
  });
}

/** "Set by your practice", beside a control the policy fixes. */
export function LockedNote({ id }: { id?: string }) {
  return (
    <span class="locked" id={id}>
      {t('setByPractice')}
    </span>
  );
}

/** An error beside the field it is about; `id` is what the field's `aria-describedby` names. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (!messages.length) return null;
  return (
    <span class="field-error" id={id} role="alert">
      {messages.join(' ')}
    </span>
  );
}

/** A section of the options page with its heading (the page's table of contents links to `id`). */
export function Section({ id, title, children, intro }: { id: string; title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section id={id} class="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </section>
  );
}

/**
 * One catalogue site's switch, as the options page and the welcome guide list it: on by the
 * settings or the catalogue's default, fixed when the practice's policy sets it; `children`
 * follow the switch (its hosts, its warning).
 */
export function CatalogueSite({
  entry,
  settings,
  update,
  locked,
  describedBy,
  children,
}: SectionProps & { entry: CatalogueEntry; describedBy?: string; children?: ComponentChildren }) {
  const siteLocked = isLocked(locked, `sites.catalogue.${entry.id}`);
  const setOn = (on: boolean) => void update((s) => ({ ...s, sites: { ...s.sites, catalogue: { ...s.sites.catalogue, [entry.id]: on } } }));
  return (
    <li>
      <label>
        <input
          type="checkbox"
          checked={settings.sites.catalogue[entry.id] ?? entry.defaultOn}
          disabled={siteLocked}
          aria-describedby={describedBy}
          onChange={(e) => setOn(e.currentTarget.checked)}
        />
        {entry.name}
      </label>
      {siteLocked && <LockedNote />}
      {children}
    </li>
  );
}
