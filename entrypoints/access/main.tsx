import { render } from 'preact';
import { localizePage } from '@/stores/i18n';
import { App } from './App';

localizePage(document, 'arPageTitle');

const root = document.getElementById('app');
if (root) render(<App />, root);
