import { render } from 'preact';
import { writeSettings } from '@/stores/storage';
import { exposeTestHooks } from '@/utils/test-hooks';
import { App } from './App';

// For the real-browser tests' build only: a whole document written as this page writes settings
// (the worker only reads them).
if (__CLOCKED_OUT_TEST_HOOKS__) exposeTestHooks({ writeSettings });

const root = document.getElementById('app');
if (root) render(<App />, root);
