/**
 * Private windows: the browser runs no extension in them unless the clinician allows it there, so
 * the work sites open at any hour in one. What the guard cannot apply, it says: one sentence, and
 * where the browser's switch is.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/stores/i18n';

export interface PrivateWindowsProps {
  /** `extension.isAllowedIncognitoAccess()`. */
  allowed(): Promise<boolean>;
}

export function PrivateWindows({ allowed }: PrivateWindowsProps) {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    // An API the browser lacks answers nothing, and nothing is said.
    Promise.resolve()
      .then(allowed)
      .then(
        (answer) => live && setOn(answer),
        () => live && setOn(null),
      );
    return () => {
      live = false;
    };
  }, []);
  if (on !== false) return null;
  return (
    <p class="notice private-windows" role="note">
      {t('pwOff')}
    </p>
  );
}
