import { describe, expect, it } from 'vitest';
import { parseWriteValue } from './parseWriteValue';

describe('parseWriteValue', () => {
  it.each([
    ['Int8', '-128', -128],
    ['Int8', ' 127 ', 127],
    ['Int16', '-32768', -32768],
    ['Int32', '2147483647', 2147483647],
    ['UInt8', '255', 255],
    ['UInt16', '65535', 65535],
    ['UInt32', '4294967295', 4294967295],
    ['Int64', '-9223372036854775808', '-9223372036854775808'],
    ['Int64', '9007199254740991', 9007199254740991],
    ['UInt64', '18446744073709551615', '18446744073709551615'],
    ['Float', '21.5', 21.5],
    ['Double', '-1e-3', -0.001],
    ['Boolean', 'true', true],
    ['Boolean', 'FALSE', false],
    ['Boolean', '1', true],
    ['Boolean', '0', false],
    ['String', ' keep spaces ', ' keep spaces '],
    ['UUID', '123e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-12d3-a456-426614174000'],
    ['DateTime', '1700000000000', 1700000000000],
    ['DateTime', '2023-11-14T22:13:20Z', 1700000000000],
  ] as const)('%s accepts %j', (type, text, value) => {
    expect(parseWriteValue(type, text)).toEqual({ ok: true, value });
  });

  it.each([
    ['Int8', '128', 'Int8 must be between -128 and 127'],
    ['Int8', '1.5', 'Int8 needs a whole number'],
    ['UInt8', '-1', 'UInt8 must be between 0 and 255'],
    ['Int16', '32768', 'Int16 must be between -32768 and 32767'],
    ['UInt32', '4294967296', 'UInt32 must be between 0 and 4294967295'],
    ['Int64', '9223372036854775808', 'Int64 must be between -9223372036854775808 and 9223372036854775807'],
    ['UInt64', '18446744073709551616', 'UInt64 must be between 0 and 18446744073709551615'],
    ['Float', '1e39', 'Float must be within ±3.4028234663852886e+38'],
    ['Double', 'NaN', 'Double needs a finite number'],
    ['Double', '1e999', 'Double needs a finite number'],
    ['Double', '', 'Double needs a finite number'],
    ['Boolean', 'yes', 'Boolean must be true or false (1 or 0)'],
    ['UUID', 'nope', 'UUID must look like 123e4567-e89b-12d3-a456-426614174000'],
    ['DataSet', '{}', 'Writing DataSet metrics is not supported'],
  ] as const)('%s refuses %j', (type, text, error) => {
    expect(parseWriteValue(type, text)).toEqual({ error });
  });
});
