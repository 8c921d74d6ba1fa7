/**
 * Every benchmark, printed as figures: `npm run bench` (builds both browsers first).
 * `npm run bench -- engine` (or browser, sizes, cold-start) runs one part.
 */
import './resolve-ts.ts';

const only = process.argv[2];
const log = (line: string) => console.log(`  ${line}`);
// The store build, as users get it (the tests' harness would otherwise load the tests' own build).
const outDir = (process.env.CLOCKED_OUT_OUT_DIR ??= '.output');

if (!only || only === 'engine') {
  console.log('engine');
  await import('./engine.ts');
}
if (!only || only === 'sizes') {
  console.log('bundle sizes');
  (await import('./sizes.ts')).sizeFigures(outDir, log);
}
if (!only || only === 'browser') {
  const browser = await import('./browser.ts');
  console.log('real Chromium');
  await browser.navigationFigures(log);
  await browser.serviceWorkerFigures(log);
  await browser.boundaryFigures(log);
  await browser.reguardFigures(log);
  await browser.idleFigures(log);
  await (await import('./concurrency.ts')).concurrencyFigures(log);
}
if (!only || only === 'browser' || only === 'cold-start') {
  console.log('worker cold start (real Chromium)');
  await (await import('./cold-start.ts')).coldStartFigures(log);
}
