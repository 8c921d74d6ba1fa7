/**
 * The site-access page, opened by the worker when the browser withdraws access to a work site
 * (entrypoints/background/index.ts): the sites come from the worker's snapshot, so the page
 * follows the browser's answer as soon as the worker has re-checked.
 */
import { browser } from 'wxt/browser';
import { AccessRequest } from '@/components/AccessRequest';
import { useSnapshot } from '@/components/worker';
import { unguardedOf } from '@/components/Unguarded';

export function App() {
  const { snapshot } = useSnapshot();
  return <AccessRequest sites={snapshot === undefined ? null : unguardedOf(snapshot).sites} request={(origins) => browser.permissions.request({ origins })} />;
}
