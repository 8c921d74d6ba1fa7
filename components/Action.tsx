/**
 * What every button that asks the worker for something shares: it is disabled while the request
 * runs, and what went wrong is said where the clinician is looking, announced to a screen reader.
 */
import { useState } from 'preact/hooks';

/** `run(action)`: `busy` while it runs; its error message (or null when it was done) in `error`. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<string | null>): Promise<string | null> => {
    setBusy(true);
    const message = await action();
    setBusy(false);
    setError(message);
    return message;
  };
  return { busy, error, setError, run };
}

/** An error message, announced when it appears; nothing when there is none. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}
