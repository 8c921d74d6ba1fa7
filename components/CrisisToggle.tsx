import { useEffect, useRef, useState } from 'preact/hooks';
import { describeInstant } from '@/utils/describe';
import type { ExceptionScope, Site } from '@/utils/types';
import { MINUTE } from '@/utils/zoned-time';
import { scopeFromKey, scopeGroups, scopeWords } from '@/utils/crisis';
import { CATEGORY_WORDS } from '@/utils/names';

export interface CrisisToggleProps {
  sites: readonly Site[];
  /** From settings (`exceptions.defaultMinutes`); offered with 15, 30 and 60. */
  defaultMinutes: number;
  /** The current tab's work site, preselected when known. */
  currentSiteId: string | null;
  /** Crisis exceptions started this week; null while not known. */
  used: number | null;
  weeklyLimit: number;
  now: number;
  timeZone: string;
  /** True when one is running already: the choices then wait behind "Start another crisis exception…". */
  another?: boolean;
  /** Starts the exception; resolves to an error message, or null when it started. */
  onStart(scope: ExceptionScope, minutes: number): Promise<string | null>;
}

/** Choose how long and what opens, press the button, confirm once: what opens and until when. */
export function CrisisToggle({ sites, defaultMinutes, currentSiteId, used, weeklyLimit, now, timeZone, another = false, onStart }: CrisisToggleProps) {
  const [minutes, setMinutes] = useState(defaultMinutes);
  const [key, setKey] = useState(currentSiteId ? `site:${currentSiteId}` : 'all');
  const [touched, setTouched] = useState(false);
  const [asking, setAsking] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const startButton = useRef<HTMLButtonElement | null>(null);
  const wasAsking = useRef(false);
  const form = useRef<HTMLDivElement | null>(null);

  // The current tab is looked up after the first render; it must not undo the user's own choice.
  useEffect(() => {
    if (currentSiteId && !touched) setKey(`site:${currentSiteId}`);
  }, [currentSiteId]);
  useEffect(() => {
    if (wasAsking.current && !asking) startButton.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  // The disclosure button is replaced by the choices: keep the keyboard user's place.
  useEffect(() => {
    if (expanded) form.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [expanded]);

  const choices = [...new Set([15, 30, 60, defaultMinutes])].sort((a, b) => a - b);
  const scope = scopeFromKey(key, sites) ?? { type: 'all' as const };
  const what = scopeWords(scope, sites);
  const until = describeInstant(now + minutes * MINUTE, now, timeZone);
  const over = used !== null && used >= weeklyLimit;

  const confirm = async () => {
    setBusy(true);
    const message = await onStart(scope, minutes);
    setBusy(false);
    setError(message);
    if (!message) setAsking(false);
  };

  if (asking) {
    return (
      <div class="confirm" role="group" aria-labelledby="crisis-confirm-text">
        <p id="crisis-confirm-text">
          Open <strong>{what}</strong> until <strong>{until}</strong> ({minutes} minutes)? It counts as after-hours work and closes by itself.
        </p>
        {used !== null && (
          <p class={over ? 'limit limit-over' : 'limit'}>
            {over
              ? `You have used ${used} of your ${weeklyLimit} crisis exceptions this week, so this one is past your limit. It still opens: a crisis comes first.`
              : `This will be ${used + 1} of your ${weeklyLimit} crisis exceptions this week.`}
          </p>
        )}
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={confirm} autoFocus>
            Yes, open until {until}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
        {error && <p class="error" role="alert">{error}</p>}
      </div>
    );
  }
  if (another && !expanded) {
    return (
      <button type="button" class="crisis-another" onClick={() => setExpanded(true)}>
        Start another crisis exception…
      </button>
    );
  }
  return (
    <div class="crisis-form" ref={form}>
      <fieldset class="minutes">
        <legend>For</legend>
        {choices.map((m) => (
          <label key={m}>
            <input type="radio" name="crisis-minutes" value={m} checked={minutes === m} onChange={() => setMinutes(m)} />
            <span>{m} min</span>
          </label>
        ))}
      </fieldset>
      <label class="scope">
        <span>Open</span>
        <select value={key} onChange={(e) => { setKey(e.currentTarget.value); setTouched(true); }}>
          <option value="all">All work sites</option>
          {scopeGroups(sites).map((g) => (
            <optgroup key={g.category} label={g.label}>
              <option value={`category:${g.category}`}>All {CATEGORY_WORDS[g.category]}</option>
              {g.sites.map((s) => (
                <option key={s.id} value={`site:${s.id}`}>{s.name}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="button" class="crisis-start" ref={startButton} onClick={() => { setError(null); setAsking(true); }}>
        Start a crisis exception…
      </button>
    </div>
  );
}
