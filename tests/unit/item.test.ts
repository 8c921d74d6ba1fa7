// The storage items the stores define: a value under one key, with its fallback, watched.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem } from '../../stores/item';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a storage item', () => {
  it('reads its fallback while nothing is stored, then what is', async () => {
    const item = defineItem<number[]>('local:list', { fallback: [] });
    expect(await item.getValue()).toEqual([]);
    await item.setValue([1, 2]);
    expect(await item.getValue()).toEqual([1, 2]);
    expect(await fakeBrowser.storage.local.get('list')).toEqual({ list: [1, 2] });
  });

  it('reads null without a fallback, and removes its key when set to null', async () => {
    const item = defineItem<string>('sync:name');
    expect(await item.getValue()).toBeNull();
    await item.setValue('x');
    await item.setValue(null);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('keeps a key with a colon whole', async () => {
    await defineItem<number>('local:a:b', { fallback: 0 }).setValue(3);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'a:b': 3 });
  });

  it('tells its watcher each new value, the fallback once removed, and nothing of other keys or areas', async () => {
    const item = defineItem<number>('local:count', { fallback: 0 });
    const seen: Array<[number, number]> = [];
    const unwatch = item.watch((value, previous) => seen.push([value, previous]));
    await item.setValue(1);
    await fakeBrowser.storage.sync.set({ count: 5 });
    await fakeBrowser.storage.local.set({ other: 5 });
    await item.setValue(null);
    unwatch();
    await item.setValue(2);
    expect(seen).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
