// @vitest-environment happy-dom
/**
 * The pages main added (the site-access page, the Balance section, Clock out now) speak the
 * browser's language, not English (docs/ARCHITECTURE.md, "Languages").
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import english from '../../locales/en/messages.json';
import french from '../../locales/fr/messages.json';
import spanish from '../../locales/es/messages.json';
import { AccessRequest } from '../../components/AccessRequest';
import { ClockOut } from '../../components/TodayOff';
import { BalanceSection } from '../../components/options/BalanceSection';
import { unguardedOf } from '../../components/Unguarded';
import { balanceOf } from '../../utils/balance';
import { type Catalogue, translator } from '../../utils/i18n';
import { defaultSettings } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';
import { settingsWith } from './options-fixtures';

/** The browser's messages in one language, for one test. */
function speak(catalogue: Catalogue) {
  const t = translator(catalogue);
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    t(key as never, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]))) as typeof fakeBrowser.i18n.getMessage;
}

beforeEach(() => speak(english));
afterEach(() => {
  cleanup();
  speak(english);
});

const ZONE = 'America/Chicago';

describe('the pages main added, in Spanish and French', () => {
  it('the site-access page says why and asks, in French', () => {
    speak(french);
    const snapshot = { settings: settingsWith({}), exceptions: [], timeZone: 'UTC', wrapUps: {}, notice: null, unguarded: ['simplepractice'] };
    render(<AccessRequest sites={unguardedOf(snapshot).sites} request={async () => true} />);
    expect(screen.getByRole('heading').textContent).toBe('Clocked Out est désactivé pour SimplePractice');
    expect(document.querySelector('.why')?.textContent).toMatch(/^Clocked Out a besoin d’accéder à SimplePractice pour le bloquer/);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([french.allowAccess.message]);
  });

  it('the Balance section and Clock out now, in Spanish', () => {
    speak(spanish);
    const now = toInstant('2026-12-03', 12 * 60, ZONE);
    const usage = { at: toInstant('2026-12-01', 20 * 60, ZONE), kind: 'usage' as const, site: 'simplepractice', category: 'ehr' as const, minutes: 45 };
    const balance = balanceOf([usage], { ...defaultSettings(), timeZone: ZONE }, { now, timeZone: ZONE });
    render(<BalanceSection balance={balance} />);
    expect(screen.getByRole('table', { name: 'Las últimas 8 semanas' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Esta semana, día por día' })).toBeTruthy();
    expect(screen.getByText(/^Se te debe ahora: 45 min de tiempo personal\./)).toBeTruthy();
    cleanup();
    render(<ClockOut choice="take" onTake={async () => null} onUndo={async () => null} />);
    expect(screen.getByRole('button').textContent).toBe('Terminar la jornada ahora');
  });
});
