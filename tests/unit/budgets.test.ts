// scripts/budgets.mjs: the size budgets CI checks after the build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, measure, report } from '../../scripts/budgets.mjs';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A build folder with a manifest naming background.js and guard.js, and files of the given sizes. */
function build(sizes: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clocked-out-budgets-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ background: { service_worker: 'background.js' }, content_scripts: [{ js: ['guard.js'] }] }));
  for (const [file, bytes] of Object.entries(sizes)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'x'.repeat(bytes));
  }
  return dir;
}

describe('the size budgets', () => {
  it('are 60 kB for the worker, 25 kB for the page guard, 350 kB for the rest of the package and 160 kB for its messages', () => {
    expect(BUDGETS).toEqual({ worker: 60 * 1024, guard: 25 * 1024, package: 350 * 1024, locales: 160 * 1024 });
  });

  it('pass a build within them, printing each figure against its budget', () => {
    const lines: string[] = [];
    const dir = build({ 'background.js': 59 * 1024, 'guard.js': 20 * 1024, 'chunks/options.js': 200 * 1024 });
    expect(report(dir, (line: string) => lines.push(line))).toBe(0);
    expect(lines[0]).toMatch(/^worker +59\.00 kB of +60\.00 kB {2}ok {2}\(background\.js\)$/);
    expect(lines[1]).toMatch(/^guard +20\.00 kB of +25\.00 kB {2}ok/);
    expect(lines.at(-1)).toBe('budgets: all within');
  });

  it('count every file of the package, the manifest and nested folders included, and the messages apart', () => {
    const dir = build({ 'background.js': 1000, 'guard.js': 1000, 'icon/128.png': 500, '_locales/en/messages.json': 700, '_locales/es/messages.json': 800 });
    const rows = measure(dir);
    const total = rows.find((row) => row.name === 'package');
    expect(total?.bytes).toBeGreaterThan(2500);
    expect(total?.bytes).toBeLessThan(3000);
    expect(total?.file).toBe('4 files but _locales/');
    expect(rows.find((row) => row.name === 'locales')).toMatchObject({ bytes: 1500, file: '2 files in _locales/' });
  });

  it.each([
    ['worker', { 'background.js': 60 * 1024 + 1, 'guard.js': 1 }],
    ['guard', { 'background.js': 1, 'guard.js': 25 * 1024 + 1 }],
    ['package', { 'background.js': 1, 'guard.js': 1, 'chunks/big.js': 350 * 1024 }],
    ['locales', { 'background.js': 1, 'guard.js': 1, '_locales/fr/messages.json': 160 * 1024 + 1 }],
  ])('fail when the %s is over, saying by how much', (name, sizes) => {
    const lines: string[] = [];
    expect(report(build(sizes), (line: string) => lines.push(line))).toBe(1);
    expect(lines.find((line) => line.startsWith(name))).toMatch(/OVER by/);
    expect(lines.at(-1)).toBe(`budgets: over for ${name}`);
  });

  it('fail, saying why, when there is no build', () => {
    const lines: string[] = [];
    expect(report(join(tmpdir(), 'no-such-build'), (line: string) => lines.push(line))).toBe(1);
    expect(lines[0]).toMatch(/cannot read the build .*run `wxt build` first/);
  });
});
