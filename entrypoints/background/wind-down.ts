/** The wind-down notice: once per work range, N minutes before it ends. */
import { clockOf } from '@/utils/clock';
import { describeInstant } from '@/utils/describe';
import { decide, type Decision } from '@/utils/policy';
import type { Settings } from '@/utils/settings';
import { MINUTE } from '@/utils/zoned-time';

export interface NotifyApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
}

export function createWindDownEffect(notifications: NotifyApi, iconUrl: string, store: { get(): Promise<number>; set(v: number): Promise<void> }) {
  return async (decision: Decision, _sites: unknown, { now, timeZone, settings }: { now: number; timeZone: string; settings: Settings }) => {
    const windDown = decision.windDown;
    if (!windDown || (await store.get()) === windDown.endsAt) return;
    await store.set(windDown.endsAt);
    const minutes = Math.max(1, Math.round((windDown.endsAt - now) / MINUTE));
    const until = describeInstant(windDown.endsAt, now, timeZone, clockOf(settings.clock, navigator.language));
    const ending = decide(settings, windDown.endsAt, timeZone).state === 'break' ? 'Break starts' : 'Work day ends';
    await notifications.create(`wind-down-${windDown.endsAt}`, {
      type: 'basic',
      iconUrl,
      title: `${ending} at ${until}`,
      message: `${minutes} minute${minutes === 1 ? '' : 's'} to finish your notes.`,
    });
  };
}
