import { DT } from './datatypes';
import type { SpScalar } from './payloadTypes';

/**
 * Sparkplug 3.0 array datatypes travel in `bytes_value`, little-endian: fixed-width elements;
 * BooleanArray = UInt32 count then bits, most significant first; StringArray = NUL-terminated
 * UTF-8 strings; DateTimeArray = Int64 ms. 64-bit elements beyond 2^53 become exact decimal text.
 */
const WIDTH: Readonly<Record<number, number>> = { 22: 1, 23: 2, 24: 4, 25: 8, 26: 1, 27: 2, 28: 4, 29: 8, 30: 4, 31: 8, 34: 8 };

const utf8 = new TextDecoder('utf-8');

export function decodeArray(type: number, b: Uint8Array): SpScalar[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: SpScalar[] = [];
  if (type === DT.BooleanArray) {
    if (b.length < 4) return out;
    const count = Math.min(view.getUint32(0, true), (b.length - 4) * 8);
    for (let i = 0; i < count; i++) out.push((b[4 + (i >> 3)] & (0x80 >> (i & 7))) !== 0);
    return out;
  }
  if (type === DT.StringArray) {
    let start = 0;
    for (let i = 0; i < b.length; i++) {
      if (b[i] !== 0) continue;
      out.push(utf8.decode(b.subarray(start, i)));
      start = i + 1;
    }
    if (start < b.length) out.push(utf8.decode(b.subarray(start)));
    return out;
  }
  const width = WIDTH[type];
  if (!width) return out;
  for (let at = 0; at + width <= b.length; at += width) out.push(element(type, view, at));
  return out;
}

function element(type: number, v: DataView, at: number): SpScalar {
  switch (type) {
    case 22:
      return v.getInt8(at);
    case 23:
      return v.getInt16(at, true);
    case 24:
      return v.getInt32(at, true);
    case 26:
      return v.getUint8(at);
    case 27:
      return v.getUint16(at, true);
    case 28:
      return v.getUint32(at, true);
    case 30:
      return v.getFloat32(at, true);
    case 31:
      return v.getFloat64(at, true);
    case 29:
      return exact(v.getBigUint64(at, true));
    default:
      // Int64Array, DateTimeArray
      return exact(v.getBigInt64(at, true));
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function exact(n: bigint): number | string {
  return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n.toString();
}

/** The bytes of an array value (for tests and writes of array metrics); elements as decodeArray gives them. */
export function encodeArray(type: number, values: readonly SpScalar[]): Uint8Array {
  if (type === DT.BooleanArray) {
    const b = new Uint8Array(4 + Math.ceil(values.length / 8));
    new DataView(b.buffer).setUint32(0, values.length, true);
    values.forEach((x, i) => {
      if (x === true) b[4 + (i >> 3)] |= 0x80 >> (i & 7);
    });
    return b;
  }
  if (type === DT.StringArray) return new TextEncoder().encode(values.map((s) => `${String(s)}\0`).join(''));
  const width = WIDTH[type] ?? 0;
  const b = new Uint8Array(width * values.length);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => {
    const at = i * width;
    const n = Number(x);
    if (type === 22) v.setInt8(at, n);
    else if (type === 23) v.setInt16(at, n, true);
    else if (type === 24) v.setInt32(at, n, true);
    else if (type === 26) v.setUint8(at, n);
    else if (type === 27) v.setUint16(at, n, true);
    else if (type === 28) v.setUint32(at, n, true);
    else if (type === 30) v.setFloat32(at, n, true);
    else if (type === 31) v.setFloat64(at, n, true);
    else if (type === 29) v.setBigUint64(at, BigInt(String(x)), true);
    else v.setBigInt64(at, BigInt(String(x)), true);
  });
  return b;
}
