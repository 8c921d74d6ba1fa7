/**
 * A page's spells of foreground use (docs/ARCHITECTURE.md, "History"), as its page guard keeps
 * them: a spell runs while the page is in the foreground (its site open after hours, the active
 * tab of a focused window) and the machine is not idle, and is handed on whole when it ends —
 * the guard sends it to the worker, which only appends it to the history. Pure: the instant and
 * the machine's idle state (the instant it went idle or locked, from the worker) are arguments.
 */
import { MINUTE } from './zoned-time';

/** A spell: its start and its length. */
export interface UsageSpell {
  readonly at: number;
  readonly minutes: number;
}

/** The page's spell keeper: call it at every change; `ended` gets each spell that ends. */
export function createSpells(ended: (spell: UsageSpell) => void): (now: number, foreground: boolean, idleSince: number | null) => void {
  let since: number | null = null;
  return (now, foreground, idleSince) => {
    const using = foreground && idleSince === null;
    if (using && since === null) since = now;
    else if (!using && since !== null) {
      // Idle time is not use: a spell the machine went idle in ends when it did.
      const end = idleSince === null ? now : Math.max(since, Math.min(now, idleSince));
      const spell = { at: since, minutes: (end - since) / MINUTE };
      since = null;
      if (spell.minutes > 0) ended(spell);
    }
  };
}
