/** The toolbar badge: clocked in or out at a glance, and minutes left of a countdown. */
import { statusLine } from '@/utils/describe';
import type { Decision } from '@/utils/policy';
import { MINUTE } from '@/utils/zoned-time';

export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}


/** Text and colour: nothing while working, "OFF" after hours, minutes left during a countdown. */
export function badgeFor(decision: Decision, now: number): { text: string; color: string } {
  const exception = decision.activeException;
  if (exception && decision.state !== 'work') return { text: `${Math.max(1, Math.ceil((exception.endsAt - now) / MINUTE))}m`, color: '#b45309' };
  if (decision.windDown) return { text: `${Math.max(1, Math.ceil((decision.windDown.endsAt - now) / MINUTE))}m`, color: '#2563eb' };
  if (decision.state === 'work') return { text: '', color: '#15803d' };
  return { text: 'OFF', color: '#4b5563' };
}

export function createBadgeEffect(action: BadgeApi) {
  return async (decision: Decision, _sites: unknown, { now, timeZone }: { now: number; timeZone: string }) => {
    const { text, color } = badgeFor(decision, now);
    await Promise.all([
      action.setBadgeText({ text }),
      action.setBadgeBackgroundColor({ color }),
      action.setTitle({ title: `Clocked Out — ${statusLine(decision, now, timeZone)}` }),
    ]);
  };
}
