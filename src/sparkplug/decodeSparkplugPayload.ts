/* eslint-disable max-lines -- one recursive protobuf message family (a Template holds Metrics): split, it would be an import cycle */
import { decodeArray } from './arrays';
import { DT } from './datatypes';
import type { SpDataSet, SpMetaData, SpMetric, SpPayload, SpPropertySet, SpPropertyValue, SpScalar, SpTemplate, SpValue } from './payloadTypes';
import * as r from './protoReader';

/**
 * DATA usually leaves out the datatype (the BIRTH declared it): the host passes its BIRTH
 * records so the value is typed in the same pass (sign of Int8..Int64). Without it, the value
 * is read by its wire field (int → unsigned number, long → unsigned 64-bit).
 */
export interface BirthTypes {
  datatypeOf(alias: number | undefined, name: string | undefined): number;
}

// Which oneof value field a message carried (field number minus the message's first value field).
const NONE = -1;
const INT = 0;
const LONG = 1;
const FLOAT = 2;
const DOUBLE = 3;
const BOOL = 4;
const STRING = 5;
/** Metric: bytes_value; PropertyValue: propertyset_value. */
const SUB6 = 6;
/** Metric: dataset_value; PropertyValue: propertysets_value. */
const SUB7 = 7;
/** Metric: template_value. */
const SUB8 = 8;

/** Wire type of each value field: varint, varint, 32-bit, 64-bit, varint, then length-delimited. */
const WIRE = [0, 0, 5, 1, 0, 2, 2, 2, 2];

// The value field last read; copied to locals by valueOf before anything nested is parsed.
let kind = NONE;
let rawInt = 0;
let rawLo = 0;
let rawHi = 0;
let rawNum = 0;
let rawBool = false;
let rawStr = '';
let rawStart = 0;
let rawEnd = 0;

/** Reads oneof value field `k` (0 int, 1 long, …) of wire type `wire`; false when it is not a value field. */
function readValueField(k: number, wire: number, end: number, subFields: number): boolean {
  if (k < 0 || k > STRING + subFields || wire !== WIRE[k]) return false;
  kind = k;
  switch (k) {
    case INT:
      r.readVarint64();
      rawInt = r.lo;
      return true;
    case LONG:
      r.readVarint64();
      rawLo = r.lo;
      rawHi = r.hi;
      return true;
    case FLOAT:
      rawNum = r.readFloat();
      return true;
    case DOUBLE:
      rawNum = r.readDouble();
      return true;
    case BOOL:
      r.readVarint64();
      rawBool = r.lo !== 0;
      return true;
    case STRING:
      rawStr = r.readString(end);
      return true;
    default: {
      const n = r.readLength(end);
      rawStart = r.position();
      rawEnd = rawStart + n;
      r.seek(rawEnd);
      return true;
    }
  }
}

/** The value last read, typed by `type`. */
function valueOf(type: number): SpValue {
  const k = kind;
  if (k === NONE) return null;
  const int = rawInt;
  const lo = k === LONG ? rawLo : rawInt;
  const hi = k === LONG ? rawHi : 0;
  switch (type) {
    case DT.Int8:
      return (lo << 24) >> 24;
    case DT.Int16:
      return (lo << 16) >> 16;
    case DT.Int32:
      return lo | 0;
    case DT.UInt8:
    case DT.UInt16:
    case DT.UInt32:
      return lo >>> 0;
    case DT.Int64:
      return k === LONG ? r.signed64(hi, lo) : int | 0;
    case DT.UInt64:
    case DT.DateTime:
      return r.unsigned64(hi, lo);
    case DT.Float:
    case DT.Double:
      return k === FLOAT || k === DOUBLE ? rawNum : null;
    case DT.Boolean:
      return k === BOOL ? rawBool : null;
    case DT.String:
    case DT.Text:
    case DT.UUID:
      return k === STRING ? rawStr : null;
    default:
      break;
  }
  const start = rawStart;
  const end = rawEnd;
  if (type === DT.PropertySet) return k === SUB6 ? readPropertySet(start, end) : null;
  if (type === DT.PropertySetList) return k === SUB7 ? readPropertySetList(start, end) : null;
  if (k === SUB6) {
    if (type >= DT.Int8Array && type <= DT.DateTimeArray) return decodeArray(type, r.bytesOf(start, end));
    return r.copyOf(start, end);
  }
  if (k === SUB7) return readDataSet(start, end);
  if (k === SUB8) return readTemplate(start, end);
  // No datatype (DATA without its BIRTH): read the value by its wire field.
  switch (k) {
    case INT:
      return int >>> 0;
    case LONG:
      return r.unsigned64(hi, lo);
    case FLOAT:
    case DOUBLE:
      return rawNum;
    case BOOL:
      return rawBool;
    case STRING:
      return rawStr;
    default:
      return null;
  }
}

