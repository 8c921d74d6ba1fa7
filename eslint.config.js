// Lint, and the import boundaries of docs/ARCHITECTURE.md ("Who may import whom"), enforced here
// rather than by review. A boundary is a list of forbidden import specifiers per folder; the same
// module is forbidden by its alias (`@/stores/…`) and by any relative path to it (`../stores/…`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Specifiers of a top-level folder, by alias and by relative path. */
const folder = (name) => [`@/${name}`, `@/${name}/**`, `**/${name}`, `**/${name}/**`];

const BROWSER = { group: ['wxt', 'wxt/**', 'webextension-polyfill', '@wxt-dev/**'], message: 'The engine takes its inputs as arguments: no browser API.' };
const STORES = { group: folder('stores'), message: 'The engine reads no storage: the caller passes what a store read.' };
const IDB = { group: ['idb', 'fake-indexeddb', 'fake-indexeddb/**'], message: 'IndexedDB belongs in stores/.' };
const PREACT = { group: ['preact', 'preact/**', '@testing-library/**'], message: 'The engine renders nothing: Preact belongs in components/ and the pages.' };
const UPWARD = { group: [...folder('components'), ...folder('entrypoints')], message: 'The engine imports only the engine.' };
const WORKER = {
  group: ['@/entrypoints/background', '@/entrypoints/background/**', '**/background', '**/background/**'],
  message: 'Pages and components talk to the worker by message, never by import.',
};
const HEAVY = {
  group: ['tldts', 'valibot', '@/utils/settings', '@/utils/settings/**', '**/utils/settings', '**/utils/settings/**', '@/utils/hosts', '**/utils/hosts'],
  message: 'The page guard reads the validated snapshot: no schema, no public-suffix list (its size budget is 25 kB).',
  allowTypeImports: true,
};

const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
/** Browser globals the engine must not reach for either. */
const NO_BROWSER_GLOBALS = ['chrome', 'browser', 'indexedDB', 'localStorage', 'sessionStorage', 'document', 'window', 'navigator'].map((name) => ({
  name,
  message: 'The engine takes its inputs as arguments: no browser API.',
}));

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-var': 'off',
    },
  },
  // The pure engine: no browser, no storage, no Preact, nothing above it.
  {
    files: ['utils/**/*.{ts,tsx}'],
    rules: { ...restrict(BROWSER, STORES, IDB, PREACT, UPWARD), 'no-restricted-globals': ['error', ...NO_BROWSER_GLOBALS] },
  },
  // The stores: storage and IndexedDB, no pages, no rendering.
  { files: ['stores/**/*.ts'], rules: restrict(PREACT, UPWARD) },
  // The page guard: small, fed by the snapshot.
  { files: ['entrypoints/guard.content/**/*.ts'], rules: restrict(HEAVY, PREACT, WORKER) },
  // Components and pages never import the worker.
  { files: ['components/**/*.{ts,tsx}', 'entrypoints/{popup,options,blocked,welcome}/**/*.{ts,tsx}'], rules: restrict(WORKER) },
  prettier,
);
