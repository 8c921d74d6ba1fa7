import { render } from 'preact';
import { writeSettings } from '@/stores/storage';
import { App } from './App';

// For this page's console and the real-browser tests: a whole document written as this page
// writes settings (the worker only reads them).
Object.assign(globalThis, { clockedOut: { writeSettings } });

const root = document.getElementById('app');
if (root) render(<App />, root);
