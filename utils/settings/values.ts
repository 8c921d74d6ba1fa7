/** How the settings code reads an untrusted value: as a plain object, and quoted in a message. */

/** A value as a message shows it: `"25:00"`, `[9,17]`, `nothing`. */
export const quote = (input: unknown): string => {
  if (input === undefined) return 'nothing';
  return typeof input === 'string' ? `"${input}"` : (JSON.stringify(input) ?? String(input));
};

export const isPlainObject = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);
