// Three languages in real Chromium (docs/ARCHITECTURE.md, "Languages"): with the browser in Spanish
// and in Canadian French, the popup, the blocked page, the page guard's dim bar, the options page
// and the toolbar title read in that language, from the same messages the unit tests hold complete.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guardButtons, launchClockedOut, untilCover } from './guard-helpers';
import type { Harness } from './harness';

interface Expected {
  /** What the browser says its UI language is. */
  readonly ui: RegExp;
  readonly lang: string;
  /** The popup after hours: its heading, the crisis heading, the settings button. */
  readonly status: RegExp;
  readonly crisisHeading: string;
  readonly openSettings: string;
  readonly crisisOpener: string;
  /** The crisis flow's question and note, from the engine (utils/crisis.ts). */
  readonly question: RegExp;
  /** The blocked page. */
  readonly closed: string;
  readonly opens: RegExp;
  readonly title: string;
  /** The toolbar button's title, written by the worker. */
  readonly toolbar: RegExp;
  /** The page guard's dim bar on a dimmed work site: its wrap-up button. */
  readonly wrapUp: RegExp;
  /** The options page: its heading and the first section's title. */
  readonly options: string;
  readonly hours: string;
  /** A public suffix typed as a custom site: refused, in words of the language. */
  readonly suffix: RegExp;
}

/** A time as the clock formatter writes it ("18:00", "18 h 00", "6:00 PM"), today or tomorrow. */
const TIME = String.raw`\d{1,2}(?::| h )\d\d(?: [AP]M)?`;
const es = (s: string) => new RegExp(`^${s.replace('WHEN', `(?:hoy|mañana) a las ${TIME}`)}$`);
const fr = (s: string) => new RegExp(`^${s.replace('WHEN', `(?:demain à )?${TIME}`)}$`);

const LANGUAGES: Record<string, Expected> = {
  es: {
    ui: /^es/,
    lang: 'es',
    status: es('Fuera de horario — de vuelta WHEN'),
    crisisHeading: 'Excepción por crisis',
    openSettings: 'Abrir configuración',
    crisisOpener: 'Excepción por crisis…',
    question: /^¿Abrir todos los sitios de trabajo hasta .+ \(\d+ minutos\)\? Cuenta como trabajo fuera de horario y se cierra sola\.$/,
    closed: 'SimplePractice está cerrado fuera de tu horario',
    opens: es('Vuelve a abrir WHEN\\.'),
    title: 'Fuera de horario — SimplePractice',
    toolbar: es('Clocked Out — Fuera de horario — de vuelta WHEN'),
    wrapUp: /^Terminar — \d+ minutos más$/,
    options: 'Configuración de Clocked Out',
    hours: 'Horario de trabajo',
    suffix: /^Esta dirección es un sufijo público: coincidiría con todos los sitios bajo él/,
  },
  fr_CA: {
    ui: /^fr/,
    lang: 'fr-CA',
    status: fr('Journée terminée — reprise : WHEN'),
    crisisHeading: 'Exception de crise',
    openSettings: 'Ouvrir les paramètres',
    crisisOpener: 'Exception de crise…',
    question: /^Ouvrir tous les sites de travail jusqu’à .+ \(\d+ minutes\)\? Elle compte comme du travail hors des heures et se referme d’elle-même\.$/,
    closed: 'SimplePractice est fermé en dehors de vos heures',
    opens: fr('Réouverture : WHEN\\.'),
    title: 'Hors des heures de travail — SimplePractice',
    toolbar: fr('Clocked Out — Journée terminée — reprise : WHEN'),
    wrapUp: /^Finaliser — \d+ minutes de plus$/,
    options: 'Paramètres de Clocked Out',
    hours: 'Heures de travail',
    suffix: /^Cette adresse est un suffixe public : il correspondrait à tous les sites en dessous/,
  },
};

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

describe.each(Object.entries(LANGUAGES))('with the browser in %s', (language, expected) => {
  let h: Harness;
  beforeAll(async () => {
    // Work starts in three hours, today: after hours now, SimplePractice blocked.
    h = await launchClockedOut({ language });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('the browser runs in that language', async () => {
    expect(await h.evalInWorker((chrome) => chrome.i18n.getUILanguage())).toMatch(expected.ui);
  });

  test('the popup says the state, the crisis exception and the way to settings in it', async () => {
    const page = await h.openPage(h.extensionUrl('popup.html'));
    await page.locator('h1').waitFor();
    expect(await text(page, 'h1')).toMatch(expected.status);
    expect(await text(page, '#crisis-heading')).toBe(expected.crisisHeading);
    expect(await page.getByRole('button', { name: expected.openSettings }).count()).toBe(1);
    await page.getByRole('button', { name: expected.crisisOpener }).click();
    expect(await text(page, '.question')).toMatch(expected.question);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.lang);
    await page.close();
  });

  test('the blocked page says which site is closed and when it opens in it', async () => {
    const page = await h.openPage('https://secure.simplepractice.com/');
    await expect.poll(() => page.url()).toContain('/blocked.html');
    await expect.poll(() => text(page, 'h1')).toBe(expected.closed);
    await expect.poll(() => text(page, 'p.opens')).toMatch(expected.opens);
    expect(await page.title()).toBe(expected.title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.lang);
    await page.close();
  });

  test("the page guard's dim bar on a dimmed work site speaks it", async () => {
    // Telehealth dims after hours by default: the page stays, under the veil and its bar.
    const page = await h.openPage('https://doxy.me/');
    await untilCover(page, 'dim', 5000);
    await expect.poll(() => guardButtons(page), { timeout: 5000 }).toContain(expected.crisisOpener);
    const buttons = await guardButtons(page);
    expect(
      buttons.some((name) => expected.wrapUp.test(name)),
      buttons.join(' | '),
    ).toBe(true);
    expect(buttons.filter((name) => /Wrap up|Crisis exception/.test(name))).toEqual([]);
    await page.close();
  });

  test('the options page says its sections and its checks in it', async () => {
    const page = await h.openPage(h.extensionUrl('options.html'));
    await expect.poll(() => text(page, 'h1')).toBe(expected.options);
    expect(await text(page, '#hours-title')).toBe(expected.hours);
    // The settings checks speak it too.
    await page.locator('#custom-address').fill('co.uk');
    await page.locator('#custom-address').press('Enter');
    await expect.poll(() => text(page, '#custom-error')).toMatch(expected.suffix);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.lang);
    await page.close();
  });

  test("the toolbar button's title, written by the worker, is in it", async () => {
    await expect.poll(() => h.evalInWorker((chrome) => chrome.action.getTitle({})), { timeout: 5000 }).toMatch(expected.toolbar);
  });
});
