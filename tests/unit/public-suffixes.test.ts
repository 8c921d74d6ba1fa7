// The options page's public-suffix list (utils/public-suffixes.ts): generated from tldts, and
// reading every name as tldts itself does.
import { readFileSync } from 'node:fs';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { DATA_FILE, dataModule, listedNames } from '../../scripts/make-public-suffixes.mjs';
import { isPublicSuffix } from '../../utils/public-suffixes';

/** What the check asked tldts before: the host is the suffix tldts finds, and that suffix is a listed rule. */
function tldtsListed(host: string): boolean {
  const domain = parse(host, { allowPrivateDomains: true, extractHostname: false });
  return domain.publicSuffix === host && (domain.isIcann === true || domain.isPrivate === true);
}

describe('the public-suffix list', () => {
  it('is what scripts/make-public-suffixes.mjs writes from the installed tldts (run it after updating tldts)', () => {
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(dataModule());
  });

  it.each([
    ['com', true],
    ['co.uk', true],
    ['github.io', true],
    ['azurewebsites.net', true],
    ['kawasaki.jp', true],
    ['anything.kawasaki.jp', true],
    ['city.kawasaki.jp', false],
    ['www.ck', false],
    ['ck', true],
    ['example-clinic.org', false],
    ['ehr.example-clinic.org', false],
    ['myclinic.github.io', false],
    ['local', false],
    ['emr', false],
    ['lan', false],
    ['xn--3e0b707e', true],
  ])('reads %s as a public suffix: %s', (host, listed) => {
    expect(isPublicSuffix(host)).toBe(listed);
    expect(tldtsListed(host)).toBe(listed);
  });

  it('agrees with tldts on every name of the list, one label more and one label less', () => {
    const names = listedNames();
    expect(names.length).toBeGreaterThan(10_000);
    const hosts = new Set(names.flatMap((name) => [name, `clinic.${name}`, name.slice(name.indexOf('.') + 1)]));
    const disagreements = [...hosts].filter((host) => host && isPublicSuffix(host) !== tldtsListed(host));
    expect(disagreements).toEqual([]);
  });
});
