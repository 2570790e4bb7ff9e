#!/usr/bin/env node
// Draws the Sightglass icon (a sight glass on a pipe, ISA-101 greys) and writes every size
// the manifest and index.html need into public/. Pure Node (zlib + a small PNG/ICO encoder),
// so it runs anywhere without ImageMagick. The outputs are committed; run again only when
// the design changes:  node scripts/generate-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

// Keep in step with <meta name="theme-color"> in index.html and the manifest in vite.config.ts.
const BACKGROUND = '#3a3f44';

/**
 * The design in unit coordinates (0..1), painted in order. `full` = square background to the
 * edges (maskable and apple-touch icons: the platform cuts its own shape); otherwise rounded.
 */
function shapes({ full, scale }) {
  const c = (v) => 0.5 + (v - 0.5) * scale; // shrink the content towards the centre
  const r = (v) => v * scale;
  const bolts = [45, 135, 225, 315].map((deg) => {
    const a = (deg * Math.PI) / 180;
    return { kind: 'circle', cx: c(0.5 + 0.26 * Math.cos(a)), cy: c(0.5 + 0.26 * Math.sin(a)), r: r(0.026), fill: '#8a8f94' };
  });
  return [
    full ? { kind: 'rect', x: 0, y: 0, w: 1, h: 1, rx: 0, fill: BACKGROUND } : { kind: 'rect', x: 0, y: 0, w: 1, h: 1, rx: 0.18, fill: BACKGROUND },
    // the pipe
    { kind: 'rect', x: c(0.06), y: c(0.42), w: r(0.88), h: r(0.16), rx: 0, fill: '#6b7278' },
    // flange
    { kind: 'circle', cx: 0.5, cy: 0.5, r: r(0.31), fill: '#d6d8da' },
    ...bolts,
    // the glass, dark
    { kind: 'circle', cx: 0.5, cy: 0.5, r: r(0.2), fill: '#23272b' },
    // liquid below the level
    { kind: 'circle', cx: 0.5, cy: 0.5, r: r(0.2), fill: '#a9adb1', below: c(0.54) },
    // the level line
    { kind: 'rect', x: c(0.3), y: c(0.53), w: r(0.4), h: r(0.022), rx: 0, fill: '#f4f4f5', clipCircle: { cx: 0.5, cy: 0.5, r: r(0.2) } },
  ];
}

function hex(color) {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function inside(s, x, y) {
  if (s.below !== undefined && y < s.below) return false;
  if (s.clipCircle && (x - s.clipCircle.cx) ** 2 + (y - s.clipCircle.cy) ** 2 > s.clipCircle.r ** 2) return false;
  if (s.kind === 'circle') return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r ** 2;
  if (x < s.x || x > s.x + s.w || y < s.y || y > s.y + s.h) return false;
  if (!s.rx) return true;
  // rounded corners
  const qx = Math.max(s.x + s.rx - x, 0, x - (s.x + s.w - s.rx));
  const qy = Math.max(s.y + s.rx - y, 0, y - (s.y + s.h - s.rx));
  return qx * qx + qy * qy <= s.rx * s.rx;
}

/** RGBA pixels, 4×4 supersampled so edges are smooth. */
function render(size, design) {
  const SS = 4;
  const px = Buffer.alloc(size * size * 4);
  const fills = design.map((s) => hex(s.fill));
  for (let py = 0; py < size; py++) {
    for (let pxI = 0; pxI < size; pxI++) {
      let rr = 0, gg = 0, bb = 0, aa = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxI + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let top = -1;
          for (let i = design.length - 1; i >= 0; i--) {
            if (inside(design[i], x, y)) {
              top = i;
              break;
            }
          }
          if (top >= 0) {
            const [r, g, b] = fills[top];
            rr += r; gg += g; bb += b; aa += 1;
          }
        }
      }
      const o = (py * size + pxI) * 4;
      if (aa > 0) {
        px[o] = Math.round(rr / aa);
        px[o + 1] = Math.round(gg / aa);
        px[o + 2] = Math.round(bb / aa);
      }
      px[o + 3] = Math.round((aa / (SS * SS)) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, filter 0 on every row. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (supported by every browser that still asks for favicon.ico). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

function svg(design) {
  const el = design.map((s) => {
    if (s.kind === 'circle' && s.below !== undefined) {
      // the liquid: a circle clipped to below the level
      return `<clipPath id="l"><rect x="0" y="${s.below}" width="1" height="1"/></clipPath><circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}" clip-path="url(#l)"/>`;
    }
    if (s.kind === 'circle') return `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}"/>`;
    return `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}"${s.rx ? ` rx="${s.rx}"` : ''} fill="${s.fill}"/>`;
  });
  const round = (v) => String(Math.round(v * 10000) / 10000);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">${el.join('')}</svg>\n`.replace(/\d+\.\d{5,}/g, (m) => round(Number(m)));
}

const outputs = [
  { file: 'icons/icon-192.png', size: 192, full: false, scale: 1 },
  { file: 'icons/icon-512.png', size: 512, full: false, scale: 1 },
  // Maskable: the platform may cut a circle of 80 % diameter; keep the drawing inside it.
  { file: 'icons/icon-maskable-512.png', size: 512, full: true, scale: 0.74 },
  { file: 'apple-touch-icon.png', size: 180, full: true, scale: 0.9 },
];

mkdirSync(path.join(PUBLIC_DIR, 'icons'), { recursive: true });
for (const o of outputs) {
  const png = encodePng(o.size, render(o.size, shapes(o)));
  writeFileSync(path.join(PUBLIC_DIR, o.file), png);
  console.log(`${o.file}  ${o.size}×${o.size}  ${png.length} bytes`);
}
const ico = encodeIco([16, 32, 48].map((size) => ({ size, png: encodePng(size, render(size, shapes({ full: false, scale: 1 }))) })));
writeFileSync(path.join(PUBLIC_DIR, 'favicon.ico'), ico);
console.log(`favicon.ico  16/32/48  ${ico.length} bytes`);
writeFileSync(path.join(PUBLIC_DIR, 'favicon.svg'), svg(shapes({ full: false, scale: 1 })));
console.log('favicon.svg');
