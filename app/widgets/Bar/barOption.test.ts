import { describe, expect, it } from 'vitest';
import { barData, barWindowMs, intervalMs } from './barOption';

const H = 3_600_000;

describe('bar widget data', () => {
  it('lines up each series on the union of bucket starts, newest last, at most `bars`', () => {
    const frame = {
      id: 'w',
      from: 0,
      to: 10 * H,
      series: [
        { key: 'a', xy: Float64Array.of(1 * H, 5, 2 * H, 7, 3 * H, 9) },
        { key: 'b', xy: Float64Array.of(2 * H, 1, 4 * H, 2, 4 * H + 1, NaN) },
      ],
    };
    expect(barData(frame, ['a', 'b'], 3)).toEqual({ times: [2 * H, 3 * H, 4 * H], values: [[7, 9, null], [1, null, 2]] });
    expect(barData(frame, ['a', 'missing'], 10).values[1]).toEqual([null, null, null, null]);
  });

  it('sizes the watch window from the interval', () => {
    expect(intervalMs('15m')).toBe(900_000);
    expect(intervalMs('1d')).toBe(24 * H);
    expect(intervalMs('bogus')).toBe(H);
    expect(barWindowMs('1h', 24)).toBe(25 * H);
  });
});
