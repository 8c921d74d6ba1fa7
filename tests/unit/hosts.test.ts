import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostMatches, parseHost } from '../../utils/hosts';
import { en } from './english';

describe('parseHost accepts', () => {
  it.each([
    ['a plain host', 'ehr.example-clinic.org', 'ehr.example-clinic.org'],
    ['a host typed in capitals, in lower case', 'EHR.Example-Clinic.ORG', 'ehr.example-clinic.org'],
    ['a host with spaces around it, trimmed', '  ehr.example-clinic.org \n', 'ehr.example-clinic.org'],
    ['a fully qualified host, without its trailing dot', 'ehr.example-clinic.org.', 'ehr.example-clinic.org'],
    ['a host with a port, without the port', 'ehr.example-clinic.org:8443', 'ehr.example-clinic.org'],
    ['a pasted https URL, keeping only its host', 'https://ehr.example-clinic.org/clients/3f2a9c/notes?id=12#top', 'ehr.example-clinic.org'],
    ['a pasted URL with port and capitals', 'HTTP://EHR.Example-Clinic.org:8080/x', 'ehr.example-clinic.org'],
    ['a URL without a scheme but with a path', 'www.therapynotes.com/app/patients/123', 'www.therapynotes.com'],
    ['a URL with credentials, dropping them', 'https://me:secret@ehr.example-clinic.org/', 'ehr.example-clinic.org'],
    ['an internationalised name, as punycode', 'praxis-müller.de', 'xn--praxis-mller-klb.de'],
    ['a wildcard over subdomains', '*.example-clinic.org', '*.example-clinic.org'],
    ['a wildcard over an internationalised name', '*.bücher.de', '*.xn--bcher-kva.de'],
    ['a pasted URL with a wildcard host', 'https://*.example-clinic.org/', '*.example-clinic.org'],
    ['a wildcard under a private suffix', '*.myclinic.azurewebsites.net', '*.myclinic.azurewebsites.net'],
    ['a site under a private suffix', 'myclinic.github.io', 'myclinic.github.io'],
    ['an intranet IPv4 address', '10.0.0.5', '10.0.0.5'],
    ['an intranet IPv4 address with a port and path', 'http://192.168.1.20:8080/emr', '192.168.1.20'],
    ['an intranet name of one label', 'http://emr/login', 'emr'],
    ['localhost with a port', 'localhost:3000', 'localhost'],
  ])('%s', (_, input, host) => {
    expect(parseHost(en, input)).toEqual({ ok: true, host });
  });
});

