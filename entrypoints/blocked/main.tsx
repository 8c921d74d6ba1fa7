/**
 * The blocked page's entry: decides, before anything else, whether the page may say anything at all
 * (not inside another page's frame), names the site from the catalogue for the first frame, then
 * loads the app.
 */
import { localizePage, t } from '@/stores/i18n';
import { catalogueName, FRAMED_HEADING, isFramed, NEUTRAL_HEADING, readBlockedAddress, withoutFragment } from '@/utils/blocked-address';

// The page's own words in the browser's language (docs/ARCHITECTURE.md, "Languages").
localizePage(document, 'afterHoursApp');

const heading = document.getElementById('heading');
if (isFramed(window)) {
  // Any site may frame this page. Inside a frame it reads nothing (not the address, not storage,
  // not the history) and shows nothing of the clinician's sites or schedule; the app is never loaded.
  if (heading) heading.textContent = t(FRAMED_HEADING);
} else {
  const address = readBlockedAddress(location.href);
  // The original address (a client's record, often) stays in memory only: the tab's history,
  // session restore and synced tabs keep just `?site=`. A reload therefore has no way back.
  if (location.href.includes('#')) history.replaceState(null, '', withoutFragment(location.href));
  // The heading is in the page itself and named here, before the rest of the page's code has even
  // loaded: the first frame says what was stopped. Only a catalogue id is named before settings are
  // read; anything else in the address is never shown.
  const name = catalogueName(address.siteId);
  if (heading) heading.textContent = name ? t('closedEvening', name) : t(NEUTRAL_HEADING);
  if (name) document.title = t('afterHoursOf', name);
  // For bench/: navigation start → the page naming the site (no address is recorded).
  performance.mark('clocked-out:rendered');

  void Promise.all([import('preact'), import('./App')]).then(([{ render }, { App }]) => {
    const root = document.getElementById('app');
    if (root) render(<App address={address} />, root);
  });
}
