/** Size of each built bundle, raw and gzipped. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function sizeFigures(outDir: string, log: (line: string) => void) {
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const dir = join(outDir, target);
    let total = 0;
    const rows: string[] = [];
    for (const file of files(dir).filter((f) => /\.(js|css|html|json)$/.test(f))) {
      const raw = readFileSync(file);
      total += raw.length;
      if (file.endsWith('.js')) rows.push(`${relative(dir, file)} ${(raw.length / 1024).toFixed(1)} kB (${(gzipSync(raw).length / 1024).toFixed(1)} kB gz)`);
    }
    log(`${target}: ${(total / 1024).toFixed(1)} kB of code and pages — ${rows.join('; ')}`);
  }
}
