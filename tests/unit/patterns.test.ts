import { describe, expect, it } from 'vitest';
import { patternsWithAction, permissionOrigins, siteHostPatterns, sitePatterns } from '@/utils/patterns';
import type { Site } from '@/utils/types';

describe('match patterns for sites', () => {
  const therapynotes: Site = { id: 'therapynotes', name: 'TherapyNotes', category: 'ehr', hosts: ['www.therapynotes.com'], pathPrefix: '/app/' };

  it('covers a catalogue site over http and https, within its app path, with and without www', () => {
    expect(sitePatterns(therapynotes)).toEqual(['*://*.www.therapynotes.com/app/*', '*://therapynotes.com/app/*']);
  });

  it('covers whole hosts where the page guard runs, so an app moving into its path is seen', () => {
    expect(siteHostPatterns(therapynotes)).toEqual(['*://*.www.therapynotes.com/*', '*://therapynotes.com/*']);
    expect(siteHostPatterns({ id: 'jane', name: 'Jane', category: 'ehr', hosts: ['*.janeapp.com'] })).toEqual(['*://*.janeapp.com/*']);
  });

  it('covers a custom site over http and https, and an intranet address exactly', () => {
    expect(sitePatterns({ id: 'custom:ehr.example.org', name: 'x', category: 'ehr', hosts: ['ehr.example.org'] })).toEqual(['*://*.ehr.example.org/*']);
    expect(sitePatterns({ id: 'custom:10.0.0.5', name: 'x', category: 'ehr', hosts: ['10.0.0.5'] })).toEqual(['*://10.0.0.5/*']);
  });

  it('asks for https and http separately, as the manifest offers them', () => {
    expect(permissionOrigins('*.example-clinic.org')).toEqual(['https://*.example-clinic.org/*', 'http://*.example-clinic.org/*']);
    expect(permissionOrigins('10.0.0.5')).toEqual(['https://10.0.0.5/*', 'http://10.0.0.5/*']);
  });

  it('lists the patterns of the sites being dimmed only', () => {
    const sites: Site[] = [
      { id: 'hushmail', name: 'Hushmail', category: 'email', hosts: ['secure.hushmail.com'] },
      { id: 'simplepractice', name: 'SimplePractice', category: 'ehr', hosts: ['secure.simplepractice.com'] },
    ];
    expect(patternsWithAction(sites, { hushmail: 'dim', simplepractice: 'block' }, 'dim')).toEqual(['*://*.secure.hushmail.com/*']);
  });
});
