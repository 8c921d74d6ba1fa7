/**
 * Draws the toolbar and store icons from one source, assets/icon.svg, at every size the manifest,
 * the toolbars and the stores use. `node scripts/icons.ts` writes them into public/icon/;
 * tests/unit/icons.test.ts fails when a PNG there is not what the SVG draws.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 19, 32, 38, 48, 96, 128] as const;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ICON_SOURCE = `${ROOT}assets/icon.svg`;
export const iconPath = (size: number) => `${ROOT}public/icon/${size}.png`;

/** The icon at `size` pixels square, as PNG bytes (the same bytes for the same SVG). */
export function renderIcon(size: number, svg = readFileSync(ICON_SOURCE, 'utf8')): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of ICON_SIZES) writeFileSync(iconPath(size), renderIcon(size));
  console.log(`icons: ${ICON_SIZES.join(', ')} px from assets/icon.svg`);
}
