import { siteName } from '@/utils/sites';
import { readBlockedAddress } from './address';

// The heading is in the page itself and named here, before the rest of the page's code has even
// loaded: the first frame says what was stopped.
const address = readBlockedAddress(location.href);
const heading = document.getElementById('heading');
const name = siteName(address.siteId);
if (heading && name) heading.textContent = `${name} is closed for the evening`;
if (name) document.title = `After hours — ${name}`;
// For bench/: navigation start → the page naming the site (no address is recorded).
performance.mark('clocked-out:rendered');

void Promise.all([import('preact'), import('./App')]).then(([{ render }, { App }]) => {
  const root = document.getElementById('app');
  if (root) render(<App address={address} />, root);
});
