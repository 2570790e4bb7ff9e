import { describe, expect, it } from 'vitest';
import { textRows } from './textRows';

const all = (text: string, wrap: number) => {
  const r = textRows(text, wrap);
  return Array.from({ length: r.count }, (_, i) => r.row(i));
};

describe('textRows', () => {
  it.each([
    ['', 4, ['']],
    ['abc', 4, ['abc']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['ab\n\ncdefg\n', 4, ['ab', '', 'cdef', 'g', '']],
  ])('%j wrapped at %i', (text, wrap, rows) => expect(all(text, wrap)).toEqual(rows));

  it('splits 16 MiB in one pass', () => {
    const text = 'x'.repeat(16 * 1024 * 1024);
    const t0 = performance.now();
    const r = textRows(text);
    expect(r.count).toBe(Math.ceil(text.length / 200));
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
