/**
 * The welcome guide's page, opened once on the first install (entrypoints/background/welcome.ts)
 * and from the options page later. It reads the settings in force once and hands the guide a
 * draft; only "Start" writes, as the options page writes: validated, the practice's fields kept.
 */
import { t } from '@/stores/i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Guide } from '@/components/welcome/Guide';
import { readSettingsState, type SettingsState, updateSettings } from '@/stores/storage';
import { draftToWrite } from '@/utils/setup-draft';
import { copyText, hostAccess, supportedZones, systemZone, useMinuteClock } from '../options/platform';

export function App() {
  const [state, setState] = useState<SettingsState | null>(null);
  const now = useMinuteClock();
  const [zones] = useState(supportedZones);

  useEffect(() => {
    void readSettingsState().then(setState);
  }, []);

  if (!state) return <p class="loading">{t('loading')}</p>;
  const { locked } = state;
  return (
    <Guide
      settings={state.settings}
      locked={locked}
      notice={state.notice}
      write={async (draft) => {
        const result = await updateSettings((own) => draftToWrite(own, draft, locked));
        return result.ok ? [] : result.errors;
      }}
      now={now}
      systemTimeZone={systemZone()}
      zones={zones}
      hostAccess={hostAccess}
      contains={(origins) => browser.permissions.contains({ origins })}
      request={(origins) => browser.permissions.request({ origins })}
      privateAccess={() => browser.extension.isAllowedIncognitoAccess()}
      copy={copyText}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />
  );
}
