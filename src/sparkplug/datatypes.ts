import type { SparkplugDataType } from './types';

/** sparkplug_b.proto DataType codes, in order (0 = Unknown … 34 = DateTimeArray). */
const NAMES: readonly SparkplugDataType[] = [
  'Unknown', 'Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64',
  'Float', 'Double', 'Boolean', 'String', 'DateTime', 'Text', 'UUID', 'DataSet', 'Bytes', 'File',
  'Template', 'PropertySet', 'PropertySetList',
  'Int8Array', 'Int16Array', 'Int32Array', 'Int64Array', 'UInt8Array', 'UInt16Array', 'UInt32Array', 'UInt64Array',
  'FloatArray', 'DoubleArray', 'BooleanArray', 'StringArray', 'DateTimeArray',
];

const CODES = new Map<string, number>(NAMES.map((n, i) => [n, i]));

/** Codes that matter to the decoder and the host. */
export const DT = {
  Int8: 1, Int16: 2, Int32: 3, Int64: 4, UInt8: 5, UInt16: 6, UInt32: 7, UInt64: 8,
  Float: 9, Double: 10, Boolean: 11, String: 12, DateTime: 13, Text: 14, UUID: 15,
  DataSet: 16, Bytes: 17, File: 18, Template: 19, PropertySet: 20, PropertySetList: 21,
  Int8Array: 22, BooleanArray: 32, StringArray: 33, DateTimeArray: 34,
} as const;

export function dataTypeName(code: number): SparkplugDataType {
  return NAMES[code] ?? 'Unknown';
}

export function dataTypeCode(name: SparkplugDataType): number {
  return CODES.get(name) ?? 0;
}
