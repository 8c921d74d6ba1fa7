/**
 * The clinician's own work sites: paste an address, pick a category (and an action if it differs),
 * and the browser asks for access to that host at that moment. Without access Clocked Out could
 * neither block nor dim the site, so a refusal leaves the list as it was and says why.
 */
import { t } from '@/stores/i18n';
import { useEffect, useState } from 'preact/hooks';
import { parseHost } from '@/utils/hosts';
import { MAX_CUSTOM_SITES } from '@/utils/settings';
import { type Action, type Category, CATEGORIES } from '@/utils/types';
import { isLocked, FieldError, LockedNote, type SectionProps } from './shared';
import { actionName, ActionSelect } from './SitesSection';

/** The browser's optional host permissions, as the page needs them. */
export interface HostAccess {
  /** Shows the browser's prompt for `host`; resolves to whether access was given. Call it straight from a click. */
  request(host: string): Promise<boolean>;
  /** Whether access to `host` is already given. */
  has(host: string): Promise<boolean>;
  /** Gives back the access to `host` (nothing else needs it). */
  release(host: string): Promise<void>;
}

export interface CustomSitesProps extends SectionProps {
  access: HostAccess;
}

/** The host the help names as an example (no word to translate). */
const EXAMPLE_HOST = 'example.org';

type Custom = CustomSitesProps['settings']['sites']['custom'][number];

const refusal = (host: string) => t('csRefused', host);

export function CustomSites({ settings, update, locked, access }: CustomSitesProps) {
  const [address, setAddress] = useState('');
  const [category, setCategory] = useState<Category>('ehr');
  const [action, setAction] = useState<Action | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const disabled = isLocked(locked, 'sites.custom');
  const custom = settings.sites.custom;
  const hostsKey = custom.map((c) => c.host).join(' ');

  useEffect(() => {
    let live = true;
    void Promise.all(custom.map(async (c) => [c.host, await access.has(c.host).catch(() => false)] as const)).then((pairs) => {
      if (live) setGranted(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [hostsKey]);

  const add = (event: Event) => {
    event.preventDefault();
    setStatus(null);
    const parsed = parseHost(t, address);
    if (!parsed.ok) return setError(t('hostError', parsed.error));
    const host = parsed.host;
    if (custom.some((c) => c.host === host)) return setError(t('csAlready', host));
    // Before the browser's prompt: access to a site that cannot be added is not asked for.
    if (custom.length >= MAX_CUSTOM_SITES) return setError(t('csMax', custom.length, host));
    setError(null);
    // Straight from the click or Enter: the browser shows its prompt only during a user gesture.
    const answer = access.request(host);
    setStatus(t('accWaiting', host));
    void answer.then(
      async (ok) => {
        if (!ok) {
          setStatus(null);
          return setError(refusal(host));
        }
        const site: Custom = { host, category, ...(action ? { action } : {}) };
        const errors = await update((s) => ({ ...s, sites: { ...s.sites, custom: [...s.sites.custom.filter((c) => c.host !== host), site] } }));
        if (errors.length) {
          setStatus(null);
          return setError(errors.map((m) => m.replace(/^sites\.custom\[\d+\](\.\w+)?: /, '')).join(' '));
        }
        setStatus(t('csAdded', host, t(`catName_${category}`)));
        setAddress('');
      },
      (reason: unknown) => {
        setStatus(null);
        setError(t('csCouldNotAsk', host, reason instanceof Error ? reason.message : String(reason)));
      },
    );
  };

  const change = (host: string, patch: Partial<Custom>) =>
    void update((s) => ({
      ...s,
      sites: {
        ...s.sites,
        custom: s.sites.custom.map((c) => {
          if (c.host !== host) return c;
          const next = { ...c, ...patch };
          if (!next.action) delete next.action;
          return next;
        }),
      },
    }));
  const remove = async (host: string) => {
    const errors = await update((s) => ({ ...s, sites: { ...s.sites, custom: s.sites.custom.filter((c) => c.host !== host) } }));
    if (!errors.length) await access.release(host).catch(() => undefined);
  };
  const allow = (host: string) =>
    void access.request(host).then((ok) => {
      setGranted((g) => ({ ...g, [host]: ok }));
      if (!ok) setError(t('csNoAccess', host));
    });

  return (
    <fieldset class="custom" disabled={disabled}>
      <legend>{t('csLegend')}</legend>
      {disabled && <LockedNote />}
      {custom.length === 0 ? (
        <p class="hint">{t('csNone')}</p>
      ) : (
        <ul class="list">
          {custom.map((c) => (
            <li key={c.host} class="custom-site">
              <span class="host">{c.host}</span>
              <label class="sr-only" for={`custom-cat-${c.host}`}>
                {t('csCategoryOf', c.host)}
              </label>
              <select id={`custom-cat-${c.host}`} value={c.category} onChange={(e) => change(c.host, { category: e.currentTarget.value as Category })}>
                {CATEGORIES.map((cat) => (
                  <option key={cat} value={cat}>
                    {t(`catName_${cat}`)}
                  </option>
                ))}
              </select>
              <label class="sr-only" for={`custom-action-${c.host}`}>
                {t('csAfterHoursIs', c.host)}
              </label>
              <ActionSelect
                id={`custom-action-${c.host}`}
                value={c.action}
                allowInherit={t('csAsCategoryIs', actionName(settings.actions[c.category]))}
                onChange={(a) => change(c.host, { action: a })}
              />
              {granted[c.host] === false && (
                <button type="button" class="warn" onClick={() => allow(c.host)}>
                  {t('csAllow', c.host)}
                </button>
              )}
              <button type="button" class="quiet" aria-label={t('csRemove', c.host)} onClick={() => void remove(c.host)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-row" onSubmit={add} aria-label={t('csAddForm')}>
        <div class="field grow">
          <label for="custom-address">{t('csAddress')}</label>
          <input
            id="custom-address"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder={t('csPlaceholder')}
            value={address}
            aria-invalid={error !== null || undefined}
            aria-describedby={error ? 'custom-error' : 'custom-help'}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="custom-category">{t('csCategory')}</label>
          <select id="custom-category" value={category} onChange={(e) => setCategory(e.currentTarget.value as Category)}>
            {CATEGORIES.map((cat) => (
              <option key={cat} value={cat}>
                {t(`catName_${cat}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="custom-action">{t('afterHours')}</label>
          <ActionSelect id="custom-action" value={action} allowInherit={t('csAsCategory')} onChange={setAction} />
        </div>
        <button type="submit">{t('csAddSite')}</button>
      </form>
      <p class="hint" id="custom-help">
        {t('csHelp1')} <code>{EXAMPLE_HOST}</code> {t('csHelp2')} <code>{`*.${EXAMPLE_HOST}`}</code> {t('csHelp3')}
      </p>
      <FieldError id="custom-error" messages={error ? [error] : []} />
      <p class="status" role="status">
        {status}
      </p>
    </fieldset>
  );
}
