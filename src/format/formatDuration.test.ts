import { expect, it } from 'vitest';
import { formatDuration } from './formatDuration';

it.each([
  [0, '0 ms'],
  [12.4, '12 ms'],
  [999, '999 ms'],
  [1000, '1 s'],
  [1500, '1.5 s'],
  [1980, '2 s'],
  [9_940, '9.9 s'],
  [12_400, '12 s'],
  [59_400, '59 s'],
  [59_600, '1 min'],
  [60_000, '1 min'],
  [72_000, '1 min 12 s'],
  [15 * 60_000, '15 min'],
  [3600_000, '1 h'],
  [3600_000 + 5 * 60_000 + 12_000, '1 h 5 min'],
  [8 * 3600_000, '8 h'],
  [25 * 3600_000, '25 h'],
  [-5, '0 ms'],
  [Number.NaN, '0 ms'],
])('%d ms → %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
