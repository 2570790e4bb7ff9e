import { encodeArray } from './arrays';
import { dataTypeCode, DT } from './datatypes';
import type { SpScalar } from './payloadTypes';
import type { SparkplugDataType } from './types';

/** One metric to send: by name, or by alias when the node's BIRTH gave one (Sparkplug: commands by alias). */
export interface SpMetricOut {
  readonly name?: string;
  readonly alias?: number;
  readonly timestamp?: number;
  readonly datatype: SparkplugDataType;
  /** Integers may be bigint or decimal text (64-bit beyond 2^53); null sends is_null. */
  readonly value: SpScalar | bigint | Uint8Array | readonly SpScalar[];
  /** DATA may leave the datatype out (the BIRTH declared it); the value is still encoded by it. */
  readonly omitDatatype?: boolean;
}

export interface SpPayloadOut {
  readonly timestamp?: number;
  readonly seq?: number;
  readonly metrics: readonly SpMetricOut[];
}

/**
 * Encodes NCMD/DCMD (writes, rebirth requests) and test payloads: the scalar, Bytes and array
 * datatypes. DataSet, Template and PropertySet values are only ever decoded by a host.
 */
export function encodeSparkplugPayload(p: SpPayloadOut): Uint8Array {
  const out: number[] = [];
  if (p.timestamp !== undefined) varintField(out, 1, p.timestamp);
  for (const m of p.metrics) bytesField(out, 2, encodeMetric(m));
  if (p.seq !== undefined) varintField(out, 3, p.seq);
  return Uint8Array.from(out);
}

function encodeMetric(m: SpMetricOut): number[] {
  const out: number[] = [];
  if (m.name !== undefined) bytesField(out, 1, utf8.encode(m.name));
  if (m.alias !== undefined) varintField(out, 2, m.alias);
  if (m.timestamp !== undefined) varintField(out, 3, m.timestamp);
  const type = dataTypeCode(m.datatype);
  if (!m.omitDatatype) varintField(out, 4, type);
  const v = m.value;
  if (v === null) {
    varintField(out, 7, 1);
    return out;
  }
  switch (type) {
    case DT.Int8:
    case DT.Int16:
    case DT.Int32:
    case DT.UInt8:
    case DT.UInt16:
      // Two's complement in 32 bits (what Tahu writes; Int8 -1 → 0xFFFFFFFF).
      varintField(out, 10, Number(v) >>> 0);
      break;
    case DT.UInt32:
    case DT.Int64:
    case DT.UInt64:
    case DT.DateTime:
      varintField(out, 11, BigInt.asUintN(64, BigInt(v as number | string | bigint)));
      break;
    case DT.Float:
      tag(out, 12, 5);
      fixed(out, new Float32Array([Number(v)]));
      break;
    case DT.Double:
      tag(out, 13, 1);
      fixed(out, new Float64Array([Number(v)]));
      break;
    case DT.Boolean:
      varintField(out, 14, v === true ? 1 : 0);
      break;
    case DT.String:
    case DT.Text:
    case DT.UUID:
      bytesField(out, 15, utf8.encode(String(v)));
      break;
    case DT.Bytes:
    case DT.File:
      bytesField(out, 16, v as Uint8Array);
      break;
    default:
      if (type >= DT.Int8Array && type <= DT.DateTimeArray && Array.isArray(v)) bytesField(out, 16, encodeArray(type, v as SpScalar[]));
  }
  return out;
}

const utf8 = new TextEncoder();

function tag(out: number[], field: number, wire: number): void {
  varint(out, BigInt((field << 3) | wire));
}

function varintField(out: number[], field: number, n: number | bigint): void {
  tag(out, field, 0);
  varint(out, typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));
}

function bytesField(out: number[], field: number, bytes: ArrayLike<number>): void {
  tag(out, field, 2);
  varint(out, BigInt(bytes.length));
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}

function varint(out: number[], n: bigint): void {
  let x = BigInt.asUintN(64, n);
  const seven = BigInt(7);
  const mask = BigInt(0x7f);
  while (x > mask) {
    out.push(Number(x & mask) | 0x80);
    x >>= seven;
  }
  out.push(Number(x));
}

function fixed(out: number[], arr: Float32Array | Float64Array): void {
  // Typed arrays use the platform's byte order: every browser and Node host is little-endian, as protobuf is.
  const bytes = new Uint8Array(arr.buffer);
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}
