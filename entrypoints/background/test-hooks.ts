/**
 * Hooks for the real-browser tests, compiled in only when the build is made for them
 * (`npm run build:test`, docs/ARCHITECTURE.md "Real-browser testing"); in the store build the
 * flag is `false` and this function is empty.
 */
declare const __CLOCKED_OUT_TEST_HOOKS__: boolean;

export function exposeTestHooks(hooks: Record<string, unknown>): void {
  if (__CLOCKED_OUT_TEST_HOOKS__) Object.assign(globalThis, { clockedOut: hooks });
}
