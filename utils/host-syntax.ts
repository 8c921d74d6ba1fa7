/**
 * A custom work site's host, read for its syntax only: what a clinician types or pastes, or what
 * a stored document holds. Pure and small: the worker re-checks stored hosts with it, without
 * the public-suffix list, which `hosts.ts` adds for hosts as they are entered (docs/ARCHITECTURE.md,
 * "The settings document"). Never keeps or echoes a path, query or fragment.
 */
import { isIPv4, normalizeHostname } from './host-match';
import { say } from './settings/values';

export type HostResult = { ok: true; host: string } | { ok: false; error: string };

/**
 * The error for a host that is (`wildcard` false) or covers (`wildcard` true) a suffix shared by
 * unrelated sites, given the host without its `*.`; null if it is a site's own.
 */
export type SuffixCheck = (base: string, wildcard: boolean) => string | null;

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOST_LENGTH = 253;

/**
 * Reads a custom work site's address as typed or pasted: a host (`ehr.example-clinic.org`), a
 * wildcard over its subdomains (`*.example-clinic.org`), an IPv4 address, or a whole http(s) URL
 * of which only the host is kept. The result is lower case, punycode, without port or trailing
 * dot. An error is a phrase about the entered value (`is not a web address`), shown beside the
 * field; it never repeats the input, which may be a pasted URL with a client id in it.
 * `suffix`, when given, is asked about a well-formed name before the last check of all (a
 * wildcard over a whole top-level domain).
 */
export function parseHostSyntax(input: string, suffix?: SuffixCheck): HostResult {
  const text = input.trim();
  if (!text) return fail(say('hEmpty'));

  const scheme = schemeOf(text);
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    return fail(say('hScheme', scheme));
  }
  const raw = rawHost(text);
  if (/\s/.test(raw)) return fail(say('hSpace'));
  if (raw.startsWith('*.') && isIPv4(raw.slice(2).replace(/\.$/, ''))) {
    return fail(say('hWildIp'));
  }

  let hostname: string;
  try {
    // Chromium's URL parser escapes `*` in a host as `%2A` (Node's keeps it): read both alike.
    hostname = new URL(scheme ? text : `http://${text}`).hostname.replace(/%2a/gi, '*');
  } catch {
    return fail(say('hNotAddress'));
  }
  if (hostname.startsWith('[')) return fail(say('hIpv6'));
  const host = normalizeHostname(hostname);

  if (isIPv4(host)) {
    // The URL parser reads `010.0.0.5` as octal (8.0.0.5) and `123` as 0.0.0.123: only the usual form is meant.
    if (normalizeHostname(raw) !== host) return fail(say('hIpv4'));
    return { ok: true, host };
  }

  const labels = host.split('.');
  if (labels.every((label) => label === '*')) return fail(say('hEvery'));
  const wildcard = labels[0] === '*';
  const rest = wildcard ? labels.slice(1) : labels;
  if (host.indexOf('*', wildcard ? 1 : 0) !== -1) {
    return fail(say('hStar'));
  }
  const bad = rest.join('').match(/[^a-z0-9-]/);
  if (bad) return fail(say('hContains', bad[0]));
  if (host.length > MAX_HOST_LENGTH || !rest.every((label) => LABEL.test(label))) return fail(say('hNotAddress'));

  const base = rest.join('.');
  const shared = suffix?.(base, wildcard);
  if (shared) return fail(shared);
  // `*.local`, `*.lan`, `*.com`: a whole top-level domain, in the public suffix list or not.
  if (wildcard && rest.length === 1) return fail(say('hTld', base));
  return { ok: true, host };
}

function fail(error: string): HostResult {
  return { ok: false, error };
}

/** The scheme, lower case, if the text starts with one (`ftp:`), but not for `host:8080`. */
function schemeOf(text: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (!match?.[1]) return null;
  if (/^[^:/?#]+:\d+(?:[/?#\\]|$)/.test(text)) return null;
  return match[1].toLowerCase();
}

/** The host as written, without scheme, credentials, port, path, query or fragment. */
function rawHost(text: string): string {
  const afterScheme = text.replace(/^[a-z][a-z0-9+.-]*:[/\\]*/i, (s) => (schemeOf(text) ? '' : s));
  const authority = afterScheme.split(/[/?#\\]/)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.replace(/:\d*$/, '').toLowerCase();
}
