// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomSites, type HostAccess } from '../../components/options/CustomSites';
import { MAX_CUSTOM_SITES, parseSettings, repairSettings } from '../../utils/settings';
import { Live, settingsWith, storeOf } from './options-fixtures';
import { en } from './english';

afterEach(cleanup);

const custom = (n: number) => Array.from({ length: n }, (_, i) => ({ host: `s${i}.example.org`, category: 'ehr' as const }));
const doc = (n: number) => ({ format: 'clocked-out/settings', version: 1, sites: { custom: custom(n) } });

describe('the custom-site limit', () => {
  it('refuses a document with too many custom sites, naming the field and the sites over the limit', () => {
    expect(parseSettings(en, doc(MAX_CUSTOM_SITES)).ok).toBe(true);
    expect(parseSettings(en, doc(MAX_CUSTOM_SITES + 3))).toEqual({
      ok: false,
      errors: [
        `sites.custom: lists ${MAX_CUSTOM_SITES + 3} sites, more than the ${MAX_CUSTOM_SITES} Clocked Out can guard (over the limit: s200.example.org, s201.example.org, s202.example.org)`,
      ],
    });
  });

  it('keeps the first sites of a stored document that has too many, and the rest of it', () => {
    const { settings, errors } = repairSettings(en, { ...doc(MAX_CUSTOM_SITES + 50), windDownMinutes: 25 });
    expect(settings.sites.custom).toEqual(custom(MAX_CUSTOM_SITES));
    expect(settings.windDownMinutes).toBe(25);
    expect(errors).toEqual([expect.stringMatching(/^sites\.custom: lists 250 sites, .*s200\.example\.org, .* and 45 more\)$/)]);
  });

  it('the form refuses one more before the browser is asked', { timeout: 30_000 }, async () => {
    const access: HostAccess = { request: vi.fn(async () => true), has: vi.fn(async () => true), release: vi.fn(async () => undefined) };
    const store = storeOf(settingsWith({ sites: { custom: custom(MAX_CUSTOM_SITES) } }));
    render(<Live store={store}>{(props) => <CustomSites {...props} access={access} />}</Live>);
    fireEvent.input(await screen.findByLabelText('Address of the site'), { target: { value: 'one-more.example.org' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add a site' }));
    expect((await screen.findByText(/the most Clocked Out can guard/)).textContent).toBe(
      `You have ${MAX_CUSTOM_SITES} sites of your own, the most Clocked Out can guard within the browser's limits. Remove one to add one-more.example.org.`,
    );
    expect(access.request).not.toHaveBeenCalled();
    expect(store.writes).toBe(0);
  });
});
