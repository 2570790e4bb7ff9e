import { describe, expect, it, vi } from 'vitest';
import { decodePayload } from '../payload';
import { seriesKey } from './seriesKey';
import { SeriesSet } from './SeriesSet';
import type { TrackedSeries } from './TrackedSeries';
import type { SeriesSpec } from './types';

const T0 = 1_700_000_000_000;
const json = (text: string) => decodePayload(new TextEncoder().encode(text));
const spec = (topic: string, path = 'v', connection = 'plant'): SeriesSpec => ({ connection, topic, path });

describe('SeriesSet', () => {
  it('returns only the series that are new, and frees the ones no longer listed', () => {
    const set = new SeriesSet(100, 1000);
    expect(set.track([spec('a'), spec('b')], undefined).map((s) => s.key)).toEqual([seriesKey('plant', 'a', 'v'), seriesKey('plant', 'b', 'v')]);
    expect(set.track([spec('b'), spec('c')], undefined).map((s) => s.key)).toEqual([seriesKey('plant', 'c', 'v')]);
    expect([...set.all.keys()]).toEqual([seriesKey('plant', 'b', 'v'), seriesKey('plant', 'c', 'v')]);
  });

  it('records a message in every series of its topic on the matching connection', () => {
    const set = new SeriesSet(100, 1000);
    set.track([spec('t', 'v'), spec('t', 'w'), spec('t', 'v', 'other'), spec('t', 'v', '')], undefined);
    const changed = vi.fn<(s: TrackedSeries) => void>();
    set.ingest('plant', 't', json('{"v":1,"w":2}'), T0, changed);
    set.ingest('plant', 'elsewhere', json('{"v":1}'), T0, changed);
    expect(changed.mock.calls.map(([s]) => s.key)).toEqual([seriesKey('plant', 't', 'v'), seriesKey('plant', 't', 'w'), seriesKey('', 't', 'v')]);
    expect(set.usage().points).toBe(3);
  });

  it('inserts a point older than the series’ newest in time order (backfill), without changing the newest value', () => {
    const set = new SeriesSet(100, 1000);
    set.track([{ ...spec('t'), timePath: 'ts' }], undefined);
    const changed = vi.fn();
    set.ingest('plant', 't', json(`{"v":1,"ts":${T0}}`), T0, changed);
    set.ingest('plant', 't', json(`{"v":3,"ts":${T0 + 2000}}`), T0 + 2000, changed);
    set.ingest('plant', 't', json(`{"v":2,"ts":${T0 + 1000}}`), T0 + 3000, changed);
    expect(changed).toHaveBeenCalledTimes(2);
    expect(set.backfilled).toBe(1);
    expect(set.outOfOrder).toBe(0);
    const s = [...set.all.values()][0];
    expect(Array.from(s.ring.slice().v)).toEqual([1, 2, 3]);
    expect(s.latest?.value).toBe(3);
  });

  it('an aggregate over a wildcard is one series fed by every matching topic', () => {
    const set = new SeriesSet(100, 1000);
    const agg: SeriesSpec = { ...spec('site/+/meter', 'kwh'), transform: 'increase', interval: '1h', aggregate: 'sum' };
    set.track([agg, spec('site/m1/meter', 'kwh')], undefined);
    expect([...set.all.keys()]).toEqual([seriesKey('plant', 'site/+/meter', 'kwh', 'increase 1h sum'), seriesKey('plant', 'site/m1/meter', 'kwh')]);
    const hour = Math.floor(T0 / 3_600_000) * 3_600_000;
    for (const [m, kwh, at] of [['m1', 10, 1], ['m2', 100, 1], ['m1', 15, 2], ['m2', 103, 2], ['m2', 1, 3]] as const) {
      set.ingest('plant', `site/${m}/meter`, json(`{"kwh":${kwh}}`), hour + at * 1000, () => {});
    }
    const total = set.all.get(seriesKey('plant', 'site/+/meter', 'kwh', 'increase 1h sum'))!;
    // m1 +5, m2 +3 then reset to 1 (+1): 9, one point at the hour's start.
    expect(total.latest).toMatchObject({ value: 9, t: hour });
    expect(total.ring.size).toBe(1);
    expect(set.all.get(seriesKey('plant', 'site/m1/meter', 'kwh'))!.ring.size).toBe(2);
  });

  it('refuses (and counts) a backfill that would move more than 4096 points, e.g. a clock far behind', () => {
    const set = new SeriesSet(20_000, 1_000_000);
    set.track([{ ...spec('t'), timePath: 'ts' }], undefined);
    for (let i = 0; i < 10_000; i++) set.ingest('plant', 't', json(`{"v":${i},"ts":${T0 + i}}`), T0, () => {});
    set.ingest('plant', 't', json(`{"v":1,"ts":${T0 + 5000.5}}`), T0, () => {});
    expect(set.outOfOrder).toBe(1);
    set.ingest('plant', 't', json(`{"v":1,"ts":${T0 + 9000.5}}`), T0, () => {});
    set.ingest('plant', 't', json(`{"v":1,"ts":${T0 - 1}}`), T0, () => {});
    expect(set.backfilled).toBe(2);
  });

  it('counts a counter reading older than its previous one as out of order', () => {
    const set = new SeriesSet(100, 1000);
    set.track([{ ...spec('t'), timePath: 'ts', transform: 'rate' }], undefined);
    set.ingest('plant', 't', json(`{"v":1,"ts":${T0}}`), T0, () => {});
    set.ingest('plant', 't', json(`{"v":2,"ts":${T0 - 1000}}`), T0, () => {});
    expect(set.outOfOrder).toBe(1);
  });

  it('shares the point budget: each series shrinks to fit, and the dropped points are counted', () => {
    const set = new SeriesSet(100, 150);
    set.track([spec('a')], undefined);
    for (let i = 0; i < 120; i++) set.ingest('plant', 'a', json(`{"v":${i}}`), T0 + i, () => {});
    expect(set.perSeries).toBe(100);
    set.track([spec('a'), spec('b')], undefined);
    expect(set.perSeries).toBe(75);
    expect(set.droppedPoints).toBe(25);
    expect(set.usage()).toMatchObject({ points: 75 });
  });

  it('takes a larger capacity from track, within the budget, and never less than 2 points', () => {
    const set = new SeriesSet(100, 1000);
    set.track([spec('a')], 500);
    expect(set.perSeries).toBe(500);
    set.track(Array.from({ length: 1000 }, (_, i) => spec(`t${i}`)), undefined);
    expect(set.perSeries).toBe(2);
  });

  it('breaks the lines a connection fed, including any-connection series it fed last', () => {
    const set = new SeriesSet(100, 1000);
    set.track([spec('a'), spec('b', 'v', ''), spec('c', 'v', 'other')], undefined);
    set.ingest('plant', 'a', json('{"v":1}'), T0, () => {});
    set.ingest('plant', 'b', json('{"v":1}'), T0, () => {});
    set.ingest('other', 'c', json('{"v":1}'), T0, () => {});
    set.markGaps('plant');
    const last = (key: string) => set.all.get(key)!.ring.lastValue;
    expect(last(seriesKey('plant', 'a', 'v'))).toBeNaN();
    expect(last(seriesKey('', 'b', 'v'))).toBeNaN();
    expect(last(seriesKey('other', 'c', 'v'))).toBe(1);
  });
});
