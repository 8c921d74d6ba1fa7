// Placeholder until the sites helper lands: accepts a plain host name.
export function parseHost(input: string): { ok: true; host: string } | { ok: false; error: string } {
  const host = input.trim().toLowerCase();
  return /^(\*\.)?[a-z0-9.-]+$/.test(host) ? { ok: true, host } : { ok: false, error: 'is not a host name' };
}
