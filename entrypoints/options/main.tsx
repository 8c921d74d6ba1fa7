import { render } from 'preact';
import { writeSettings } from '@/stores/storage';
import { exposeTestHooks } from '@/utils/test-hooks';
import { localizePage } from '@/stores/i18n';
import { App } from './App';

localizePage(document, 'optPageTitle');

// For the real-browser tests' build only: a whole document written as this page writes settings
// (the worker only reads them).
if (__CLOCKED_OUT_TEST_HOOKS__) exposeTestHooks({ writeSettings });

const root = document.getElementById('app');
if (root) render(<App />, root);
