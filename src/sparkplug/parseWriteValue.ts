import type { SparkplugDataType } from './types';

/** A typed value ready for encodeSparkplugPayload: 64-bit integers as exact decimal text. */
export type WriteValue = { readonly ok: true; readonly value: number | string | boolean } | { readonly ok?: undefined; readonly error: string };

const INT_RANGES: Partial<Record<SparkplugDataType, readonly [bigint, bigint]>> = {
  Int8: [BigInt(-128), BigInt(127)],
  Int16: [BigInt(-32768), BigInt(32767)],
  Int32: [BigInt(-2147483648), BigInt(2147483647)],
  Int64: [-(BigInt(2) ** BigInt(63)), BigInt(2) ** BigInt(63) - BigInt(1)],
  UInt8: [BigInt(0), BigInt(255)],
  UInt16: [BigInt(0), BigInt(65535)],
  UInt32: [BigInt(0), BigInt(4294967295)],
  UInt64: [BigInt(0), BigInt(2) ** BigInt(64) - BigInt(1)],
};

const FLOAT_MAX = 3.4028234663852886e38;
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The text a user typed, typed by the metric's BIRTH datatype for an NCMD/DCMD write, or why it
 * does not fit (integer ranges per type, 64-bit exactly; finite Float/Double; Boolean
 * true/false/1/0). The Write dialog refuses with the same words the engine would.
 */
export function parseWriteValue(datatype: SparkplugDataType, text: string): WriteValue {
  const t = text.trim();
  const range = INT_RANGES[datatype];
  if (range) {
    if (!INTEGER.test(t)) return { error: `${datatype} needs a whole number` };
    const n = BigInt(t);
    if (n < range[0] || n > range[1]) return { error: `${datatype} must be between ${range[0]} and ${range[1]}` };
    const safe = n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER);
    return { ok: true, value: safe ? Number(n) : n.toString() };
  }
  switch (datatype) {
    case 'Float':
    case 'Double': {
      const n = NUMBER.test(t) ? Number(t) : NaN;
      if (!Number.isFinite(n)) return { error: `${datatype} needs a finite number` };
      if (datatype === 'Float' && Math.abs(n) > FLOAT_MAX) return { error: `Float must be within ±${FLOAT_MAX}` };
      return { ok: true, value: n };
    }
    case 'Boolean': {
      const b = t.toLowerCase();
      if (b === 'true' || b === '1') return { ok: true, value: true };
      if (b === 'false' || b === '0') return { ok: true, value: false };
      return { error: 'Boolean must be true or false (1 or 0)' };
    }
    case 'String':
    case 'Text':
      return { ok: true, value: text };
    case 'UUID':
      return UUID.test(t) ? { ok: true, value: t } : { error: 'UUID must look like 123e4567-e89b-12d3-a456-426614174000' };
    case 'DateTime': {
      if (INTEGER.test(t) && !t.startsWith('-')) return { ok: true, value: Number(t) };
      const ms = Date.parse(t);
      return Number.isFinite(ms) && ms >= 0 ? { ok: true, value: ms } : { error: 'DateTime needs milliseconds since 1970 or an ISO date' };
    }
    default:
      return { error: `Writing ${datatype} metrics is not supported` };
  }
}
