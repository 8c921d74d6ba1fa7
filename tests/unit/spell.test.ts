import { describe, expect, it } from 'vitest';
import { createSpells, type UsageSpell } from '../../utils/spell';
import { MINUTE, SECOND } from '../../utils/zoned-time';

const T = Date.parse('2026-12-03T02:00:00Z');
const m = (n: number) => T + n * MINUTE;

function keeper() {
  const spells: UsageSpell[] = [];
  const change = createSpells((s) => spells.push(s));
  const list = () => spells.map((s) => [(s.at - T) / MINUTE, Math.round(s.minutes * 100) / 100]);
  return { change, list };
}

describe("a page's spells of foreground use", () => {
  it('hands on a spell per stretch in the foreground: 12 minutes in two spells', () => {
    const { change, list } = keeper();
    change(m(0), true, null);
    change(m(2), true, null); // another event while still in the foreground changes nothing
    change(m(5), false, null);
    change(m(10), false, null);
    change(m(20), true, null);
    change(m(27), false, null);
    expect(list()).toEqual([
      [0, 5],
      [20, 7],
    ]);
  });

  it('ends a spell when the machine went idle, not when the worker said so, and resumes when it is back', () => {
    const { change, list } = keeper();
    change(m(0), true, null);
    change(m(4), true, m(3)); // the worker says at 4: idle since 3 (no input for its detection minute)
    change(m(30), true, m(3));
    change(m(44), true, null); // active again
    change(m(46), false, null);
    expect(list()).toEqual([
      [0, 3],
      [44, 2],
    ]);
  });

  it('starts nothing while the machine is idle or the page is in the background, and drops an empty spell', () => {
    const { change, list } = keeper();
    change(m(0), true, m(-1));
    change(m(1), false, m(-1));
    change(m(2), false, null);
    change(m(3), true, null);
    change(m(3), false, null);
    change(m(4), true, m(3) - SECOND);
    change(m(5), false, null);
    expect(list()).toEqual([]);
  });
});
