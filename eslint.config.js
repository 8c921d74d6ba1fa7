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
  group: [
    'tldts',
    'valibot',
    '@/utils/settings',
    '@/utils/settings/**',
    '**/utils/settings',
    '**/utils/settings/**',
    '@/utils/hosts',
    '**/utils/hosts',
    '@/utils/public-suffixes',
    '@/utils/public-suffixes.data',
    '**/utils/public-suffixes',
    '**/utils/public-suffixes.data',
  ],
  message: 'The page guard reads the validated snapshot: no schema, no public-suffix list (its size budget is 25 kB).',
  allowTypeImports: true,
};

/**
 * The public-suffix list (utils/public-suffixes.data.ts, ~85 kB) comes in with `utils/hosts.ts` and
 * the settings index's `parseSettings` (utils/settings/entered.ts). The worker, the stores it reads
 * through and the engine check stored hosts for their syntax only (docs/ARCHITECTURE.md, "The
 * settings document").
 */
const PSL = {
  regex: '^tldts(/|$)|(^|/)hosts$|(^|/)public-suffixes(\\.data)?$|(^|/)settings(/index)?$|(^|/)entered$',
  message:
    'The worker re-checks stored settings without the public-suffix list (its budget is 60 kB): import utils/settings/schema, repair or migrations, and utils/host-syntax.',
  allowTypeImports: true,
};
/** The files that bring the list in, for the pages. */
const PSL_OWNERS = ['utils/hosts.ts', 'utils/public-suffixes.ts', 'utils/settings/entered.ts', 'utils/settings/index.ts'];
/** tldts is a dev dependency: scripts/make-public-suffixes.mjs makes the list from it, and the tests compare. */
const TLDTS = { group: ['tldts', 'tldts/**'], message: 'tldts is a dev dependency: the extension reads utils/public-suffixes.ts, generated from it.' };

/** The polyfill is 10 kB: the page guard calls the browser's own promise-based API instead (stores/native-browser.ts). */
const POLYFILL = {
  group: ['wxt/browser', 'webextension-polyfill', 'wxt/utils/storage', '@wxt-dev/**', 'wxt/utils/define-content-script', 'wxt/utils/content-script-context'],
  message:
    "The page guard uses the browser's own API (stores/native-browser.ts, stores/item.ts): the polyfill and WXT's content-script context are half its 25 kB budget.",
  allowTypeImports: true,
};

/** The worker's history is stores/history-log.ts; stores/history.ts brings idb (3 kB) with it. */
const WORKER_IDB = {
  group: ['idb', '@/stores/history', '**/stores/history'],
  message: "The worker adds and reads events through stores/history-log.ts (IndexedDB's own API): idb would cost it 3 kB of its 60 kB.",
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
    ignores: PSL_OWNERS,
    rules: { ...restrict(BROWSER, STORES, IDB, PREACT, UPWARD, PSL), 'no-restricted-globals': ['error', ...NO_BROWSER_GLOBALS] },
  },
  {
    files: PSL_OWNERS,
    rules: { ...restrict(BROWSER, STORES, IDB, PREACT, UPWARD, TLDTS), 'no-restricted-globals': ['error', ...NO_BROWSER_GLOBALS] },
  },
  // The stores: storage and IndexedDB, no pages, no rendering, and what the worker reads through them stays lean.
  { files: ['stores/**/*.ts'], rules: restrict(PREACT, UPWARD, PSL) },
  // The worker: no public-suffix list, and the history through IndexedDB's own API.
  { files: ['entrypoints/background/**/*.ts'], rules: restrict(PSL, WORKER_IDB) },
  // The page guard: small, fed by the snapshot.
  { files: ['entrypoints/guard/**/*.ts'], rules: restrict(HEAVY, POLYFILL, PREACT, WORKER) },
  // Components and pages never import the worker.
  { files: ['components/**/*.{ts,tsx}', 'entrypoints/{popup,options,blocked,welcome,access}/**/*.{ts,tsx}'], rules: restrict(WORKER, TLDTS) },
  prettier,
);
