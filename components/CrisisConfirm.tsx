import { useState } from 'preact/hooks';

export interface CrisisConfirmProps {
  /** What opens, in words: "SimplePractice", "all work sites". */
  what: string;
  minutes: number;
  /** Starts the exception; resolves to an error message, or null when it started. */
  onConfirm(): Promise<string | null>;
}

/** A crisis exception: one click, then one confirmation that says what opens and for how long. */
export function CrisisConfirm({ what, minutes, onConfirm }: CrisisConfirmProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!asking) {
    return (
      <button type="button" class="crisis" onClick={() => setAsking(true)}>
        Crisis exception…
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    const message = await onConfirm();
    setBusy(false);
    setError(message);
  };
  return (
    <div class="confirm" role="group" aria-label="Confirm the crisis exception">
      <p>
        Open {what} for {minutes} minutes? It is counted as after-hours work and ends by itself.
      </p>
      <div class="actions">
        <button type="button" class="crisis" disabled={busy} onClick={confirm} autoFocus>
          Start crisis exception
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