/** Decodes a Sparkplug B payload (sparkplug_b.proto `Payload`); throws on malformed bytes. */
export function decodeSparkplugPayload(bytes: Uint8Array, birth?: BirthTypes): SpPayload {
  r.begin(bytes);
  const end = bytes.length;
  let timestamp: number | undefined;
  let seq: number | undefined;
  let uuid: string | undefined;
  let body: Uint8Array | undefined;
  const metrics: SpMetric[] = [];
  while (r.position() < end) {
    const tag = r.readUint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === 0) {
      r.readVarint64();
      timestamp = r.hi * 4294967296 + r.lo;
    } else if (field === 2 && wire === 2) {
      const n = r.readLength(end);
      const start = r.position();
      metrics.push(readMetric(start + n, birth));
      r.seek(start + n);
    } else if (field === 3 && wire === 0) {
      r.readVarint64();
      seq = r.lo;
    } else if (field === 4 && wire === 2) uuid = r.readString(end);
    else if (field === 5 && wire === 2) {
      const n = r.readLength(end);
      body = r.copyOf(r.position(), r.position() + n);
      r.seek(r.position() + n);
    } else r.skip(wire, end);
  }
  return { timestamp, seq, uuid, body, metrics };
}

function readMetric(end: number, birth: BirthTypes | undefined): SpMetric {
  let name: string | undefined;
  let alias: number | undefined;
  let timestamp: number | undefined;
  let datatype = 0;
  let historical = false;
  let transient = false;
  let isNull = false;
  let metaStart = -1;
  let metaEnd = 0;
  let propsStart = -1;
  let propsEnd = 0;
  kind = NONE;
  while (r.position() < end) {
    const tag = r.readUint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    switch (field) {
      case 1:
        name = r.readString(end);
        break;
      case 2:
        r.readVarint64();
        alias = r.hi * 4294967296 + r.lo;
        break;
      case 3:
        r.readVarint64();
        timestamp = r.hi * 4294967296 + r.lo;
        break;
      case 4:
        datatype = r.readUint32();
        break;
      case 5:
      case 6:
      case 7:
        r.readVarint64();
        if (field === 5) historical = r.lo !== 0;
        else if (field === 6) transient = r.lo !== 0;
        else isNull = r.lo !== 0;
        break;
      case 8:
      case 9: {
        const n = r.readLength(end);
        if (field === 8) [metaStart, metaEnd] = [r.position(), r.position() + n];
        else [propsStart, propsEnd] = [r.position(), r.position() + n];
        r.seek(r.position() + n);
        break;
      }
      default:
        if (!readValueField(field - 10, wire, end, 3)) r.skip(wire, end);
    }
  }
  const type = datatype !== 0 ? datatype : birth ? birth.datatypeOf(alias, name) : 0;
  const value = isNull ? null : valueOf(type);
  const properties = propsStart >= 0 ? readPropertySet(propsStart, propsEnd) : undefined;
  const metadata = metaStart >= 0 ? readMetaData(metaStart, metaEnd) : undefined;
  r.seek(end);
  return { name, alias, timestamp, datatype, value, isNull, historical, transient, properties, metadata };
}

function readPropertyValue(end: number): SpPropertyValue {
  let type = 0;
  let isNull = false;
  kind = NONE;
  while (r.position() < end) {
    const tag = r.readUint32();
    const field = tag >>> 3;
    if (field === 1) type = r.readUint32();
    else if (field === 2) isNull = r.readUint32() !== 0;
    else if (!readValueField(field - 3, tag & 7, end, 2)) r.skip(tag & 7, end);
  }
  return { type, value: isNull ? null : valueOf(type) };
}

function readPropertySet(start: number, end: number): SpPropertySet {
  r.seek(start);
  const keys: string[] = [];
  const values: SpPropertyValue[] = [];
  while (r.position() < end) {
    const tag = r.readUint32();
    const field = tag >>> 3;
    if (field === 1) keys.push(r.readString(end));
    else if (field === 2) {
      const n = r.readLength(end);
      const at = r.position() + n;
      values.push(readPropertyValue(at));
      r.seek(at);
    } else r.skip(tag & 7, end);
  }
  const set = new Map<string, SpPropertyValue>();
  for (let i = 0; i < keys.length && i < values.length; i++) set.set(keys[i], values[i]);
  return set;
}

