import { dataTypeName, DT } from './datatypes';
import type { SpDataSet, SpPropertySet, SpTemplate, SpValue } from './payloadTypes';

const MAX_TEXT = 2000;

/**
 * A value as exact text for the Metrics table: Float to its 7 significant digits (what the
 * edge sent, not the widened double), 64-bit integers already exact text, Bytes as hex.
 */
export function valueText(datatype: number, value: SpValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(datatype === DT.Float ? shortFloat(value) : value);
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value === 'boolean') return String(value);
  const text = JSON.stringify(plain(value));
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/**
 * A Float as the edge meant it: the shortest decimal that is the same 32-bit float (21.7, not
 * the widened 21.700000762939453), so charts, alarm setpoints and tables agree with the source.
 */
export function shortFloat(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  // 7 significant digits give the shortest form of what people type (trailing zeros drop);
  // 9 always identify a 32-bit float. One toPrecision per value on the hot path, rarely two.
  const n = Number(v.toPrecision(7));
  return Math.fround(n) === v ? n : Number(v.toPrecision(9));
}

/** A decoded value as plain JSON data (Maps to objects, bytes to hex, datatype codes to names). */
export function plain(value: SpValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return hex(value);
  if (value instanceof Map) return plainProperties(value as SpPropertySet);
  if (Array.isArray(value)) return value.map((v) => (v instanceof Map ? plainProperties(v as SpPropertySet) : v));
  if ('columns' in value) {
    const ds = value as SpDataSet;
    return { columns: ds.columns, types: ds.types.map(dataTypeName), rows: ds.rows };
  }
  const t = value as SpTemplate;
  return {
    templateRef: t.templateRef,
    version: t.version,
    isDefinition: t.isDefinition || undefined,
    parameters: t.parameters.map((p) => ({ name: p.name, datatype: dataTypeName(p.type), value: p.value })),
    metrics: t.metrics.map((m) => ({ name: m.name, datatype: dataTypeName(m.datatype), value: plain(m.value) })),
  };
}

export function plainProperties(set: SpPropertySet): Record<string, unknown> {
  // A null-prototype object: a key named "__proto__" stays a plain key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of set) out[k] = { datatype: dataTypeName(v.type), value: plain(v.value) };
  return out;
}

function hex(b: Uint8Array): string {
  let s = '';
  const n = Math.min(b.length, 64);
  for (let i = 0; i < n; i++) s += b[i].toString(16).padStart(2, '0');
  return b.length > n ? `${s}… (${b.length} bytes)` : s;
}
