/**
 * Lets Node run the project's TypeScript as it is: utils/ and tests/ import without extensions
 * (the bundler resolves them), so this hook retries a relative import with `.ts`, then as a folder's
 * `index.ts`.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!/^\.\.?\//.test(specifier)) throw error;
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        return nextResolve(`${specifier}/index.ts`, context);
      }
    }
  },
});
