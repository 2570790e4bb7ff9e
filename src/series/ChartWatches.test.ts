import { describe, expect, it } from 'vitest';
import { decodePayload } from '../payload';
import { ChartWatches, FRAME_SPREAD_MS, LIVE_IDLE_MS } from './ChartWatches';
import { TrackedSeries } from './TrackedSeries';

const T0 = 1_700_000_000_000;

function seriesOf(...keys: string[]): Map<string, TrackedSeries> {
  return new Map(keys.map((key) => [key, new TrackedSeries(key, { connection: 'c', topic: key, path: '' }, 100)]));
}
const push = (s: TrackedSeries, value: number, at: number) => s.ingest('c', s.spec.topic, decodePayload(new TextEncoder().encode(String(value))), at);
const watch = (id: string, keys: string[], extra: { windowMs?: number; widthPx?: number; range?: { from: number; to: number } } = {}) =>
  ({ type: 'series/watch', id, keys, windowMs: extra.windowMs ?? 60_000, widthPx: extra.widthPx ?? 600, range: extra.range ?? null }) as const;

describe('ChartWatches', () => {
  it('sends a new watch at once, then only when due', () => {
    const series = seriesOf('a');
    const w = new ChartWatches(250);
    w.watch(watch('w1', ['a']));
    expect(w.due(T0, series).frames.map((f) => f.id)).toEqual(['w1']);
    expect(w.due(T0 + 1, series).frames).toEqual([]);
  });

  it('redraws a changed live chart after the frame interval and says when', () => {
    const series = seriesOf('a');
    const w = new ChartWatches(250);
    w.watch(watch('w1', ['a'], { windowMs: 60_000, widthPx: 600 }));
    w.due(T0, series);
    push(series.get('a')!, 1, T0 + 10);
    const early = w.due(T0 + 100, series);
    expect(early.frames).toEqual([]);
    expect(early.nextDueMs).toBe(150);
    expect(w.due(T0 + 250, series).frames).toHaveLength(1);
  });

  it('redraws an idle live chart once a second so its time axis moves', () => {
    const series = seriesOf('a');
    const w = new ChartWatches(250);
    w.watch(watch('w1', ['a']));
    w.due(T0, series);
    expect(w.due(T0 + LIVE_IDLE_MS - 1, series).frames).toEqual([]);
    expect(w.due(T0 + LIVE_IDLE_MS, series).frames).toHaveLength(1);
  });

  it('does not redraw an idle paused chart', () => {
    const series = seriesOf('a');
    const w = new ChartWatches(250);
    w.watch(watch('w1', ['a'], { range: { from: T0 - 1000, to: T0 } }));
    expect(w.due(T0, series).frames[0]).toMatchObject({ from: T0 - 1000, to: T0 });
    expect(w.due(T0 + 60_000, series).frames).toEqual([]);
  });

  it('spreads many due charts over several flushes', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const series = seriesOf(...keys);
    const w = new ChartWatches(250);
    for (const k of keys) w.watch(watch(k, [k]));
    const first = w.due(T0, series);
    expect(first.frames).toHaveLength(3); // ceil(30 / 12)
    expect(first.nextDueMs).toBe(FRAME_SPREAD_MS);
    expect(w.due(T0 + FRAME_SPREAD_MS, series).frames.map((f) => f.id)).toEqual(['k3', 'k4', 'k5']);
  });

  it('frames a live window ending at the newest point, and unknown keys as empty', () => {
    const series = seriesOf('a');
    push(series.get('a')!, 5, T0 + 500); // a device clock slightly ahead of ours
    const w = new ChartWatches(250);
    w.watch(watch('w1', ['a', 'missing'], { windowMs: 10_000 }));
    const [frame] = w.due(T0, series).frames;
    expect(frame).toMatchObject({ id: 'w1', from: T0 + 500 - 10_000, to: T0 + 500 });
    expect(frame.series[0].xy.length).toBeGreaterThan(0);
    expect(frame.series[1]).toEqual({ key: 'missing', xy: new Float64Array(0) });
  });

  it('stops sending after unwatch', () => {
    const series = seriesOf('a');
    const w = new ChartWatches(250);
    w.watch(watch('w1', ['a']));
    w.unwatch('w1');
    expect(w.due(T0, series).frames).toEqual([]);
  });
});
