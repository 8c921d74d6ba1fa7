/** The wind-down notice: once per work range, N minutes before it ends. */
import { t } from '@/stores/i18n';
import { clockOf } from '@/utils/clock';
import { describeInstant } from '@/utils/describe';
import { plural } from '@/utils/i18n';
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
    const until = describeInstant(t, windDown.endsAt, now, timeZone, clockOf(settings.clock, navigator.language));
    const breakStarts = decide(settings, windDown.endsAt, timeZone).state === 'break';
    await notifications.create(`wind-down-${windDown.endsAt}`, {
      type: 'basic',
      iconUrl,
      title: t(breakStarts ? 'wdBreak' : 'wdEnd', until),
      message: plural(t, minutes, 'wdLeft_one', 'wdLeft_other'),
    });
  };
}