describe('parseHost rejects, saying why', () => {
  it.each([
    ['an empty field', '', /^is empty: enter the site's address/],
    ['a field of spaces', '   ', /^is empty/],
    ['text that is not an address', 'https://', /^is not a web address/],
    ['a host with a space inside', 'ehr example.org', /contains a space/],
    ['a pasted URL with a space in the host', 'https://ehr example.org/x', /contains a space/],
    ['a host with an exclamation mark', 'ehr!.example.org', /contains "!"/],
    ['a host with an underscore', 'ehr_1.example.org', /contains "_"/],
    ['a host with an empty part', 'ehr..example.org', /^is not a web address/],
    ['a host starting with a dot', '.example.org', /^is not a web address/],
    ['a part starting with a hyphen', '-ehr.example.org', /^is not a web address/],
    ['a part longer than 63 characters', `${'a'.repeat(64)}.example.org`, /^is not a web address/],
    ['an ftp address', 'ftp://files.example-clinic.org', /^uses "ftp:": only http and https sites can be guarded$/],
    ['a file path', 'file:///C:/notes.txt', /^uses "file:": only http and https/],
    ['a browser page', 'chrome://settings', /^uses "chrome:"/],
    ['a mail link', 'mailto:office@example-clinic.org', /^uses "mailto:"/],
    ['a lone wildcard', '*', /^would match every site$/],
    ['a wildcard with a trailing dot', '*.', /^would match every site$/],
    ['wildcards only', '*.*', /^would match every site$/],
    ['a wildcard in the middle', 'ehr.*.example.org', /^has a \* in the wrong place/],
    ['a wildcard at the end', 'example.*', /^has a \* in the wrong place/],
    ['a wildcard inside the first part', '*ehr.example.org', /^has a \* in the wrong place/],
    ['a double wildcard', '**.example.org', /^has a \* in the wrong place/],
    ['two wildcards', '*.*.example.org', /^has a \* in the wrong place/],
    ['a bare top-level domain', 'com', /^is a public suffix: it would match every site under it — enter your practice's own address$/],
    ['a bare country suffix', 'co.uk', /^is a public suffix/],
    ['a bare private suffix', 'github.io', /^is a public suffix/],
    ['a wildcard over a top-level domain', '*.com', /^covers the public suffix "com": it would match every site under it/],
    [
      'a wildcard over a country suffix',
      '*.co.uk',
      /^covers the public suffix "co.uk": it would match every site under it — enter your practice's own address$/,
    ],
    ['a wildcard over a private suffix', '*.github.io', /^covers the public suffix "github.io"/],
    ['a pasted URL of a public suffix', 'https://co.uk/', /^is a public suffix/],
    ['a wildcard over an intranet top-level domain', '*.local', /^covers every site ending in "\.local"/],
    ['a wildcard over an IP address', '*.10.0.0.5', /^puts a wildcard before an IP address/],
    ['an IP address written in octal', '010.0.0.5', /an IP address is four numbers/],
    ['a number that the URL parser would read as an IP address', '123', /an IP address is four numbers/],
    ['an IPv6 address', '[::1]', /^is an IPv6 address/],
  ])('%s', (_, input, error) => {
    const result = parseHost(en, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('never repeats a pasted URL in its message', () => {
    const result = parseHost(en, 'gopher://ehr.example.org/clients/3f2a9c?name=Jane');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).not.toMatch(/3f2a9c|Jane|ehr\.example/);
  });
});

describe('hostMatches', () => {
  it.each([
    ['a host matches itself', 'example.org', 'example.org', true],
    ['a host matches its subdomains', 'example.org', 'ehr.example.org', true],
    ['a host matches deeper subdomains', 'example.org', 'a.b.example.org', true],
    ['a host does not match a longer name ending the same way', 'example.org', 'badexample.org', false],
    ['a host does not match its parent', 'ehr.example.org', 'example.org', false],
    ['a wildcard matches subdomains', '*.example.org', 'ehr.example.org', true],
    ['a wildcard does not match the apex', '*.example.org', 'example.org', false],
    ['a wildcard does not match a longer name ending the same way', '*.example.org', 'badexample.org', false],
    ['matching ignores case and a trailing dot', 'Example.org', 'EHR.example.ORG.', true],
    ['an IP address matches only itself', '10.0.0.5', '10.0.0.5', true],
    ['an IP address does not match a longer one', '0.0.5', '10.0.0.5', false],
  ])('%s', (_, pattern, hostname, expected) => {
    expect(hostMatches(pattern, hostname)).toBe(expected);
  });
});

describe('in Chromium, whose URL parser escapes * in a host as %2A', () => {
  class ChromiumURL extends URL {
    override get hostname() {
      return super.hostname.replace(/\*/g, '%2A');
    }
  }
  beforeEach(() => {
    vi.stubGlobal('URL', ChromiumURL);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['*.example-clinic.org', '*.example-clinic.org'],
    ['https://*.example-clinic.org/login', '*.example-clinic.org'],
  ])('still accepts the wildcard %s', (input, host) => {
    expect(parseHost(en, input)).toEqual({ ok: true, host });
  });

  it('still refuses a wildcard over a public suffix', () => {
    expect(parseHost(en, '*.co.uk').ok).toBe(false);
  });
});
