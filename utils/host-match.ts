/**
 * Matching a hostname against a host pattern. Kept apart from `hosts.ts` (which parses what a
 * person types, with the public-suffix list) so content scripts stay small.
 */
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/** Lower case, without the trailing dot of a fully qualified name. */
export function normalizeHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

export function isIPv4(host: string): boolean {
  return IPV4.test(host);
}

/**
 * Whether `hostname` is covered by `pattern`: `host` matches itself and its subdomains,
 * `*.host` matches subdomains only, an IP address only itself; a `www.` host also matches its bare domain.
 */
export function hostMatches(pattern: string, hostname: string): boolean {
  const name = normalizeHostname(hostname);
  const p = normalizeHostname(pattern);
  if (p.startsWith('*.')) return name.endsWith(p.slice(1));
  if (isIPv4(p) || isIPv4(name)) return name === p;
  return name === p || name.endsWith(`.${p}`) || name === bareOfWww(p);
}

/**
 * The bare domain a `www.` host is also reached at (`therapynotes.com` for `www.therapynotes.com`),
 * or null. Only that one host: the domain's other subdomains are not the app.
 */
export function bareOfWww(host: string): string | null {
  return /^www\.[^.]+\.[^.]/.test(host) ? host.slice(4) : null;
}
