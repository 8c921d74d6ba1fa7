/**
 * Export, import and "Restore defaults". A bad file changes nothing and lists its errors by field;
 * a good one applies at once and says what changed, with Undo.
 */
import { t } from '@/stores/i18n';
import { useState } from 'preact/hooks';
import { summarizeChanges } from '@/utils/import-summary';
import { pageClock } from '../clock';
import { defaultSettings, parseSettings, type Settings } from '@/utils/settings';

export type ReplaceResult = { ok: true; previous: Settings; settings: Settings } | { ok: false; errors: string[] };

export interface DataProps {
  settings: Settings;
  /** Replaces the clinician's settings with valid `next`; resolves to what they were (for Undo) and what is now in force. */
  replace(next: Settings): Promise<ReplaceResult>;
  /** Saves `text` as a file called `filename`. */
  download(filename: string, text: string): void;
  /** Today's local date, for the file name. */
  today: string;
}

type Outcome =
  | { kind: 'applied'; what: string; lines: string[]; previous: Settings }
  | { kind: 'refused'; what: string; errors: string[] }
  | { kind: 'undone' }
  | { kind: 'failed'; errors: string[] };

/** Reads a chosen file as a settings document: the document, or why not, by field. */
export async function readSettingsFile(file: Blob): Promise<{ ok: true; settings: Settings } | { ok: false; errors: string[] }> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, errors: [t('fileUnreadable', String(error))] };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [t('fileNotJson', error instanceof Error ? error.message : String(error))] };
  }
  return parseSettings(t, doc);
}

export function DataSection({ settings, replace, download, today }: DataProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);

  const apply = async (next: Settings, what: string) => {
    // Compared as in force before and after, so a field the practice sets never reads as changed.
    const before = settings;
    const result = await replace(next);
    if (!result.ok) return setOutcome({ kind: 'failed', errors: result.errors });
    setOutcome({ kind: 'applied', what, lines: summarizeChanges(t, before, result.settings, pageClock(result.settings.clock)), previous: result.previous });
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (!file) return;
    const read = await readSettingsFile(file);
    if (!read.ok) return setOutcome({ kind: 'refused', what: file.name, errors: read.errors });
    await apply(read.settings, t('imported', file.name));
  };

  const undo = async (previous: Settings) => {
    const result = await replace(previous);
    setOutcome(result.ok ? { kind: 'undone' } : { kind: 'failed', errors: result.errors });
  };

  return (
    <div class="data">
      <div class="data-actions">
        <button type="button" onClick={() => download(`clocked-out-settings-${today}.json`, `${JSON.stringify(settings, null, 2)}\n`)}>
          {t('exportSettings')}
        </button>
        <label class="file">
          {t('importSettings')}
          <input type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
        </label>
        {!confirming && (
          <button type="button" class="warn" onClick={() => setConfirming(true)}>
            {t('restoreDefaultsOpen')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-label={t('restoreConfirmLabel')}>
          <p>{t('restoreQuestion')}</p>
          <button
            type="button"
            class="warn"
            autoFocus
            onClick={async () => {
              setConfirming(false);
              await apply(defaultSettings(), t('restored'));
            }}
          >
            {t('restoreDefaults')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
      <div class="outcome" role="status" aria-live="polite">
        {outcome?.kind === 'applied' && (
          <div class="summary">
            <p>
              {t('sentence', outcome.what)} {outcome.lines.length ? t('whatChanged') : t('nothingChanged')}
            </p>
            {outcome.lines.length > 0 && (
              <ul>
                {outcome.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            {outcome.lines.length > 0 && (
              <button type="button" onClick={() => void undo(outcome.previous)}>
                {t('undo')}
              </button>
            )}
          </div>
        )}
        {outcome?.kind === 'undone' && <p>{t('undone')}</p>}
      </div>
      {(outcome?.kind === 'refused' || outcome?.kind === 'failed') && (
        <div class="refused" role="alert">
          <p>{outcome.kind === 'refused' ? t('notImported', outcome.what) : t('nothingChangedColon')}</p>
          <ul>
            {outcome.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
