/**
 * The crisis exception, as the popup and the blocked page show it: one button opens the steps of
 * `utils/crisis.ts` (what opens, for how long), whose confirmation says what opens, until when,
 * and where it stands against the weekly limit. The page guard's panel shows the same steps and
 * words in plain DOM (entrypoints/guard/panel.ts).
 */
import './CrisisFlow.css';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { choose, crisisView, initialChoice, type ChoiceView, type CrisisChoice, type CrisisInput, type CrisisOption } from '@/utils/crisis';
import type { ExceptionScope } from '@/utils/types';
import { t } from '@/stores/i18n';
import { SECOND } from '@/utils/zoned-time';
import { ErrorAlert, useAction } from './Action';

export interface CrisisFlowProps extends Omit<CrisisInput, 'now'> {
  /** Starts the exception; resolves to an error message, or null when it started. */
  onStart(scope: ExceptionScope, minutes: number): Promise<string | null>;
}

/** How often "until 20:30" is brought up to date while the flow is open. */
const TICK = 15 * SECOND;

function Choice({ choice, name, onChoose }: { choice: ChoiceView; name: string; onChoose(value: string): void }) {
  const grouped = choice.options.some((o) => o.group);
  if (grouped) {
    // A long list (the popup on a tab that is no work site): one select, the sites under their categories.
    const groups = new Map<string | undefined, CrisisOption[]>();
    for (const o of choice.options) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
    return (
      <label class={`choice-list choice-${choice.step}`}>
        <span>{choice.legend}</span>
        <select value={choice.value} onChange={(e) => onChoose(e.currentTarget.value)}>
          {[...groups].map(([group, options]) => {
            const items = options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ));
            return group ? (
              <optgroup key={group} label={group}>
                {items}
              </optgroup>
            ) : (
              items
            );
          })}
        </select>
      </label>
    );
  }
  return (
    <fieldset class={`choice choice-${choice.step}`}>
      <legend>{choice.legend}</legend>
      {choice.options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} value={o.value} checked={choice.value === o.value} onChange={() => onChoose(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function CrisisFlow({ onStart, ...input }: CrisisFlowProps) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<CrisisChoice>(() => initialChoice(input));
  const [touched, setTouched] = useState(false);
  const [now, setNow] = useState(Date.now);
  const { busy, error, setError, run } = useAction();
  const opener = useRef<HTMLButtonElement | null>(null);
  const group = useRef<HTMLDivElement | null>(null);
  const wasOpen = useRef(false);
  const id = useId();

  // The current tab (popup) is looked up after the first render; it must not undo the user's own choice.
  useEffect(() => {
    if (!touched) setChoice(initialChoice(input));
  }, [input.currentSiteId, input.sites.length > 0]);
  // Opening moves the keyboard user into the steps; closing brings them back to the button.
  useEffect(() => {
    if (open) group.current?.querySelector<HTMLElement>('input:checked, select, button')?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  // "Until 20:30" is said from the moment it is read, not the moment the page was drawn.
  useEffect(() => {
    if (!open) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK);
    return () => clearInterval(timer);
  }, [open]);

  const full: CrisisInput = { ...input, now };
  const view = crisisView(t, full, choice);

  if (!open) {
    return (
      <button
        type="button"
        class="crisis-open"
        ref={opener}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {view.opener}
      </button>
    );
  }
  const confirm = async () => {
    if (!(await run(() => onStart(view.request.scope, view.request.minutes)))) setOpen(false);
  };
  const question = `${id}-question`;
  const limit = `${id}-limit`;
  return (
    <div class="crisis-flow" role="group" aria-label={view.title} ref={group}>
      {view.choices.map((c) => (
        <Choice
          key={c.step}
          choice={c}
          name={`${id}-${c.step}`}
          onChoose={(value) => {
            setChoice((current) => choose(t, full, current, c.step, value));
            setTouched(true);
          }}
        />
      ))}
      <p class="question" id={question}>
        {view.question} {view.note}
      </p>
      {view.limit && (
        <p class={view.limit.over ? 'limit limit-over' : 'limit'} id={limit}>
          {view.limit.text}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={confirm} aria-describedby={view.limit ? `${question} ${limit}` : question}>
          {view.confirm}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {view.cancel}
        </button>
      </div>
      <ErrorAlert message={error} />
    </div>
  );
}
