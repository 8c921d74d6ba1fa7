/**
 * One value in extension storage under one key, with a fallback when nothing is stored — what
 * `wxt/utils/storage`'s `defineItem` gave, without its versioning, metadata and locks (8 kB the
 * worker and the page guard would load at every start for none of them). Over the browser's own
 * storage API (native-browser.ts), so the page guard can use it without the polyfill.
 */
import { nativeBrowser } from './native-browser';

type Area = 'local' | 'sync' | 'session';
export type ItemKey = `${Area}:${string}`;

export interface Item<T> {
  /** The storage key, without its area. */
  readonly key: string;
  /** The stored value, or the fallback when there is none (or it is null). */
  getValue(): Promise<T>;
  /** Stores `value`; null or undefined removes the key. */
  setValue(value: T | null): Promise<void>;
  /** Calls `callback` with each new value (the fallback when removed) until the returned function is called. */
  watch(callback: (value: T, previous: T) => void): () => void;
}

export function defineItem<T>(key: ItemKey, options: { fallback: T }): Item<T>;
export function defineItem<T>(key: ItemKey): Item<T | null>;
export function defineItem<T>(areaKey: ItemKey, options?: { fallback: T }): Item<T | null> {
  const [area, key] = areaKey.split(/:(.*)/s) as [Area, string];
  const fallback = options?.fallback ?? null;
  const storage = () => nativeBrowser().storage;
  return {
    key,
    async getValue() {
      const items = (await storage()[area].get(key)) as Record<string, unknown>;
      return (items[key] as T | null | undefined) ?? fallback;
    },
    async setValue(value) {
      if (value === null || value === undefined) await storage()[area].remove(key);
      else await storage()[area].set({ [key]: value });
    },
    watch(callback) {
      const events = storage().onChanged;
      const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => {
        const change = changes[key];
        if (areaName !== area || !change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        callback((change.newValue as T | undefined) ?? fallback, (change.oldValue as T | undefined) ?? fallback);
      };
      events.addListener(listener);
      return () => events.removeListener(listener);
    },
  };
}
