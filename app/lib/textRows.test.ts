import { describe, expect, it } from 'vitest';
import { textRows, textRowsChunked } from './textRows';

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

describe('textRowsChunked', () => {
  const enc = new TextEncoder();
  const rowsOf = async (text: string, wrap: number, chunk: number) => {
    const r = await textRowsChunked(enc.encode(text), wrap, chunk, async () => undefined);
    return Array.from({ length: r.count }, (_, i) => r.row(i));
  };

  it.each([
    ['lines across chunks', 'ab\ncd\nef\n\ngh', 10, 4],
    ['one long line', 'abcdefghijklmnop', 5, 4],
    ['multi-byte characters at a cut', 'ééééééé\nüü', 100, 5],
    ['empty', '', 4, 4],
  ])('%s: same rows as the one-pass split, except long lines may break at a chunk edge', async (_what, text, wrap, chunk) => {
    const rows = await rowsOf(text, wrap, chunk);
    expect(rows.join('')).toBe(text.replace(/\n/g, ''));
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(wrap);
    if (!/[^\n]{4,}/.test(text)) expect(rows).toEqual(all(text, wrap));
  });

  it('keeps each step short on 16 MiB', async () => {
    const bytes = enc.encode('ts=1 level=info msg="cycle complete"\n'.repeat(450_000));
    let longest = 0;
    let t = performance.now();
    const r = await textRowsChunked(bytes, 200, 1 << 20, async () => {
      const now = performance.now();
      longest = Math.max(longest, now - t);
      t = now;
    });
    expect(r.count).toBe(450_001);
    expect(r.row(449_999)).toBe('ts=1 level=info msg="cycle complete"');
    expect(longest).toBeLessThan(100);
  });
});
