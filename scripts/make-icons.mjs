// Draws the toolbar icon (a crescent moon on a dusk-blue disc) as PNGs: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};

function icon(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let disc = 0, moon = 0;
      for (let sy = 0; sy < samples; sy++) for (let sx = 0; sx < samples; sx++) {
        const u = (x + (sx + 0.5) / samples) / size - 0.5, v = (y + (sy + 0.5) / samples) / size - 0.5;
        if (u * u + v * v < 0.48 * 0.48) {
          disc++;
          const inMoon = (u + 0.02) ** 2 + v ** 2 < 0.3 ** 2 && (u - 0.12) ** 2 + (v + 0.1) ** 2 > 0.25 ** 2;
          if (inMoon) moon++;
        }
      }
      const n = samples * samples, a = disc / n, m = disc ? moon / disc : 0;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(0x1e * (1 - m) + 0xfd * m);
      raw[o + 1] = Math.round(0x3a * (1 - m) + 0xe6 * m);
      raw[o + 2] = Math.round(0x5f * (1 - m) + 0x8a * m);
      raw[o + 3] = Math.round(255 * a);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
