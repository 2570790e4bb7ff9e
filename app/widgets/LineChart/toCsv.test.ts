import { describe, expect, it } from 'vitest';
import { toCsv } from './toCsv';

describe('toCsv', () => {
  it('merges series on equal timestamps, leaves gaps out and cells empty where a series has no point', () => {
    const csv = toCsv(['a', 'b, "x"'], [
      { key: 'a', t: Float64Array.of(0, 1000, 2000), v: Float64Array.of(1, NaN, 3) },
      { key: 'b', t: Float64Array.of(1000, 2000), v: Float64Array.of(20, 30) },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'time,time_ms,a,"b, ""x"""',
      '1970-01-01T00:00:00.000Z,0,1,',
      '1970-01-01T00:00:01.000Z,1000,,20',
      '1970-01-01T00:00:02.000Z,2000,3,30',
      '',
    ]);
  });

  it('keeps every point a series recorded in the same millisecond (messages handled in one clock tick)', () => {
    const csv = toCsv(['temp', 'rate'], [
      { key: 'temp', t: Float64Array.of(1000, 1001, 1001), v: Float64Array.of(10, 11, 12.5) },
      { key: 'rate', t: Float64Array.of(1001, 1001, 1001), v: Float64Array.of(1, 2, 3) },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'time,time_ms,temp,rate',
      '1970-01-01T00:00:01.000Z,1000,10,',
      '1970-01-01T00:00:01.001Z,1001,11,1',
      '1970-01-01T00:00:01.001Z,1001,12.5,2',
      '1970-01-01T00:00:01.001Z,1001,,3',
      '',
    ]);
  });

  it('defuses spreadsheet formulas in labels and keeps negative readings as numbers', () => {
    const csv = toCsv(['=HYPERLINK("x")'], [{ key: 'a', t: Float64Array.of(0), v: Float64Array.of(-3.5) }]);
    expect(csv.split('\r\n').slice(0, 2)).toEqual([`time,time_ms,"'=HYPERLINK(""x"")"`, '1970-01-01T00:00:00.000Z,0,-3.5']);
  });
});