function readPropertySetList(start: number, end: number): SpPropertySet[] {
  r.seek(start);
  const sets: SpPropertySet[] = [];
  while (r.position() < end) {
    const tag = r.readUint32();
    if (tag >>> 3 === 1) {
      const n = r.readLength(end);
      const at = r.position() + n;
      sets.push(readPropertySet(r.position(), at));
      r.seek(at);
    } else r.skip(tag & 7, end);
  }
  return sets;
}

function readDataSet(start: number, end: number): SpDataSet {
  r.seek(start);
  const columns: string[] = [];
  const types: number[] = [];
  const rawRows: [number, number][] = [];
  while (r.position() < end) {
    const tag = r.readUint32();
    const field = tag >>> 3;
    if (field === 2) columns.push(r.readString(end));
    else if (field === 3 && (tag & 7) === 2) {
      // Packed repeated uint32.
      const len = r.readLength(end);
      const stop = r.position() + len;
      while (r.position() < stop) types.push(r.readUint32());
    } else if (field === 3) types.push(r.readUint32());
    else if (field === 4) {
      const n = r.readLength(end);
      rawRows.push([r.position(), r.position() + n]);
      r.seek(r.position() + n);
    } else r.skip(tag & 7, end);
  }
  const rows = rawRows.map(([s, e]) => readRow(s, e, types));
  return { columns, types, rows };
}

function readRow(start: number, end: number, types: readonly number[]): SpScalar[] {
  r.seek(start);
  const out: SpScalar[] = [];
  while (r.position() < end) {
    const tag = r.readUint32();
    if (tag >>> 3 !== 1) {
      r.skip(tag & 7, end);
      continue;
    }
    const len = r.readLength(end);
    const at = r.position() + len;
    kind = NONE;
    while (r.position() < at) {
      const t = r.readUint32();
      if (!readValueField((t >>> 3) - 1, t & 7, at, 0)) r.skip(t & 7, at);
    }
    out.push(valueOf(types[out.length] ?? 0) as SpScalar);
    r.seek(at);
  }
  return out;
}

function readTemplate(start: number, end: number): SpTemplate {
  r.seek(start);
  let version: string | undefined;
  let templateRef: string | undefined;
  let isDefinition = false;
  const metrics: SpMetric[] = [];
  const parameters: { name: string; type: number; value: SpScalar }[] = [];
  while (r.position() < end) {
    const tag = r.readUint32();
    const field = tag >>> 3;
    if (field === 1) version = r.readString(end);
    else if (field === 2 || field === 3) {
      const len = r.readLength(end);
    const at = r.position() + len;
      if (field === 2) metrics.push(readMetric(at, undefined));
      else parameters.push(readParameter(at));
      r.seek(at);
    } else if (field === 4) templateRef = r.readString(end);
    else if (field === 5) isDefinition = r.readUint32() !== 0;
    else r.skip(tag & 7, end);
  }
  return { version, templateRef, isDefinition, metrics, parameters };
}

function readParameter(end: number): { name: string; type: number; value: SpScalar } {
  let name = '';
  let type = 0;
  kind = NONE;
  while (r.position() < end) {
    const tag = r.readUint32();
    const field = tag >>> 3;
    if (field === 1) name = r.readString(end);
    else if (field === 2) type = r.readUint32();
    else if (!readValueField(field - 3, tag & 7, end, 0)) r.skip(tag & 7, end);
  }
  return { name, type, value: valueOf(type) as SpScalar };
}

function readMetaData(start: number, end: number): SpMetaData {
  r.seek(start);
  const m: { -readonly [K in keyof SpMetaData]: SpMetaData[K] } = {};
  while (r.position() < end) {
    const tag = r.readUint32();
    const field = tag >>> 3;
    if (field === 2) m.contentType = r.readString(end);
    else if (field === 3) {
      r.readVarint64();
      m.size = r.hi * 4294967296 + r.lo;
    } else if (field === 5) m.fileName = r.readString(end);
    else if (field === 6) m.fileType = r.readString(end);
    else if (field === 7) m.md5 = r.readString(end);
    else if (field === 8) m.description = r.readString(end);
    else r.skip(tag & 7, end);
  }
  return m;
}
