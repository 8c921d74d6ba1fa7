import { describe, expect, it } from 'vitest';
import { CATALOGUE, SHARED_PERSONAL_WARNING } from '../../utils/catalogue';
import { defaultSettings, parseSettings, type Settings } from '../../utils/settings';
import { enabledSites, matchSite, patternSpecificity, siteName, siteWarning, specificity } from '../../utils/sites';
import type { Site } from '../../utils/types';
import { en } from './english';

function settingsWith(sites: unknown): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, sites });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

const defaults = enabledSites(defaultSettings());
const idOf = (url: string | URL, sites: readonly Site[] = defaults) => matchSite(url, sites)?.id ?? null;

describe('matchSite with the default catalogue', () => {
  it.each([
    ['SimplePractice', 'https://secure.simplepractice.com/clients/0123456789abcdef/overview', 'simplepractice'],
    ['SimplePractice video', 'https://video.simplepractice.com/appt-0123', 'simplepractice-video'],
    ['the TherapyNotes app under /app/', 'https://www.therapynotes.com/app/patients/list', 'therapynotes'],
    ['the TherapyNotes app whatever the case of its path', 'https://www.therapynotes.com/App/patients', 'therapynotes'],
    ['the TherapyNotes app without www, over http', 'http://therapynotes.com/app/patients', 'therapynotes'],
    ['the TherapyNotes app behind doubled slashes', 'https://www.therapynotes.com//app/patients', 'therapynotes'],
    ['SimplePractice with user info, a trailing dot and a port', 'https://x@secure.simplepractice.com.:8443/clients', 'simplepractice'],
    ['a Jane clinic subdomain', 'https://myclinic.janeapp.com/admin#/staff_member/3', 'jane'],
    ['a Jane clinic in the UK', 'https://myclinic.janeapp.co.uk/admin', 'jane'],
    ['Jane video rather than the Jane clinic wildcard', 'https://videochat.janeapp.com/x', 'jane-video'],
    ['Jane video in Australia', 'https://videochat.janeapp.com.au/room', 'jane-video'],
    ['a host in capitals', 'https://SECURE.SimplePractice.com/calendar', 'simplepractice'],
    ['a host with a trailing dot', 'https://secure.simplepractice.com./calendar', 'simplepractice'],
    ['a host with a port', 'https://secure.simplepractice.com:8443/calendar', 'simplepractice'],
    ['plain http', 'http://secure.simplepractice.com/', 'simplepractice'],
    ['a subdomain of a listed host', 'https://eu.secure.simplepractice.com/', 'simplepractice'],
    ['IntakeQ on its apex as well as its subdomains', 'https://intakeq.com/login', 'intakeq'],
    ['an eClinicalWorks practice under /mobiledoc/', 'https://practice1.eclinicalweb.com/mobiledoc/jsp/login.jsp', 'ecw'],
  ])('finds %s', (_, url, id) => {
    expect(idOf(url)).toBe(id);
  });

  it.each([
    ['TherapyNotes marketing pages', 'https://www.therapynotes.com/'],
    ['TherapyNotes pricing', 'https://www.therapynotes.com/pricing/'],
    ['a TherapyNotes page whose path merely starts like the app', 'https://www.therapynotes.com/application-form'],
    ['the Jane marketing site', 'https://jane.app/features'],
    ['the apex of Jane’s clinic wildcard', 'https://janeapp.com/'],
    ['the apex of TheraNest’s wildcard', 'https://theranest.com/'],
    ['eClinicalWorks outside /mobiledoc/ (patient portals share the domain)', 'https://practice1.eclinicalweb.com/portal/'],
    ['a look-alike domain', 'https://secure.simplepractice.com.evil.example/'],
    ['a domain ending the same way', 'https://notsimplepractice.com/'],
    ['Gmail, which is off until switched on', 'https://mail.google.com/mail/u/0/'],
    ['an unrelated site', 'https://www.example.org/'],
    ['an ftp URL of a work host', 'ftp://secure.simplepractice.com/'],
    ['a ws URL of a work host', 'wss://secure.simplepractice.com/cable'],
    ['a view-source URL', 'view-source:https://secure.simplepractice.com/'],
    ['a blob URL', 'blob:https://secure.simplepractice.com/0c1f'],
    ['text that is not a URL', 'secure.simplepractice.com'],
    ['an empty string', ''],
  ])('ignores %s', (_, url) => {
    expect(idOf(url)).toBeNull();
  });

  it('accepts a URL object as well as a string', () => {
    expect(idOf(new URL('https://videochat.janeapp.com/x'))).toBe('jane-video');
  });
});

