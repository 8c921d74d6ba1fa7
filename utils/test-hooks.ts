/**
 * Hooks for the real-browser tests (the worker's and the options page's), compiled in only when
 * the build is made for them
 * (`npm run build:test`, docs/ARCHITECTURE.md "Real-browser testing"); in the store build the
 * flag is `false` and the calls, guarded by it, are gone.
 */
declare global {
  /** Replaced at build time (wxt.config.ts): call sites test it, so the store build drops them whole. */
  const __CLOCKED_OUT_TEST_HOOKS__: boolean;
}

export function exposeTestHooks(hooks: Record<string, unknown>): void {
  if (__CLOCKED_OUT_TEST_HOOKS__) Object.assign(globalThis, { clockedOutTestHooks: hooks });
}
