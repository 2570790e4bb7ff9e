import { describe, expect, it } from 'vitest';
import { decodePayload } from '../payload';
import { LatestBatch } from './LatestBatch';
import { TrackedSeries } from './TrackedSeries';

const T0 = 1_700_000_000_000;
const series = (key: string) => new TrackedSeries(key, { connection: 'c', topic: key, path: '' }, 10);
const feed = (s: TrackedSeries, payload: string, at: number) => s.ingest('c', s.spec.topic, decodePayload(new TextEncoder().encode(payload)), at);

describe('LatestBatch', () => {
  it('sends nothing when nothing changed', () => {
    expect(new LatestBatch(200).take(T0)).toEqual({});
  });

  it('sends each changed series once, with its newest value', () => {
    const b = new LatestBatch(200);
    const a = series('a');
    const c = series('c');
    feed(a, '1', T0);
    b.mark(a);
    feed(a, '2', T0 + 1);
    b.mark(a);
    feed(c, '"RUNNING"', T0 + 2);
    b.mark(c);
    expect(b.take(T0 + 5).latest).toEqual([
      { key: 'a', value: 2, text: undefined, t: T0 + 1, at: T0 + 1 },
      { key: 'c', value: null, text: 'RUNNING', t: T0 + 2, at: T0 + 2 },
    ]);
    expect(b.take(T0 + 500)).toEqual({});
  });

  it('holds values back until the interval since the last batch passed, and says how long', () => {
    const b = new LatestBatch(200);
    const a = series('a');
    feed(a, '1', T0);
    b.mark(a);
    expect(b.take(T0).latest).toHaveLength(1);
    feed(a, '2', T0 + 50);
    b.mark(a);
    expect(b.take(T0 + 50)).toEqual({ waitMs: 150 });
    expect(b.take(T0 + 199)).toEqual({ waitMs: 1 });
    expect(b.take(T0 + 200).latest?.map((l) => l.value)).toEqual([2]);
  });

  it('skips a series with no value yet', () => {
    const b = new LatestBatch(200);
    b.mark(series('empty'));
    expect(b.take(T0)).toEqual({});
  });
});
