// The host check the worker re-reads stored settings with: parseHost's, without the public-suffix list.
import { describe, expect, it } from 'vitest';
import { parseHostSyntax } from '../../utils/host-syntax';
import { parseHost } from '../../utils/hosts';
import { en } from './english';
import { speaking } from '../../utils/settings/values';

/** The syntax check in English, as inside a parse that speaks. */
const hostSyntax = (...args: Parameters<typeof parseHostSyntax>) => speaking(en, () => parseHostSyntax(...args));

const INPUTS = [
  'ehr.example-clinic.org',
  'EHR.Example-Clinic.ORG',
  ' ehr.example-clinic.org. ',
  'https://me@ehr.example-clinic.org:8443/clients/3?x=1',
  'praxis-müller.de',
  '*.example-clinic.org',
  'https://*.example-clinic.org/',
  '10.0.0.5',
  'http://emr/login',
  'localhost:3000',
  '',
  'https://',
  'ehr example.org',
  'ehr!.example.org',
  'ehr..example.org',
  '-ehr.example.org',
  `${'a'.repeat(64)}.example.org`,
  'ftp://files.example-clinic.org',
  'mailto:office@example-clinic.org',
  '*',
  '*.*',
  'ehr.*.example.org',
  '*.10.0.0.5',
  '010.0.0.5',
  '123',
  '[::1]',
  '*.local',
  'myclinic.github.io',
  '*.myclinic.azurewebsites.net',
];

describe('parseHostSyntax', () => {
  it.each(INPUTS)('reads %j exactly as parseHost does, when no public suffix is involved', (input) => {
    expect(hostSyntax(input)).toEqual(parseHost(en, input));
  });

  it.each([
    ['a bare top-level domain', 'com'],
    ['a bare country suffix', 'co.uk'],
    ['a bare private suffix', 'github.io'],
    ['a wildcard over a private suffix', '*.github.io'],
    ['a wildcard over a country suffix', '*.co.uk'],
  ])('takes %s as a host: only the public-suffix list knows better, and parseHost has it', (_, input) => {
    expect(hostSyntax(input)).toEqual({ ok: true, host: input });
    expect(parseHost(en, input).ok).toBe(false);
  });

  it('refuses a wildcard over a whole top-level domain, in the list or not', () => {
    expect(hostSyntax('*.com')).toEqual({ ok: false, error: 'covers every site ending in ".com": enter your practice\'s own address' });
  });

  it('asks the suffix check given, with the host without its wildcard', () => {
    const asked: Array<[string, boolean]> = [];
    const result = hostSyntax('*.Clinic.Example', (base, wildcard) => {
      asked.push([base, wildcard]);
      return 'is shared';
    });
    expect(asked).toEqual([['clinic.example', true]]);
    expect(result).toEqual({ ok: false, error: 'is shared' });
  });
});