describe('matchSite with switches and custom sites', () => {
  it('follows catalogue switches: Gmail on, SimplePractice off', () => {
    const sites = enabledSites(settingsWith({ catalogue: { gmail: true, simplepractice: false } }));
    expect(idOf('https://mail.google.com/mail/u/0/', sites)).toBe('gmail');
    expect(idOf('https://secure.simplepractice.com/clients', sites)).toBeNull();
    expect(idOf('https://video.simplepractice.com/appt-1', sites)).toBe('simplepractice-video');
  });

  it('finds a custom host and its subdomains', () => {
    const sites = enabledSites(settingsWith({ custom: [{ host: 'ehr.example-clinic.org', category: 'ehr' }] }));
    expect(idOf('https://ehr.example-clinic.org/chart/12', sites)).toBe('custom:ehr.example-clinic.org');
    expect(idOf('https://eu.ehr.example-clinic.org/', sites)).toBe('custom:ehr.example-clinic.org');
    expect(idOf('https://www.example-clinic.org/', sites)).toBeNull();
  });

  it('finds a custom wildcard on subdomains but not on its apex', () => {
    const sites = enabledSites(settingsWith({ custom: [{ host: '*.example-clinic.org', category: 'practice' }] }));
    expect(idOf('https://billing.example-clinic.org/', sites)).toBe('custom:*.example-clinic.org');
    expect(idOf('https://example-clinic.org/', sites)).toBeNull();
  });

  it('finds a custom intranet IP address', () => {
    const sites = enabledSites(settingsWith({ custom: [{ host: 'http://192.168.1.20:8080/emr', category: 'ehr' }] }));
    expect(idOf('http://192.168.1.20:8080/emr/chart', sites)).toBe('custom:192.168.1.20');
    expect(idOf('http://192.168.1.2/', sites)).toBeNull();
  });

  it('lets a more specific custom host win over a catalogue wildcard', () => {
    const sites = enabledSites(settingsWith({ custom: [{ host: 'myclinic.janeapp.com', category: 'practice', action: 'allow' }] }));
    expect(idOf('https://myclinic.janeapp.com/admin', sites)).toBe('custom:myclinic.janeapp.com');
    expect(idOf('https://otherclinic.janeapp.com/admin', sites)).toBe('jane');
  });

  it('lets a custom site win a tie with the catalogue', () => {
    const sites = enabledSites(settingsWith({ custom: [{ host: 'secure.simplepractice.com', category: 'practice' }] }));
    expect(idOf('https://secure.simplepractice.com/', sites)).toBe('custom:secure.simplepractice.com');
  });

  it('keeps TherapyNotes’ /app/ for the catalogue entry when a custom site names the whole host', () => {
    const sites = enabledSites(settingsWith({ custom: [{ host: 'www.therapynotes.com', category: 'practice' }] }));
    expect(idOf('https://www.therapynotes.com/app/x', sites)).toBe('therapynotes');
    expect(idOf('https://www.therapynotes.com/pricing', sites)).toBe('custom:www.therapynotes.com');
  });

  it('finds nothing when there are no sites', () => {
    expect(idOf('https://secure.simplepractice.com/', [])).toBeNull();
  });
});

describe('specificity', () => {
  it.each([
    ['an exact host over a wildcard on the same base', 'example.org', '*.example.org'],
    ['a longer host over a shorter one', 'ehr.example.org', 'example.org'],
    ['a longer wildcard over a shorter exact host', '*.ehr.example.org', 'example.org'],
    ['an exact host over the wildcard above it', 'videochat.janeapp.com', '*.janeapp.com'],
  ])('ranks %s', (_, narrow, broad) => {
    expect(patternSpecificity(narrow)).toBeGreaterThan(patternSpecificity(broad));
  });

  it('ranks a path prefix over the same host without one', () => {
    expect(patternSpecificity('www.therapynotes.com', '/app/')).toBeGreaterThan(patternSpecificity('www.therapynotes.com'));
  });

  it('is 0 for a site that does not cover the host, and the narrowest covering pattern otherwise', () => {
    const zoom: Site = { id: 'zoom', name: 'Zoom', category: 'telehealth', hosts: ['zoom.us', '*.zoom.us'] };
    expect(specificity(zoom, 'example.org')).toBe(0);
    expect(specificity(zoom, 'zoom.us')).toBe(patternSpecificity('zoom.us'));
    expect(specificity(zoom, 'us02web.zoom.us')).toBe(patternSpecificity('zoom.us'));
  });
});

describe('siteWarning', () => {
  it.each(CATALOGUE.filter((entry) => entry.sharedPersonal).map((entry) => [entry.id]))('warns that %s is also used personally', (id) => {
    expect(siteWarning(id)).toBe(SHARED_PERSONAL_WARNING);
  });

  it.each([['simplepractice'], ['custom:ehr.example-clinic.org'], ['no-such-site']])('has no warning for %s', (id) => {
    expect(siteWarning(id)).toBeNull();
  });
});

describe('siteName', () => {
  it.each([
    ['simplepractice', 'SimplePractice'],
    ['custom:ehr.example-clinic.org', 'ehr.example-clinic.org'],
    ['custom:*.example-clinic.org', 'example-clinic.org'],
    ['no-such-site', null],
    [null, null],
  ])('names %s as %s without reading settings', (id, name) => {
    expect(siteName(id)).toBe(name);
  });
});
