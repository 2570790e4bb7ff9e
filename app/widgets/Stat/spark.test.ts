import { describe, expect, it } from 'vitest';
import { sparkPath, trendOf } from './spark';

const xy = (...values: number[]) => Float64Array.from(values.flatMap((v, i) => [i * 10, v]));

describe('trendOf', () => {
  it.each([
    [xy(1, 2, 3, 10), 'rising'],
    [xy(10, 8, 2), 'falling'],
    [xy(5, 9, 1, 5.2), 'steady'],
    [xy(4, 4, 4), 'steady'],
    [xy(NaN, 1, NaN, 5), 'rising'],
    [xy(), null],
  ])('%j → %s', (points, expected) => expect(trendOf(points)).toBe(expected));
});

describe('sparkPath', () => {
  it('scales into the box and lifts the pen at gaps', () => {
    expect(sparkPath(xy(0, 10, NaN, 5), 0, 30, 30, 14)).toBe('M0.0 12.0L10.0 2.0M30.0 7.0');
    expect(sparkPath(xy(), 0, 1, 10, 10)).toBe('');
  });
});
