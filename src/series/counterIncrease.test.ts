import { describe, expect, it } from 'vitest';
import { counterIncrease } from './counterIncrease';

describe('counterIncrease', () => {
  it.each([
    ['growth', 100, 130, undefined, 30],
    ['no change', 5, 5, undefined, 0],
    ['reset: the new value is the increase since the reset', 1000, 7, undefined, 7],
    ['reset to zero', 1000, 0, undefined, 0],
    ['inferred 2^32 wrap', 2 ** 32 - 10, 5, undefined, 15],
    ['inferred 2^64 wrap', 2 ** 64 - 2 ** 62, 2 ** 10, undefined, 2 ** 62 + 2 ** 10],
    ['a drop from mid-range is a reset, not a wrap', 2 ** 31, 5, undefined, 5],
    ['configured wrap at 65536', 65530, 4, 65536, 10],
    ['configured wrap, value beyond it is a reset', 70_000, 4, 65536, 4],
  ])('%s', (_name, prev, next, wrapAt, expected) => {
    expect(counterIncrease(prev, next, wrapAt)).toBe(expected);
  });
});
