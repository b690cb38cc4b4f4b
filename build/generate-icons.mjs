// Renders icon.svg's three shapes (rounded square, ring, half disc) into PNGs without any
// dependency: shapes are tested per sub-pixel and the PNG is written with node:zlib.
// Run `node build/generate-icons.mjs` after changing the design; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Output files and their pixel sizes: the installer icon and the tray icon (1x and 2x). */
const OUTPUTS = [
  { file: 'icon.png', size: 512 },
  { file: join('tray', 'tray.png'), size: 16 },
  { file: join('tray', 'tray@2x.png'), size: 32 },
];

const TEAL = [0x0f, 0x76, 0x6e];
const LIGHT = [0xec, 0xfe, 0xff];
const SUBSAMPLES = 4;

/** Colour of one point in the 64x64 design space, or null where it is transparent. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 64, 14)) return null;
  const distance = Math.hypot(x - 32, y - 32);
  const onRing = distance >= 17 - 2.5 && distance <= 17 + 2.5;
  const inRightHalfDisc = x >= 32 && distance <= 17;
  return onRing || inRightHalfDisc ? LIGHT : TEAL;
}

function insideRoundedSquare(x, y, size, radius) {
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = 64 / size;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy += 1) {
        for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / SUBSAMPLES) * scale, (py + (sy + 0.5) / SUBSAMPLES) * scale);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((covered / SUBSAMPLES ** 2) * 255);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An 8-bit RGBA PNG, one filter byte (none) per row. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const { file, size } of OUTPUTS) {
  const path = join(HERE, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodePng(size, render(size)));
  process.stdout.write(`wrote build/${file} (${size}x${size})\n`);
}
