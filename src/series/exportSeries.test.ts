import { describe, expect, it } from 'vitest';
import { decodePayload } from '../payload';
import { exportSeries } from './exportSeries';
import { TrackedSeries } from './TrackedSeries';

function recorded(key: string, points: [number, number][]): TrackedSeries {
  const s = new TrackedSeries(key, { connection: 'c', topic: key, path: '' }, 100);
  for (const [t, v] of points) s.ring.push(t, v);
  return s;
}

describe('exportSeries', () => {
  const all = new Map([['a', recorded('a', [[10, 1], [20, 2], [30, 3], [40, 4]])]]);

  it('gives every point at full resolution without a range', () => {
    const out = exportSeries(all, 7, ['a'], null);
    expect(out.reqId).toBe(7);
    expect(Array.from(out.series[0].t)).toEqual([10, 20, 30, 40]);
    expect(Array.from(out.series[0].v)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the points inside the range, both ends included', () => {
    const [a] = exportSeries(all, 1, ['a'], { from: 20, to: 30 }).series;
    expect(Array.from(a.t)).toEqual([20, 30]);
    expect(Array.from(a.v)).toEqual([2, 3]);
  });

  it('exports every point of a burst recorded within one millisecond, in arrival order', () => {
    const s = new TrackedSeries('b', { connection: 'c', topic: 't', path: 'v' }, 100);
    const msg = (v: number) => decodePayload(new TextEncoder().encode(JSON.stringify({ v })));
    s.ingest('c', 't', msg(10), 1000);
    s.ingest('c', 't', msg(11), 1001);
    s.ingest('c', 't', msg(12.5), 1001);
    const [b] = exportSeries(new Map([['b', s]]), 3, ['b'], { from: 0, to: 1001 }).series;
    expect(Array.from(b.t)).toEqual([1000, 1001, 1001]);
    expect(Array.from(b.v)).toEqual([10, 11, 12.5]);
  });

  it('answers a key that is not recorded with no points, in the asked order', () => {
    const out = exportSeries(all, 2, ['missing', 'a'], null);
    expect(out.series.map((s) => [s.key, s.t.length, s.v.length])).toEqual([
      ['missing', 0, 0],
      ['a', 4, 4],
    ]);
  });
});
