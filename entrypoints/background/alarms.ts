/**
 * One alarm at the engine's next change. Alarms are the only way a sleeping worker wakes on time;
 * a boundary under 30 s away (packed extensions round alarms up to 30 s) also gets a timer, since
 * the worker that set it is awake and stays so that long.
 */
import type { Decision } from '@/utils/policy';
import { MINUTE, SECOND } from '@/utils/zoned-time';

export const BOUNDARY_ALARM = 'boundary';
const SHORT = 30 * SECOND;

export interface AlarmsApi {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/** The next wake-up: the next change, or the next minute while a countdown is on the badge. */
export function nextWakeAt(decision: Decision, now: number): number | null {
  const countdown = decision.windDown !== null || decision.activeException !== null;
  const minuteTick = countdown ? now + MINUTE - (now % MINUTE) : null;
  const candidates = [decision.nextChangeAt, minuteTick].filter((t): t is number => t !== null && t > now);
  return candidates.length ? Math.min(...candidates) : null;
}

export function createAlarmsEffect(alarms: AlarmsApi, refresh: () => Promise<void>, setTimer = setTimeout) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return async (decision: Decision, _sites: unknown, { now }: { now: number }) => {
    clearTimeout(timer);
    const when = nextWakeAt(decision, now);
    if (when === null) {
      await alarms.clear(BOUNDARY_ALARM);
      return;
    }
    await alarms.create(BOUNDARY_ALARM, { when });
    if (when - now < SHORT) timer = setTimer(() => void refresh(), when - now + 5);
  };
}
