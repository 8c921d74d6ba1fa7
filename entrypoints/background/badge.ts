/**
 * The toolbar badge: clocked in or out at a glance, and minutes left of a countdown; a red "!"
 * when a work site is unguarded (no host access), open work tabs could not be guarded again after
 * an update, or a problem was announced. The only writer of the badge: the guard's `announce`
 * comes here too.
 */
import { t } from '@/stores/i18n';
import { clockOf } from '@/utils/clock';
import { statusLine, uncoveredTabs } from '@/utils/describe';
import { nameList } from '@/utils/rule-budget';
import type { Decision } from '@/utils/policy';
import type { Settings } from '@/utils/settings/schema';
import type { Site } from '@/utils/types';
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
  return { text: t('badgeOff'), color: '#4b5563' };
}

const WARNING_COLOR = '#b91c1c';

/** The title when sites are unguarded: they are named, so the clinician knows what to allow. */
export function unguardedTitle(names: readonly string[]): string {
  return t('notGuarding', nameList(t, names));
}

/**
 * The badge effect and the guard's `announce`. `unguarded` gives the sites lacking host access
 * (the access check shared with the access effect), `uncovered` how many open work tabs are left
 * unguarded after an update (the re-guard's check); absent, none are.
 */
export function createBadge(
  action: BadgeApi,
  unguarded: (sites: readonly Site[]) => Promise<readonly Site[]> = async () => [],
  uncovered: (sites: readonly Site[]) => Promise<number> = async () => 0,
) {
  // The title written by the last refresh's effect, which an announced notice is added to.
  let title = t('extName');
  const write = (text: string, color: string, next: string) =>
    Promise.all([action.setBadgeText({ text }), action.setBadgeBackgroundColor({ color }), action.setTitle({ title: next })]).then(() => undefined);
  return {
    effect: async (decision: Decision, sites: readonly Site[], { now, timeZone, settings }: { now: number; timeZone: string; settings: Settings }) => {
      const [missing, tabs] = await Promise.all([unguarded(sites), uncovered(sites)]);
      if (missing.length || tabs > 0) {
        const parts = [missing.length ? unguardedTitle(missing.map((site) => site.name)) : null, tabs > 0 ? t('titleTabs', uncoveredTabs(t, tabs)) : null];
        title = parts.filter(Boolean).join(' ');
        return write('!', WARNING_COLOR, title);
      }
      const { text, color } = badgeFor(decision, now);
      title = t('titleState', statusLine(t, decision, now, timeZone, clockOf(settings.clock, navigator.language)));
      return write(text, color, title);
    },
    /** After the effects, so the warning is what shows until the next refresh. */
    announce: (notice: string | null) => write('!', WARNING_COLOR, notice ? `${title} — ${notice}` : title),
  };
}
