// Renders icon.svg's three shapes (rounded square, ring, half disc) into every icon the
// installers and the tray need, without any dependency: shapes are tested per sub-pixel, PNGs
// are written with node:zlib, and the .ico and .icns containers are assembled by hand (both are
// a small header plus PNG entries). No SVG rasteriser is available on the build machines
// (ImageMagick is absent), which is why the design is restated here as geometry.
// Run `node build/generate-icons.mjs` after changing the design; the outputs are committed.
// The output is deterministic: same design, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));

const TEAL = [0x0f, 0x76, 0x6e];
const LIGHT = [0xec, 0xfe, 0xff];
const BLACK = [0x00, 0x00, 0x00];
const SUBSAMPLES = 4;

/** Sizes electron-builder reads from the Linux icon directory (file names must carry the size). */
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
/** Windows picks the nearest of these for the taskbar, Explorer views and the installer. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types with PNG payloads and the pixel size each one must hold. */
const ICNS_ENTRIES = [
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 },
];

/**
 * The app mark in icon.svg's 64x64 space: a teal rounded square, a light ring of radius 17
 * (stroke 5) and a light right half disc of radius 17, all centred on (32, 32).
 */
function appIcon(x, y) {
  if (!insideRoundedSquare(x, y, 0, 64, 14)) return null;
  return onMark(x, y, 17, 5) ? LIGHT : TEAL;
}

/**
 * The coloured tray icon: the app mark inset by 4 units inside a light border. The border is
 * exactly 1 px at 16 px (2 px at 32 px), so the icon keeps an edge on dark panels, while the
 * teal body carries it on light ones.
 */
function trayIcon(x, y) {
  if (!insideRoundedSquare(x, y, 0, 64, 14)) return null;
  if (!insideRoundedSquare(x, y, 4, 56, 10)) return LIGHT;
  const scale = 56 / 64;
  return onMark(x, y, 17 * scale, 5 * scale) ? LIGHT : TEAL;
}

/**
 * The macOS template image: only the ring and half disc, black, scaled so the ring's outer edge
 * reaches 31 units. macOS tints template images itself, so colour would be discarded anyway.
 */
function trayTemplate(x, y) {
  const scale = 31 / 19.5;
  return onMark(x, y, 17 * scale, 5 * scale) ? BLACK : null;
}

/** Whether a point lies on the ring (centre radius r, width w) or in the right half disc. */
function onMark(x, y, radius, width) {
  const distance = Math.hypot(x - 32, y - 32);
  const onRing = distance >= radius - width / 2 && distance <= radius + width / 2;
  const inRightHalfDisc = x >= 32 && distance <= radius;
  return onRing || inRightHalfDisc;
}

function insideRoundedSquare(x, y, origin, size, radius) {
  const end = origin + size;
  if (x < origin || y < origin || x > end || y > end) return false;
  const cx = Math.min(Math.max(x, origin + radius), end - radius);
  const cy = Math.min(Math.max(y, origin + radius), end - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels of a design at a pixel size; alpha is the covered share of the sub-samples. */
function render(design, size) {
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
          const colour = design((px + (sx + 0.5) / SUBSAMPLES) * scale, (py + (sy + 0.5) / SUBSAMPLES) * scale);
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

/** Several containers need the same sizes, so each (design, size) is rendered once. */
const pngCache = new Map();
function png(design, size) {
  const key = `${design.name}@${size}`;
  if (!pngCache.has(key)) pngCache.set(key, encodePng(size, render(design, size)));
  return pngCache.get(key);
}

/**
 * ICO: a 6-byte header (reserved 0, type 1 = icon, count), one 16-byte directory entry per
 * image, then the images. Windows Vista and later read PNG-compressed entries of any size; a
 * width or height of 256 is stored as 0 because the field is one byte.
 */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(({ size, data }, index) => {
    const entry = index * 16;
    directory[entry] = size >= 256 ? 0 : size;
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory[entry + 2] = 0;
    directory[entry + 3] = 0;
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(data.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, directory, ...images.map(({ data }) => data)]);
}

/** ICNS: 'icns' and the big-endian file length, then (type, length including 8, payload) elements. */
function encodeIcns(elements) {
  const parts = elements.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** Every generated file, relative to build/, with the bytes it should hold. */
function outputs() {
  return [
    // The window icon (electron/main.ts) and the Linux fallback.
    { file: 'icon.png', bytes: () => png(appIcon, 512) },
    ...LINUX_SIZES.map((size) => ({ file: join('icons', `${size}x${size}.png`), bytes: () => png(appIcon, size) })),
    { file: 'icon.ico', bytes: () => encodeIco(ICO_SIZES.map((size) => ({ size, data: png(appIcon, size) }))) },
    { file: 'icon.icns', bytes: () => encodeIcns(ICNS_ENTRIES.map(({ type, size }) => ({ type, data: png(appIcon, size) }))) },
    { file: join('tray', 'tray.png'), bytes: () => png(trayIcon, 16) },
    { file: join('tray', 'tray@2x.png'), bytes: () => png(trayIcon, 32) },
    // The "Template" suffix is what makes Electron mark the image as a macOS template image.
    { file: join('tray', 'trayTemplate.png'), bytes: () => png(trayTemplate, 16) },
    { file: join('tray', 'trayTemplate@2x.png'), bytes: () => png(trayTemplate, 32) },
  ];
}

for (const { file, bytes } of outputs()) {
  const path = join(HERE, file);
  mkdirSync(dirname(path), { recursive: true });
  const data = bytes();
  writeFileSync(path, data);
  process.stdout.write(`wrote build/${file} (${data.length} bytes)\n`);
}
