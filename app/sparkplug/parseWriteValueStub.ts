// TEMPORARY stand-in for `parseWriteValue` from src/sparkplug (sp-engine builds the real one in
// the worker's capability, same signature); deleted when that lands on main.
import type { SparkplugDataType } from './types';

export type ParsedWriteValue = { ok: true; value: string } | { ok: false; error: string };

const INT_RANGES: Partial<Record<SparkplugDataType, readonly [bigint, bigint]>> = {
  Int8: [-128n, 127n],
  Int16: [-32768n, 32767n],
  Int32: [-(2n ** 31n), 2n ** 31n - 1n],
  Int64: [-(2n ** 63n), 2n ** 63n - 1n],
  UInt8: [0n, 255n],
  UInt16: [0n, 65535n],
  UInt32: [0n, 2n ** 32n - 1n],
  UInt64: [0n, 2n ** 64n - 1n],
};

/** Text typed by the user → the value to send for a metric of `datatype`, or why it does not fit. */
export function parseWriteValue(datatype: SparkplugDataType, text: string): ParsedWriteValue {
  const t = text.trim();
  const range = INT_RANGES[datatype];
  if (range) {
    if (!/^[+-]?\d+$/.test(t)) return { ok: false, error: `${datatype} takes a whole number` };
    const n = BigInt(t);
    if (n < range[0] || n > range[1]) return { ok: false, error: `${datatype} takes ${range[0]} to ${range[1]}` };
    return { ok: true, value: n.toString() };
  }
  switch (datatype) {
    case 'Float':
    case 'Double':
      return t !== '' && Number.isFinite(Number(t)) ? { ok: true, value: String(Number(t)) } : { ok: false, error: `${datatype} takes a number` };
    case 'Boolean':
      return t === 'true' || t === 'false' ? { ok: true, value: t } : { ok: false, error: 'Boolean takes true or false' };
    case 'String':
    case 'Text':
    case 'UUID':
      return { ok: true, value: text };
    case 'DateTime':
      return /^\d+$/.test(t) || !Number.isNaN(Date.parse(t)) ? { ok: true, value: /^\d+$/.test(t) ? t : String(Date.parse(t)) } : { ok: false, error: 'DateTime takes a date or milliseconds since 1970' };
    default:
      return { ok: false, error: `writing a ${datatype} metric is not supported` };
  }
}
