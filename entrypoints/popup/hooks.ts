/** The popup's live inputs: the worker's snapshot, a clock that ticks when something changes, the current tab's site. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { history, watchHistory } from '@/stores/history';
import type { HistoryEvent } from '@/utils/history-events';
import { matchSite } from '@/utils/sites';
import type { Site } from '@/utils/types';
import { promptForToday } from '@/stores/prompt-store';
import type { Item } from '@/stores/item';
import type { Prompt, PromptChoice } from '@/utils/prompts';
import { MINUTE, SECOND } from '@/utils/zoned-time';

const MAX_TIMER = 2 ** 31 - 1;

/**
 * Re-renders at the next change of the decision and at each new minute, and every second while a
 * countdown shows. The popup is open for seconds; the worker never polls.
 */
export function useTicker(setNow: (now: number) => void, now: number, nextChangeAt: number | null, everySecond: boolean): void {
  useEffect(() => {
    const step = everySecond ? SECOND : MINUTE;
    let next = Math.floor(now / step) * step + step;
    if (nextChangeAt !== null && nextChangeAt > now) next = Math.min(next, nextChangeAt);
    const id = setTimeout(() => setNow(Date.now()), Math.min(MAX_TIMER, Math.max(0, next - Date.now()) + 5));
    return () => clearTimeout(id);
  }, [now, nextChangeAt, everySecond]);
}

/**
 * The work site of the active tab, if any. Without the `tabs` permission the browser gives the
 * address only of tabs on hosts the extension may access — the work sites. Only the site is kept.
 */
export function useCurrentSite(sites: readonly Site[]): string | null {
  const [siteId, setSiteId] = useState<string | null>(null);
  const ready = sites.length > 0;
  useEffect(() => {
    if (!ready) return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setSiteId(tab?.url ? (matchSite(tab.url, sites)?.id ?? null) : null))
      .catch(() => setSiteId(null));
  }, [ready]);
  return siteId;
}

/** History events from `from` on, read again whenever `version` changes; null until read (or unreadable). */
export function useHistory(from: number, version: string): HistoryEvent[] | null {
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  // And whenever an event is added anywhere (the worker records a spell of use as the tab leaves the foreground).
  const [added, setAdded] = useState(0);
  useEffect(() => watchHistory(() => setAdded((n) => n + 1)), []);
  useEffect(() => {
    let live = true;
    history.between(from, Number.POSITIVE_INFINITY).then(
      (list) => live && setEvents(list),
      () => live && setEvents(null),
    );
    return () => {
      live = false;
    };
  }, [from, version, added]);
  return events;
}

/** Today's prompt for the moment (see `promptForToday`), once it is read. */
export function usePrompt(choice: Omit<PromptChoice, 'shown'> | null): Prompt | null {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const key = choice && JSON.stringify(choice);
  useEffect(() => {
    if (!choice) return;
    let live = true;
    void promptForToday(choice).then((p) => live && setPrompt(p));
    return () => {
      live = false;
    };
  }, [key]);
  return prompt;
}

/** A stored value (undefined until read) and a way to change it. */
export function useItem<T>(item: Item<T>): [T | undefined, (value: T) => void] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    void item.getValue().then(setValue, () => undefined);
  }, [item]);
  return [
    value,
    (next: T) => {
      setValue(next);
      void item.setValue(next).catch(() => undefined);
    },
  ];
}
