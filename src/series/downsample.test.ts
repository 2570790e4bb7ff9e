import { describe, expect, it } from 'vitest';
import { arrayView, downsampleMinMax } from './downsample';
import { RingBuffer } from './RingBuffer';

const pairs = (xy: Float64Array) => Array.from({ length: xy.length / 2 }, (_, i) => [xy[2 * i], xy[2 * i + 1]]);

describe('downsampleMinMax', () => {
  it('returns every point when there are few', () => {
    const xy = downsampleMinMax(arrayView([1, 2, 3], [10, 20, 30]), 0, 10, 100);
    expect(pairs(xy)).toEqual([[1, 10], [2, 20], [3, 30]]);
  });

  it('only takes points inside the range', () => {
    const xy = downsampleMinMax(arrayView([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]), 2, 4, 100);
    expect(pairs(xy).map(([t]) => t)).toEqual([2, 3, 4]);
    expect(downsampleMinMax(arrayView([1, 2], [1, 2]), 5, 9, 10)).toHaveLength(0);
  });

  it('keeps the first and last point and each bucket’s min and max, in time order', () => {
    const n = 10_000;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = t.map((i) => Math.sin(i / 50) * 10);
    v[4321] = 500; // a one-sample spike
    v[777] = -400;
    const buckets = 50;
    const out = pairs(downsampleMinMax(arrayView(t, v), 0, n - 1, buckets));
    expect(out[0]).toEqual([0, v[0]]);
    expect(out.at(-1)).toEqual([n - 1, v[n - 1]]);
    expect(out.length).toBeLessThanOrEqual(buckets * 2 + 2);
    for (let i = 1; i < out.length; i++) expect(out[i][0]).toBeGreaterThan(out[i - 1][0]);
    const times = new Set(out.map(([time]) => time));
    const width = (n - 1) / buckets;
    for (let b = 0; b < buckets; b++) {
      const inBucket = t.filter((i) => i > 0 && i < n - 1 && Math.min(buckets - 1, Math.floor(i / width)) === b);
      const vals = inBucket.map((i) => v[i]);
      const min = inBucket[vals.indexOf(Math.min(...vals))];
      const max = inBucket[vals.indexOf(Math.max(...vals))];
      expect(times.has(min)).toBe(true);
      expect(times.has(max)).toBe(true);
    }
    expect(out).toContainEqual([4321, 500]);
    expect(out).toContainEqual([777, -400]);
  });

  it('keeps a gap marker so the line breaks', () => {
    const n = 1000;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = t.map((i) => i % 7);
    v[500] = NaN;
    const out = pairs(downsampleMinMax(arrayView(t, v), 0, n, 10));
    const gap = out.findIndex(([, value]) => Number.isNaN(value));
    expect(gap).toBeGreaterThan(0);
    expect(out[gap][0]).toBe(500);
    expect(out[gap - 1][0]).toBeLessThan(500);
  });

  it('works on a wrapped ring buffer', () => {
    const ring = new RingBuffer(1000);
    for (let i = 0; i < 2500; i++) ring.push(i, i === 2000 ? 99 : 0);
    const out = pairs(downsampleMinMax(ring.view(), 0, 5000, 20));
    expect(out[0]).toEqual([1500, 0]);
    expect(out.at(-1)).toEqual([2499, 0]);
    expect(out).toContainEqual([2000, 99]);
  });
});
