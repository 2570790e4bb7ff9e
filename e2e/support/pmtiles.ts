/**
 * A tiny raster PMTiles v3 archive for tests (the `pmtiles` package reads archives but has no
 * writer): every tile of zooms 0..maxZoom is the same solid-colour 256×256 PNG, stored once and
 * addressed by a single run-length directory entry (tile ids 0..n-1 are contiguous on the Hilbert
 * curve). Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A solid-colour RGB PNG. */
export function solidPng(size: number, [r, g, b]: readonly [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function varints(values: number[]): Buffer {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  }
  return Buffer.from(out);
}

/** The archive: header (127 bytes), root directory, `{}` metadata, one PNG. */
export function solidRasterPmtiles(maxZoom: number, rgb: readonly [number, number, number]): Buffer {
  const png = solidPng(256, rgb);
  const tiles = ((4 ** (maxZoom + 1)) - 1) / 3; // tiles in zooms 0..maxZoom
  // entries=1; tile id delta 0; run length; length; offset + 1 (offset 0).
  const dir = varints([1, 0, tiles, png.length, 1]);
  const meta = Buffer.from('{}');
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (offset: number, v: number) => header.writeBigUInt64LE(BigInt(v), offset);
  u64(8, 127); // root directory
  u64(16, dir.length);
  u64(24, 127 + dir.length); // metadata
  u64(32, meta.length);
  u64(40, 0); // no leaf directories
  u64(48, 0);
  u64(56, 127 + dir.length + meta.length); // tile data
  u64(64, png.length);
  u64(72, tiles); // addressed tiles
  u64(80, 1); // tile entries
  u64(88, 1); // tile contents
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(2, 99); // tile type: PNG
  header.writeUInt8(0, 100);
  header.writeUInt8(maxZoom, 101);
  header.writeInt32LE(-180e7, 102);
  header.writeInt32LE(-85e7, 106);
  header.writeInt32LE(180e7, 110);
  header.writeInt32LE(85e7, 114);
  header.writeUInt8(0, 118);
  header.writeInt32LE(0, 119);
  header.writeInt32LE(0, 123);
  return Buffer.concat([header, dir, meta, png]);
}
