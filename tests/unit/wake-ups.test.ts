import { describe, expect, it, vi } from 'vitest';
import { createAlarmsEffect, nextWakeAt } from '@/entrypoints/background/alarms';
import { badgeFor } from '@/entrypoints/background/badge';
import type { Decision } from '@/utils/policy';
import type { Exception } from '@/utils/types';

const NOW = Date.parse('2026-12-02T21:59:20Z');
const MINUTE = 60_000;

function decision(overrides: Partial<Decision>): Decision {
  return {
    state: 'off',
    stateStartedAt: null,
    stateEndsAt: null,
    nextWorkAt: null,
    windDown: null,
    siteActions: {},
    activeExceptions: [],
    activeException: null,
    nextChangeAt: null,
    ...overrides,
  };
}
const crisis: Exception = { id: 'x', kind: 'crisis', scope: { type: 'all' }, startedAt: NOW - MINUTE, endsAt: NOW + 23 * MINUTE };

describe('when the worker wakes next', () => {
  it('wakes only at the next boundary when nothing is counting down', () => {
    expect(nextWakeAt(decision({ nextChangeAt: NOW + 3 * 3_600_000 }), NOW)).toBe(NOW + 3 * 3_600_000);
  });
  it('never sets a wake-up in the past or when nothing will change', () => {
    expect(nextWakeAt(decision({ nextChangeAt: NOW - 1 }), NOW)).toBeNull();
    expect(nextWakeAt(decision({ nextChangeAt: null }), NOW)).toBeNull();
  });
  it('ticks each minute while the badge counts an exception down', () => {
    expect(nextWakeAt(decision({ activeException: crisis, nextChangeAt: crisis.endsAt }), NOW)).toBe(Date.parse('2026-12-02T22:00:00Z'));
  });

  it('backs a boundary under 30 seconds away with a timer as well as the alarm', async () => {
    const alarms = { create: vi.fn(), clear: vi.fn(async () => true) };
    const refresh = vi.fn(async () => {});
    const timers: number[] = [];
    const effect = createAlarmsEffect(alarms, refresh, ((fn: () => void, ms: number) => {
      timers.push(ms);
      fn();
      return 0;
    }) as unknown as typeof setTimeout);
    await effect(decision({ nextChangeAt: NOW + 10_000 }), [], { now: NOW });
    expect(alarms.create).toHaveBeenCalledWith('boundary', { when: NOW + 10_000 });
    expect(timers[0]).toBeGreaterThanOrEqual(10_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    await effect(decision({ nextChangeAt: NOW + 3_600_000 }), [], { now: NOW });
    expect(timers).toHaveLength(1);
  });
});

describe('the badge', () => {
  it.each([
    ['nothing while clocked in', decision({ state: 'work' }), ''],
    ['OFF after hours', decision({ state: 'off' }), 'OFF'],
    ['OFF on a day off', decision({ state: 'timeOff' }), 'OFF'],
    ['the minutes left of an exception', decision({ state: 'off', activeException: crisis }), '23m'],
    ['the minutes left before the day ends', decision({ state: 'work', windDown: { endsAt: NOW + 9.5 * MINUTE } }), '10m'],
  ])('shows %s', (_name, d, text) => {
    expect(badgeFor(d, NOW).text).toBe(text);
  });
});
