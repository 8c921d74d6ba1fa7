import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPath, renderIcon } from '../../scripts/icons';

const ICON_DIR = fileURLToPath(new URL('../../public/icon', import.meta.url));

describe('the icons', () => {
  it('are the sizes the toolbars and stores use, and no others', () => {
    const sizes = readdirSync(ICON_DIR).map((name) => Number(name.replace(/\.png$/, '')));
    expect(sizes.sort((a, b) => a - b)).toEqual([...ICON_SIZES]);
  });

  it.each(ICON_SIZES)('%i px is what assets/icon.svg draws (run `node scripts/icons.ts` after changing it)', (size) => {
    const png = readFileSync(iconPath(size));
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.equals(renderIcon(size))).toBe(true);
  });
});
