import { get } from 'sparkplug-payload';
import type { UMetric } from 'sparkplug-payload/lib/sparkplugbpayload';
import { describe, expect, it } from 'vitest';
import { encodeArray } from './arrays';
import { decodeSparkplugPayload } from './decodeSparkplugPayload';
import { encodeSparkplugPayload } from './encodeSparkplugPayload';
import type { SpDataSet, SpPropertySet, SpTemplate } from './payloadTypes';
import { long } from './testPayloads';

const tahu = get('spBv1.0')!;

/** Encodes one metric with Eclipse Tahu's library and decodes it with ours. */
function roundTrip(metric: UMetric) {
  const bytes = tahu.encodePayload({ timestamp: 1_700_000_000_000, seq: 7, metrics: [metric] });
  const p = decodeSparkplugPayload(bytes);
  expect(p.timestamp).toBe(1_700_000_000_000);
  expect(p.seq).toBe(7);
  return p.metrics[0];
}

describe('decodeSparkplugPayload (encoded by Tahu sparkplug-payload)', () => {
  it.each([
    ['Int8', -128],
    ['Int8', 127],
    ['Int16', -32768],
    ['Int32', -2147483648],
    ['Int32', 2147483647],
    ['UInt8', 255],
    ['UInt16', 65535],
    ['UInt32', 4294967295],
    ['Int64', -42],
    ['Int64', 9007199254740991],
    ['UInt64', 1234],
    ['Double', 3.141592653589793],
    ['Boolean', true],
    ['Boolean', false],
    ['String', 'Grüße ✓'],
    ['Text', 'x'.repeat(500)],
    ['UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['DateTime', 1_700_000_123_456],
  ] as const)('%s %s', (type, value) => {
    const m = roundTrip({ name: `m/${type}`, type, value });
    expect(m.name).toBe(`m/${type}`);
    expect(m.value).toBe(value);
  });

  it('Float keeps its 32-bit value', () => {
    expect(roundTrip({ name: 'f', type: 'Float', value: 21.7 }).value).toBe(Math.fround(21.7));
  });

  it('Int64 and UInt64 beyond 2^53 come out exact, as decimal text', () => {
    expect(roundTrip({ name: 'a', type: 'Int64', value: long('9223372036854775807') }).value).toBe('9223372036854775807');
    expect(roundTrip({ name: 'b', type: 'Int64', value: long('-9223372036854775808') }).value).toBe('-9223372036854775808');
    expect(roundTrip({ name: 'c', type: 'Int64', value: long('-9007199254740993') }).value).toBe('-9007199254740993');
    expect(roundTrip({ name: 'd', type: 'UInt64', value: long('18446744073709551615') }).value).toBe('18446744073709551615');
    expect(roundTrip({ name: 'e', type: 'UInt64', value: long('9007199254740993') }).value).toBe('9007199254740993');
  });

  it('Bytes and File are copied bytes', () => {
    const m = roundTrip({ name: 'b', type: 'Bytes', value: new Uint8Array([0, 1, 254, 255]) });
    expect(m.value).toEqual(new Uint8Array([0, 1, 254, 255]));
    expect(roundTrip({ name: 'f', type: 'File', value: new Uint8Array([9]) }).value).toEqual(new Uint8Array([9]));
  });

  it('is_null, is_historical, is_transient, alias and metric timestamp', () => {
    const m = roundTrip({ name: 'n', alias: 12, timestamp: 1_600_000_000_000, type: 'Double', value: null, isHistorical: true, isTransient: true });
    expect(m).toMatchObject({ name: 'n', alias: 12, timestamp: 1_600_000_000_000, value: null, isNull: true, historical: true, transient: true });
  });

  it('DataSet', () => {
    const value = { numOfColumns: 3, columns: ['id', 'name', 'ok'], types: ['Int32', 'String', 'Boolean'], rows: [[1, 'a', true], [2, 'b', false]] };
    const m = roundTrip({ name: 'ds', type: 'DataSet', value } as UMetric);
    const ds = m.value as SpDataSet;
    expect(ds.columns).toEqual(['id', 'name', 'ok']);
    expect(ds.types).toEqual([3, 12, 11]);
    expect(ds.rows).toEqual([[1, 'a', true], [2, 'b', false]]);
  });

  it('Template with metrics and parameters', () => {
    const value = {
      version: 'v1',
      templateRef: 'Motor',
      isDefinition: false,
      metrics: [{ name: 'RPM', type: 'Int32', value: -5 }],
      parameters: [{ name: 'Rated', type: 'Double', value: 1.5 }],
    };
    const t = roundTrip({ name: 'M1', type: 'Template', value } as UMetric).value as SpTemplate;
    expect(t).toMatchObject({ version: 'v1', templateRef: 'Motor', isDefinition: false, parameters: [{ name: 'Rated', type: 10, value: 1.5 }] });
    expect(t.metrics[0]).toMatchObject({ name: 'RPM', datatype: 3, value: -5 });
  });

  it('PropertySets: engineering units, Quality, nested sets and lists', () => {
    const properties = {
      engUnit: { type: 'String', value: '°C' },
      Quality: { type: 'Int32', value: 192 },
      nested: { type: 'PropertySet', value: { low: { type: 'Double', value: -1 } } },
      list: { type: 'PropertySetList', value: [{ a: { type: 'Boolean', value: true } }] },
      missing: { type: 'String', value: null },
    };
    const m = roundTrip({ name: 't', type: 'Double', value: 1, properties } as UMetric);
    const p = m.properties!;
    expect(p.get('engUnit')).toEqual({ type: 12, value: '°C' });
    expect(p.get('Quality')).toEqual({ type: 3, value: 192 });
    expect((p.get('nested')!.value as SpPropertySet).get('low')).toEqual({ type: 10, value: -1 });
    expect((p.get('list')!.value as SpPropertySet[])[0].get('a')).toEqual({ type: 11, value: true });
    expect(p.get('missing')!.value).toBeNull();
  });

  it('Sparkplug 3.0 arrays (bytes_value, little-endian) — Tahu 1.0.3 has no array types, so the bytes are ours', () => {
    const cases: [number, (number | string | boolean)[]][] = [
      [22, [-128, 0, 127]],
      [23, [-32768, 5]],
      [24, [-2147483648, 7]],
      [25, ['-9223372036854775808', -1, 5]],
      [26, [0, 255]],
      [27, [65535]],
      [28, [4294967295]],
      [29, ['18446744073709551615', 3]],
      [30, [Math.fround(1.5), Math.fround(-0.25)]],
      [31, [Math.PI]],
      [32, [false, false, true, true, false, true, false, false, true, true, false, true]],
      [33, ['ABC', 'hello', '']],
      [34, [1_700_000_000_000]],
    ];
    for (const [type, values] of cases) {
      const ours = encodeSparkplugPayload({ metrics: [{ name: 'arr', datatype: NAMES[type - 22], value: values }] });
      expect(decodeSparkplugPayload(ours).metrics[0].value).toEqual(values);
    }
    // The specification's BooleanArray example: count 12 (UInt32 LE), then bits most significant first.
    expect([...encodeArray(32, [false, false, true, true, false, true, false, false, true, true, false, true])]).toEqual([12, 0, 0, 0, 0x34, 0xd0]);
  });

  it('malformed bytes throw instead of returning garbage', () => {
    expect(() => decodeSparkplugPayload(new Uint8Array([0x12, 0x50, 0x01]))).toThrow();
    expect(() => decodeSparkplugPayload(new Uint8Array([0x08, 0xff]))).toThrow();
  });
});

const NAMES = ['Int8Array', 'Int16Array', 'Int32Array', 'Int64Array', 'UInt8Array', 'UInt16Array', 'UInt32Array', 'UInt64Array', 'FloatArray', 'DoubleArray', 'BooleanArray', 'StringArray', 'DateTimeArray'] as const;

describe('encodeSparkplugPayload (decoded by Tahu sparkplug-payload)', () => {
  it('writes what a Tahu edge node reads: scalars, 64-bit, alias, is_null', () => {
    const bytes = encodeSparkplugPayload({
      timestamp: 1_700_000_000_000,
      seq: 3,
      metrics: [
        { name: 'Node Control/Rebirth', datatype: 'Boolean', value: true },
        { alias: 5, datatype: 'Int8', value: -3 },
        { name: 'big', datatype: 'UInt64', value: '18446744073709551615' },
        { name: 'neg', datatype: 'Int64', value: BigInt(-2) },
        { name: 'f', datatype: 'Float', value: 1.25 },
        { name: 'd', datatype: 'Double', value: -0.5 },
        { name: 's', datatype: 'String', value: 'on' },
        { name: 'n', datatype: 'Int32', value: null },
      ],
    });
    const p = tahu.decodePayload(bytes);
    expect(Number(p.timestamp)).toBe(1_700_000_000_000);
    const m = p.metrics!;
    expect(m[0]).toMatchObject({ name: 'Node Control/Rebirth', type: 'Boolean', value: true });
    expect(m[1]).toMatchObject({ alias: expect.anything(), type: 'Int8', value: -3 });
    expect(String(m[2].value)).toBe('18446744073709551615');
    expect(String(m[3].value)).toBe('-2');
    expect(m[4].value).toBe(1.25);
    expect(m[5].value).toBe(-0.5);
    expect(m[6].value).toBe('on');
    expect(m[7].value).toBeNull();
  });
});
