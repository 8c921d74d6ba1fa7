// A live settings store for the options sections: validated like the real one, re-rendering on change.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Change, SectionProps } from '../../components/options/shared';
import { parseSettings, type Settings } from '../../utils/settings';
import { en } from './english';

export function settingsWith(doc: object = {}): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, timeZone: 'Europe/Berlin', ...doc });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

export interface Store {
  current: Settings;
  writes: number;
}

/** Renders `children` with settings that `update` changes (or refuses, with the validator's errors). */
export function Live({ store, locked = [], children }: { store: Store; locked?: string[]; children: (props: SectionProps) => ComponentChildren }) {
  const [settings, setSettings] = useState(store.current);
  const update = async (change: Change) => {
    const result = parseSettings(en, change(store.current));
    if (!result.ok) return result.errors;
    store.current = result.settings;
    store.writes++;
    setSettings(result.settings);
    return [];
  };
  return <>{children({ settings, update, locked })}</>;
}

export const storeOf = (settings: Settings): Store => ({ current: settings, writes: 0 });
