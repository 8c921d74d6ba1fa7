import { render } from 'preact';
import { App } from './App';
import { readBlockedAddress } from './address';

const root = document.getElementById('app');
if (root) render(<App address={readBlockedAddress(location.href)} />, root);
