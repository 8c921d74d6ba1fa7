/** Mute work sites' web notifications after hours: the browser's content-settings permission, asked for when switched on. */
import { t } from '@/stores/i18n';
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
        if (!ok) return setMessage(t('dndRefused'));
        const errors = await update((s) => ({ ...s, muteNotifications: true }));
        setMessage(errors.join(' '));
      },
      (reason: unknown) => setMessage(t('couldNotAsk', reason instanceof Error ? reason.message : String(reason))),
    );
  };

  return (
    <div class="dnd">
      <label class="switch">
        <input type="checkbox" checked={settings.muteNotifications} disabled={disabled} onChange={toggle} aria-describedby="dnd-help" />
        {t('dndLabel')}
      </label>
      {disabled && <LockedNote />}
      <p class="hint" id="dnd-help">
        {t('dndHelp')}
      </p>
      <p class="status" role="status">
        {message}
      </p>
    </div>
  );
}
