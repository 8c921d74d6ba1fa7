/**
 * The welcome guide opens once, when the extension is first installed: never on an update, a
 * browser update or a reinstall over a profile that has already seen it (Chromium reinstalls an
 * extension loaded from a folder at every launch, with reason "install").
 */
import { browser } from 'wxt/browser';
import { defineItem } from '@/stores/item';

/** Set once the guide has been opened in this profile. */
export const welcomedItem = defineItem<boolean>('local:welcomed', { fallback: false });

export interface WelcomeDeps {
  /** Opens the guide (welcome.html) in a new tab. */
  open(): Promise<unknown>;
  seen: { get(): Promise<boolean>; set(value: boolean): Promise<void> };
}

/** The `runtime.onInstalled` listener: opens the guide on the first install only. */
export function createWelcome({ open, seen }: WelcomeDeps) {
  return async (details: { reason: string }): Promise<void> => {
    if (details.reason !== 'install' || (await seen.get())) return;
    await seen.set(true);
    await open();
  };
}

/** The listener as the worker registers it. */
export const welcomeOnFirstInstall = createWelcome({
  open: () => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }),
  seen: { get: () => welcomedItem.getValue(), set: (value) => welcomedItem.setValue(value) },
});
