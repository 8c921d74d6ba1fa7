import { defineConfig } from 'wxt';
import { catalogueMatchPatterns } from './utils/catalogue';
import { readFileSync } from 'node:fs';
import { DIM_STYLESHEET, dimStylesheet } from './utils/dim';

/** The languages of locales/: English (the default and complete one), Spanish, Canadian French. */
const LANGUAGES = ['en', 'es', 'fr'] as const;
const minifiedCatalogue = (lang: string) => JSON.stringify(JSON.parse(readFileSync(`locales/${lang}/messages.json`, 'utf8')));

/**
 * The public half of the extension's signing key (base64 DER SPKI). Chromium derives an unpacked
 * extension's id from it, so every build has the id lnaobndofpfmapndeaaeamcbifpkgleg: the id a
 * practice's managed policy names (README "Group practices"). The private half is kept by no one
 * and in no repository: an unpacked build never needs it, and a store signs with its own.
 */
const PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7sqMW+9CcGrq4FZ9D8ze2RTl4sN/4+HvIB5j8bAI4A+OaeBqGbESj3vINFfEMzlAyXO1K9pZav2TrlY9VyQnq5pDkHO+Z0KCLR8Riru5TfdIpMQryzOOWz2/MJM1fXlQulhNkVC+wiZNh/bXHjKboOyjiFZF1Z3cwgK+qsqaaYR3YLtby8khoyphby7IckC26uB7mhnMMb47Z5MI5PGPhAoDDCc1v8XyvM/VbLIbrFaqv1kx33cgalozkOm13UpPKA0agfjfrolLWuLx2bH9Wjx/Gw9LidbpO/UCLo//e9Zh/nTqwOM7P+jbWxoLxhggGH8RuiPqrKP3Nrb7a71E1wIDAQAB';

// See README "Permissions" for why each one is needed.
export default defineConfig({
  // A separate output folder lets parallel e2e runs each test their own build.
  outDir: process.env.CLOCKED_OUT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The first-frame dim stylesheet, from the one dim rule the page guard uses too (utils/dim.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: DIM_STYLESHEET, contents: dimStylesheet() });
      // The browser's messages, one catalogue per language (docs/ARCHITECTURE.md, "Languages"):
      // written readable in locales/, shipped without the whitespace.
      for (const lang of LANGUAGES) files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: minifiedCatalogue(lang) });
    },
  },
  // `npm run zip` / `zip:firefox` (mode "store"): the packages for the stores, and for Firefox the
  // sources its reviewers rebuild from (BUILDING.md).
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.output*/**', '.wxt/**', 'bench/results/**', 'test-results/**', 'coverage/**', '**/*.log'],
  },
  // Every file imports what it uses: no auto-imports to collide or hide a dependency.
  imports: false,
  // Manifest V3 for Firefox too (WXT's default there is MV2): one set of APIs, DNR included.
  manifestVersion: 3,
  vite: () => ({
    // Test hooks exist only in the build the real-browser tests load (entrypoints/background/test-hooks.ts).
    define: { __CLOCKED_OUT_TEST_HOOKS__: JSON.stringify(process.env.CLOCKED_OUT_TEST_HOOKS === '1') },
    // Rolldown's constant inlining copies an exported string into every place that reads it: tldts's
    // 68 kB label string once came out three times in one chunk.
    build: { sourcemap: process.env.CLOCKED_OUT_SOURCEMAP === '1', rolldownOptions: { optimization: { inlineConst: false } } },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  manifest: ({ browser, mode }) => ({
    // The browser's language picks the words (locales; docs/ARCHITECTURE.md, "Languages").
    name: '__MSG_extName__',
    description: '__MSG_extDesc__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'declarativeNetRequest', 'scripting', 'notifications', 'idle'],
    host_permissions: catalogueMatchPatterns(),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Toolbar sizes (1x and 2x for Chrome's 16 and 19 px slots); drawn from assets/icon.svg.
    action: { default_title: '__MSG_extName__', default_icon: Object.fromEntries([16, 19, 32, 38].map((size) => [size, `icon/${size}.png`])) },
    web_accessible_resources: [{ resources: ['blocked.html'], matches: ['<all_urls>'] }],
    // The page guard (entrypoints/guard/, an unlisted script) in every catalogue site's pages,
    // before the page's own first frame; custom sites get it by registration (background/styles.ts).
    content_scripts: [{ matches: catalogueMatchPatterns(), js: ['guard.js'], run_at: 'document_start' }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // The id under the project's own domain: practices' policies.json name it, and Firefox keeps
            // the add-on's storage under it, so it never changes. Nothing is collected or transmitted
            // (README "Privacy"), which Firefox Add-ons requires every new add-on to declare; Firefox
            // knows that declaration from 140 (ESR 140), on Android from 142: the minimums (README
            // "Load the build into Firefox").
            gecko: { id: 'clocked-out@clocked-out.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          minimum_chrome_version: '121',
          // The store signs with its own key and refuses a package carrying one (`npm run zip`).
          ...(mode === 'store' ? {} : { key: PUBLIC_KEY }),
          // Chrome reads a practice's policy only for the fields this schema declares; Firefox
          // takes it from policies.json ("3rdparty") without one.
          storage: { managed_schema: 'managed_schema.json' },
          // Muting work sites' notifications after hours, asked for when switched on; Firefox has no such API.
          optional_permissions: ['contentSettings'],
        }),
  }),
});
