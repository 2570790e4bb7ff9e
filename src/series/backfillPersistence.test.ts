import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decodePayload } from '../payload';
import { indexedDbPersistence, loadHistory, memoryPersistence, mergeChunks, saveHistory, type SeriesPersistence } from './seriesPersistence';
import { TrackedSeries } from './TrackedSeries';

const T0 = 1_700_000_000_000;
const json = (text: string) => decodePayload(new TextEncoder().encode(text));
const spec = { connection: 'c', topic: 'rig/1/pressure', path: 'v', timePath: 'ts' };
const send = (s: TrackedSeries, v: number, ts: number, now = T0 + 100_000) => s.ingest('c', spec.topic, json(`{"v":${v},"ts":${ts}}`), now);
const points = (s: TrackedSeries) => {
  const { t, v } = s.ring.slice();
  return Array.from(t, (time, i) => [time - T0, v[i]]);
};

let dbSeq = 0;
const implementations: [string, () => SeriesPersistence][] = [
  ['memory', () => memoryPersistence()],
  ['IndexedDB', () => indexedDbPersistence(`backfill-test-${dbSeq++}`)],
];

describe.each(implementations)('backfill across a reload (%s)', (_name, make) => {
  it('a point older than what was already saved is saved too, and loads in time order', async () => {
    const p = make();
    const before = new TrackedSeries('k', spec, 100);
    send(before, 1, T0);
    send(before, 4, T0 + 4000);
    await saveHistory(p, before, 100);
    // The rig comes back and sends what it buffered: older than the saved newest point.
    expect(send(before, 2, T0 + 2000)).toBe('backfill');
    expect(send(before, 3, T0 + 3000)).toBe('backfill');
    expect(before.backfill.t).toHaveLength(2);
    await saveHistory(p, before, 100);
    expect(before.backfill.t).toHaveLength(0);

    const after = new TrackedSeries('k', spec, 100);
    const latest = await loadHistory(p, after, 0);
    expect(points(after).filter(([, v]) => !Number.isNaN(v))).toEqual([[0, 1], [2000, 2], [3000, 3], [4000, 4]]);
    expect(latest).toMatchObject({ value: 4, t: T0 + 4000, restored: true });
  });

  it('a backfill among unsaved points is saved with them', async () => {
    const p = make();
    const s = new TrackedSeries('k', spec, 100);
    send(s, 1, T0);
    send(s, 3, T0 + 3000);
    send(s, 2, T0 + 2000);
    expect(s.backfill.t).toHaveLength(0);
    expect(s.pending).toBe(3);
    await saveHistory(p, s, 100);
    const after = new TrackedSeries('k', spec, 100);
    await loadHistory(p, after, 0);
    expect(points(after).filter(([, v]) => !Number.isNaN(v))).toEqual([[0, 1], [2000, 2], [3000, 3]]);
  });

  it('restored history newer than the first live point is merged in order', async () => {
    const p = make();
    const before = new TrackedSeries('k', spec, 100);
    send(before, 1, T0);
    send(before, 5, T0 + 5000);
    await saveHistory(p, before, 100);
    const after = new TrackedSeries('k', spec, 100);
    send(after, 3, T0 + 3000); // a buffered point arriving before the restore finished
    await loadHistory(p, after, 0);
    expect(points(after).filter(([, v]) => !Number.isNaN(v))).toEqual([[0, 1], [3000, 3], [5000, 5]]);
  });
});

describe('mergeChunks', () => {
  it('merges overlapping chunks by time; a later value at the same time wins; gaps stay', () => {
    const c = (t: number[], v: number[]) => ({ t: Float64Array.from(t), v: Float64Array.from(v) });
    const m = mergeChunks([c([1, 1, 5], [NaN, 10, 50]), c([3], [30]), c([5, 6], [55, 60])]);
    expect(Array.from(m.t)).toEqual([1, 1, 3, 5, 6]);
    expect(Array.from(m.v)).toEqual([NaN, 10, 30, 55, 60]);
  });
});

describe('Sparkplug metrics', () => {
  it('a series on a metric name takes the metric’s own timestamp; a historical metric is backfilled', () => {
    const s = new TrackedSeries('k', { connection: 'c', topic: 'spBv1.0/G/DDATA/E/D', path: 'Line/Temp' }, 100);
    const sp = (value: number, timestamp: number, historical?: boolean) =>
      ({ kind: 'sparkplug', metrics: new Map([['Line/Temp', { value, timestamp, historical }]]) }) as const;
    expect(s.ingest('c', s.spec.topic, sp(20, T0 + 5000), T0 + 9000)).toBe('point');
    expect(s.ingest('c', s.spec.topic, sp(18, T0 + 1000, true), T0 + 9500)).toBe('backfill');
    expect(points(s)).toEqual([[1000, 18], [5000, 20]]);
    expect(s.latest).toMatchObject({ value: 20, t: T0 + 5000 });
  });
});

describe('an increase bucket across a reload', () => {
  it('keeps counting from what the current bucket held before the reload', async () => {
    const p = memoryPersistence();
    const meter = { connection: 'c', topic: 'site/m1/meter', path: 'kwh', timePath: 'ts', transform: 'increase', interval: '1h' } as const;
    const hour = Math.floor(T0 / 3_600_000) * 3_600_000;
    const read = (s: TrackedSeries, kwh: number, at: number) => s.ingest('c', meter.topic, json(`{"kwh":${kwh},"ts":${hour + at}}`), hour + at);
    const before = new TrackedSeries('k', meter, 100);
    read(before, 100, 1000);
    read(before, 130, 2000);
    expect(before.latest).toMatchObject({ t: hour, value: 30 });
    await saveHistory(p, before, 100);

    const after = new TrackedSeries('k', meter, 100);
    after.carryFrom((await loadHistory(p, after, 0))!);
    read(after, 131, 3000); // the first reading after the reload only opens the counter
    expect(after.latest).toMatchObject({ t: hour, value: 30 });
    read(after, 140, 4000);
    expect(after.latest).toMatchObject({ t: hour, value: 39 });
    expect(after.ring.size).toBe(1);
    read(after, 150, 3_600_000 + 1000); // the next hour starts from nothing carried
    expect(after.latest).toMatchObject({ t: hour + 3_600_000, value: 10 });
  });
});
