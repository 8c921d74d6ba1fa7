/**
 * The page the worker opens when the browser withdraws a work site's access (entrypoints/access/):
 * one sentence saying why Clocked Out needs the sites, and one button asking for all of them in
 * the click (the browser shows its prompt only then). At the first install the welcome guide's
 * access step asks instead (components/welcome/AccessCheck.tsx).
 */
import { useState } from 'preact/hooks';
import { siteAccessOrigins } from '@/utils/patterns';
import { nameList } from '@/utils/rule-budget';
import type { Site } from '@/utils/types';

export interface AccessRequestProps {
  /** The enabled sites the browser withholds, from the worker's snapshot; null while it loads. */
  sites: readonly Site[] | null;
  /** `permissions.request({ origins })`; called synchronously in the click. */
  request(origins: string[]): Promise<boolean>;
}

export function AccessRequest({ sites, request }: AccessRequestProps) {
  const [status, setStatus] = useState<string | null>(null);
  if (sites === null) return <p>Checking what the browser lets Clocked Out see…</p>;
  if (!sites.length) {
    return (
      <>
        <h1>Clocked Out guards all your work sites</h1>
        <p role="status">The browser lets Clocked Out block and dim every work site you chose. You can close this tab.</p>
      </>
    );
  }
  const names = nameList(sites.map((s) => s.name));
  const ask = () => {
    // No await before this call: the browser shows its prompt only during the click.
    const answer = request([...new Set(sites.flatMap(siteAccessOrigins))]);
    setStatus(null);
    void answer.then(
      (ok) =>
        setStatus(ok ? null : `The browser did not give access, so ${names} stay unguarded and the toolbar badge shows "!". Try again and choose "Allow".`),
      (reason: unknown) => setStatus(`The browser could not ask for access: ${reason instanceof Error ? reason.message : String(reason)}`),
    );
  };
  return (
    <>
      <h1>Clocked Out is off for {names}</h1>
      <p class="why">
        Clocked Out needs access to {names} to block or dim {sites.length === 1 ? 'it' : 'them'} outside your working hours, and the browser no longer gives it.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={ask}>
          Allow access
        </button>
      </div>
      <p class="error" role="status">
        {status}
      </p>
    </>
  );
}
