import { defineConfig } from 'wxt';
import { catalogueMatchPatterns } from './utils/catalogue';

// See README "Permissions" for why each one is needed.
export default defineConfig({
  // A separate output folder lets parallel e2e runs each test their own build.
  outDir: process.env.CLOCKED_OUT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  manifest: ({ browser }) => ({
    name: 'Clocked Out',
    description: "Keeps clinicians' evenings their own: blocks or dims work tools outside the hours they chose.",
    permissions: ['storage', 'alarms', 'declarativeNetRequest', 'scripting', 'notifications', 'idle'],
    host_permissions: catalogueMatchPatterns(),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Clocked Out' },
    web_accessible_resources: [{ resources: ['blocked.html'], matches: ['<all_urls>'] }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'clocked-out@example.org', strict_min_version: '128.0' } } }
      : { minimum_chrome_version: '121' }),
  }),
});
