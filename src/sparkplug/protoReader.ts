/**
 * A minimal protobuf wire-format reader for the Sparkplug payload (sparkplug_b.proto): varints,
 * 32/64-bit fixed, length-delimited. State is module-level and decoding is synchronous, so a
 * decode allocates nothing but what it returns (no reader objects, no closures per message).
 */
let buf: Uint8Array = new Uint8Array(0);
let pos = 0;
/** Halves of the last 64-bit varint read (readVarint64). */
export let lo = 0;
export let hi = 0;

const scratch = new Uint8Array(8);
const f32 = new Float32Array(scratch.buffer);
const f64 = new Float64Array(scratch.buffer);
const utf8 = new TextDecoder('utf-8');

export class ProtoError extends Error {}

export function begin(bytes: Uint8Array): void {
  buf = bytes;
  pos = 0;
}

export function position(): number {
  return pos;
}

export function seek(p: number): void {
  pos = p;
}

/** A view of the bytes (do not keep it: mqtt.js reuses socket buffers). */
export function bytesOf(start: number, end: number): Uint8Array {
  return buf.subarray(start, end);
}

/** A plain Uint8Array copy of the bytes (a Node Buffer's slice would be a Buffer view). */
export function copyOf(start: number, end: number): Uint8Array {
  return new Uint8Array(buf.subarray(start, end));
}

/** Reads a varint of up to 64 bits into `lo`/`hi` (unsigned halves). */
export function readVarint64(): void {
  let l = 0;
  let b: number;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= buf.length) throw new ProtoError('truncated varint');
    b = buf[pos++];
    l |= (b & 127) << shift;
    if (b < 128) {
      lo = l >>> 0;
      hi = 0;
      return;
    }
  }
  if (pos >= buf.length) throw new ProtoError('truncated varint');
  b = buf[pos++];
  lo = (l | ((b & 127) << 28)) >>> 0;
  let h = (b & 127) >> 4;
  if (b < 128) {
    hi = h;
    return;
  }
  for (let shift = 3; shift < 32; shift += 7) {
    if (pos >= buf.length) throw new ProtoError('truncated varint');
    b = buf[pos++];
    h |= (b & 127) << shift;
    if (b < 128) {
      hi = h >>> 0;
      return;
    }
  }
  throw new ProtoError('varint longer than 10 bytes');
}

/** A uint32 field (larger encodings are cut to their low 32 bits, as protobuf does). */
export function readUint32(): number {
  if (pos < buf.length && buf[pos] < 128) return buf[pos++];
  readVarint64();
  return lo;
}

/** A length prefix, checked against the end of the enclosing message. */
export function readLength(end: number): number {
  const n = readUint32();
  if (pos + n > end) throw new ProtoError('length beyond message end');
  return n;
}

export function readFloat(): number {
  if (pos + 4 > buf.length) throw new ProtoError('truncated float');
  for (let i = 0; i < 4; i++) scratch[i] = buf[pos++];
  return f32[0];
}

export function readDouble(): number {
  if (pos + 8 > buf.length) throw new ProtoError('truncated double');
  for (let i = 0; i < 8; i++) scratch[i] = buf[pos++];
  return f64[0];
}

/** A length-delimited string; short ASCII (metric names, units) without TextDecoder. */
export function readString(end: number): string {
  const n = readLength(end);
  const start = pos;
  pos += n;
  if (n <= 64) {
    let s = '';
    for (let i = start; i < pos; i++) {
      const c = buf[i];
      if (c >= 128) return utf8.decode(buf.subarray(start, pos));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(buf.subarray(start, pos));
}

/** Skips a field of the given wire type. */
export function skip(wireType: number, end: number): void {
  switch (wireType) {
    case 0:
      readVarint64();
      return;
    case 1:
      pos += 8;
      break;
    case 2:
      pos += readLength(end);
      return;
    case 5:
      pos += 4;
      break;
    default:
      throw new ProtoError(`unsupported wire type ${wireType}`);
  }
  if (pos > end) throw new ProtoError('field beyond message end');
}

const TWO_32 = 4294967296;
/** 2^53 / 2^32: a high half below this makes an exact double. */
const SAFE_HI = 0x200000;

/** `hi:lo` as an unsigned number, or exact decimal text beyond 2^53. */
export function unsigned64(h: number, l: number): number | string {
  if (h < SAFE_HI) return h * TWO_32 + l;
  return ((BigInt(h) << BigInt(32)) | BigInt(l)).toString();
}

/** `hi:lo` as a two's-complement signed number, or exact decimal text beyond ±2^53. */
export function signed64(h: number, l: number): number | string {
  if ((h & 0x80000000) === 0) return unsigned64(h, l);
  const nl = (~l + 1) >>> 0;
  const nh = (~h + (nl === 0 ? 1 : 0)) >>> 0;
  const magnitude = unsigned64(nh, nl);
  return typeof magnitude === 'number' ? -magnitude : `-${magnitude}`;
}
