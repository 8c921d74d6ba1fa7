/** Mute work sites' web notifications after hours: the browser's content-settings permission, asked for when switched on. */
import { useState } from 'preact/hooks';
import { isLocked, LockedNote, type SectionProps } from './shared';

export interface DoNotDisturbProps extends SectionProps {
  /** Asks for the optional permission; call it straight from the click. Resolves to whether it was given. */
  requestControl(): Promise<boolean>;
}

export function DoNotDisturbSection({ settings, update, locked, requestControl }: DoNotDisturbProps) {
  const [message, setMessage] = useState('');
  const disabled = isLocked(locked, 'muteNotifications');

  const toggle = (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    setMessage('');
    if (!on) return void update((s) => ({ ...s, muteNotifications: false }));
    // In the click itself: the browser shows its prompt only during a user gesture.
    const answer = requestControl();
    void answer.then(
      async (ok) => {
        if (!ok)
          return setMessage(
            'The browser did not give Clocked Out control of notifications, so they cannot be muted. Switch this on again and choose "Allow" to use it.',
          );
        const errors = await update((s) => ({ ...s, muteNotifications: true }));
        setMessage(errors.join(' '));
      },
      (reason: unknown) => setMessage(`The browser could not ask: ${reason instanceof Error ? reason.message : String(reason)}`),
    );
  };

  return (
    <div class="dnd">
      <label class="switch">
        <input type="checkbox" checked={settings.muteNotifications} disabled={disabled} onChange={toggle} aria-describedby="dnd-help" />
        Mute work sites' notifications outside work hours
      </label>
      {disabled && <LockedNote />}
      <p class="hint" id="dnd-help">
        Your EHR and work email stop popping up in the evening; they come back at the start of your next work range. The browser asks you once to let Clocked
        Out manage notification settings for work sites.
      </p>
      <p class="status" role="status">
        {message}
      </p>
    </div>
  );
}
