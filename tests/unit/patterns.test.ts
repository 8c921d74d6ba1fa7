import { describe, expect, it } from 'vitest';
import { patternsWithAction, permissionOrigins, sitePatterns } from '@/utils/patterns';
import type { Site } from '@/utils/types';

describe('match patterns for sites', () => {
  it('covers a catalogue site over https, within its app path', () => {
    const therapynotes: Site = { id: 'therapynotes', name: 'TherapyNotes', category: 'ehr', hosts: ['www.therapynotes.com'], pathPrefix: '/app/' };
    expect(sitePatterns(therapynotes)).toEqual(['https://*.www.therapynotes.com/app/*']);
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
    expect(patternsWithAction(sites, { hushmail: 'dim', simplepractice: 'block' }, 'dim')).toEqual(['https://*.secure.hushmail.com/*']);
  });
});
