// @vitest-environment happy-dom
// The page guard's panel (overlay and dim bar): the crisis exception's steps and words from
// utils/crisis.ts in plain DOM, acting on a person's events only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOCK_24H } from './clocks';
import { renderPanel, type PanelMemory, type PanelModel } from '../../entrypoints/guard/panel';
import { crisisView, initialChoice, type CrisisInput, type WeekCount } from '../../utils/crisis';
import type { Response } from '../../utils/messages';
import { enabledSites } from '../../utils/sites';
import { MINUTE } from '../../utils/zoned-time';
import { at, settingsWith, ZONE } from './popup-fixtures';
import { en } from './english';

const NOW = at('2026-11-30 20:00');
const sites = enabledSites(settingsWith());

function panel(week: WeekCount | null = { used: 2, limit: 2 }, answer: Response = { ok: true }, memory: PanelMemory = {}) {
  const input = (now: number): CrisisInput => ({ sites, currentSiteId: 'simplepractice', defaultMinutes: 30, week, now, timeZone: ZONE, clock: CLOCK_24H });
  const startException = vi.fn(async () => answer);
  const model: PanelModel = {
    siteName: 'SimplePractice',
    opensAgain: 'Opens again tomorrow 09:00',
    wrapUpMinutes: 5,
    wrapUpUsed: false,
    crisis: input,
    wrapUp: async () => ({ ok: true }),
    startException,
  };
  const root = document.createElement('div');
  document.body.append(root);
  const draw = () => renderPanel(document, root, model, false, memory);
  draw();
  return { root, startException, draw, input };
}

/** A click as a person makes it: the only kind the panel acts on. */
function trusted(target: Element, type = 'click') {
  const event = new Event(type, { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
const button = (root: HTMLElement, name: RegExp) => {
  const found = [...root.querySelectorAll('button')].find((b) => !b.hidden && name.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const shown = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('.crisis-flow legend, .crisis-flow label, .crisis-flow p:not([hidden]), .crisis-flow button')].map(
    (e) => e.textContent,
  );

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe("the page guard's crisis exception", () => {
  it('shows the same steps and words as the popup and the blocked page, the limit before confirming', () => {
    const { root, startException, input } = panel();
    expect(root.querySelector<HTMLElement>('.crisis-flow')?.hidden).toBe(true);
    trusted(button(root, /^Crisis exception…$/));
    const view = crisisView(en, input(NOW), initialChoice(input(NOW)));
    expect(shown(root)).toEqual([
      'What should open?',
      'Only SimplePractice',
      'All work sites',
      'For how long?',
      '15 min',
      '30 min',
      '60 min',
      `${view.question} ${view.note}`,
      view.limit?.text,
      'Yes, open until 20:30',
      'Cancel',
    ]);
    expect(view.limit?.text).toBe(
      'This will be your 3rd crisis exception this week. Your weekly limit is 2, so this one goes over it. It still opens: your client comes first.',
    );
    expect(root.querySelector('.limit')?.className).toBe('limit limit-over');
    expect(root.querySelector('.crisis-flow')?.getAttribute('aria-label')).toBe('Crisis exception');
    expect(startException).not.toHaveBeenCalled();
  });

  it('follows the choices, then confirms with what they say', async () => {
    const { root, startException } = panel();
    trusted(button(root, /^Crisis exception…$/));
    const radio = (value: string) => root.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
    radio('all').checked = true;
    trusted(radio('all'), 'change');
    radio('60').checked = true;
    trusted(radio('60'), 'change');
    expect(root.querySelector('.question')?.textContent).toBe(
      'Open all work sites until 21:00 (60 minutes)? It counts as after-hours work and closes by itself.',
    );
    trusted(button(root, /^Yes, open until 21:00$/));
    await vi.waitFor(() => expect(startException).toHaveBeenCalledWith({ type: 'all' }, 60));
  });

  it('says nothing about the limit while the count is not known', () => {
    const { root } = panel(null);
    trusted(button(root, /^Crisis exception…$/));
    expect(root.querySelector<HTMLElement>('.limit')?.hidden).toBe(true);
    expect(button(root, /^Yes/).getAttribute('aria-describedby')).toBe('crisis-question');
  });

  it('ignores events no person made: the opener, the choices and the confirmation', async () => {
    const { root, startException } = panel();
    button(root, /^Crisis exception…$/).click();
    expect(root.querySelector<HTMLElement>('.crisis-flow')?.hidden).toBe(true);
    trusted(button(root, /^Crisis exception…$/));
    const all = root.querySelector<HTMLInputElement>('input[value="all"]')!;
    all.checked = true;
    all.dispatchEvent(new Event('change'));
    expect(root.querySelector('.question')?.textContent).toMatch(/^Open SimplePractice/);
    button(root, /^Yes/).click();
    button(root, /^Yes/).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(startException).not.toHaveBeenCalled();
  });

  it('shows why it could not start, and lets the person try again', async () => {
    const { root } = panel(null, { ok: false, error: 'Clocked Out is not answering.' });
    trusted(button(root, /^Crisis exception…$/));
    const yes = button(root, /^Yes/);
    trusted(yes);
    await vi.waitFor(() => expect(root.querySelector('.status')?.textContent).toBe('Clocked Out is not answering.'));
    expect(yes.disabled).toBe(false);
  });

  it('goes back to the opener with Cancel', () => {
    const { root } = panel();
    trusted(button(root, /^Crisis exception…$/));
    trusted(button(root, /^Cancel$/));
    expect(root.querySelector<HTMLElement>('.crisis-flow')?.hidden).toBe(true);
    expect(button(root, /^Crisis exception…$/)).toBe(root.ownerDocument.activeElement);
  });

  it('stays open with the same choice when a new snapshot redraws it, and says "until" from now', () => {
    const memory: PanelMemory = {};
    const { root, draw } = panel(null, { ok: true }, memory);
    trusted(button(root, /^Crisis exception…$/));
    const fifteen = root.querySelector<HTMLInputElement>('input[value="15"]')!;
    fifteen.checked = true;
    trusted(fifteen, 'change');
    vi.setSystemTime(NOW + 10 * MINUTE);
    draw();
    expect(root.querySelector<HTMLElement>('.crisis-flow')?.hidden).toBe(false);
    expect(root.querySelector<HTMLInputElement>('input[value="15"]')?.checked).toBe(true);
    expect(button(root, /^Yes/).textContent).toBe('Yes, open until 20:25');
  });
});
