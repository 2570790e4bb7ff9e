import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock, type EngineHost, type MessageContext } from '../engine';
import type { ConnectionStatus } from '../mqtt';
import { decodePayload } from '../payload';
import type { StoredMessage } from '../topics';
import { SeriesFeature, type SeriesOptions } from './SeriesFeature';
import { seriesKey } from './seriesKey';
import { memoryPersistence } from './seriesPersistence';
import type { SeriesCommand, SeriesDelta } from './types';

const T0 = 1_700_000_000_000;
const K = seriesKey('plant', 'line1/temp', 'v');

function setup(options: SeriesOptions = {}) {
  const clock = new ManualClock(T0);
  const wake = vi.fn();
  const host: EngineHost = { clock, wake, post: vi.fn(), publish: vi.fn(), publishRequest: vi.fn(), connectionStatus: () => undefined };
  const feature = new SeriesFeature(host, options);
  const send = (topic: string, payload: string, connectionId = 'plant') => {
    const ctx: MessageContext = {
      connectionId,
      topic,
      decoded: decodePayload(new TextEncoder().encode(payload)),
      stored: {} as StoredMessage,
      now: clock.now(),
    };
    feature.onMessage(ctx);
  };
  /** Advances time the way the engine would: flushing each frame, ticking each second. */
  const run = (ms: number, step = 16): SeriesDelta[] => {
    const out: SeriesDelta[] = [];
    for (let t = 0; t < ms; t += step) {
      clock.advance(step);
      const d = feature.flush(clock.now());
      if (d) out.push(d);
    }
    return out;
  };
  const status = (state: ConnectionStatus['state'], id = 'plant') =>
    feature.onConnectionStatus({ id, state, clientId: 'c', protocolVersion: 5, subscriptions: [] } as ConnectionStatus);
  return { clock, wake, feature, send, run, status };
}

const pairs = (xy: Float64Array) => Array.from({ length: xy.length / 2 }, (_, i) => [xy[2 * i], xy[2 * i + 1]]);
const framesOf = (deltas: SeriesDelta[]) => deltas.flatMap((d) => d.frames ?? []);

describe('SeriesFeature', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
    s.feature.handle({ type: 'series/track', series: [{ connection: 'plant', topic: 'line1/temp', path: 'v' }] });
  });

  it('fails loudly on a series command it does not know (a newer UI)', () => {
    expect(() => s.feature.handle({ type: 'series/rewind' } as unknown as SeriesCommand)).toThrow('Unexpected series command: series/rewind');
  });

  it('records tracked series and sends their newest value, batched', () => {
    s.send('line1/temp', '{"v":20}');
    s.send('line1/temp', '{"v":21.5}');
    s.send('line1/other', '{"v":99}');
    const [first] = s.run(16);
    expect(first.latest).toEqual([{ key: K, value: 21.5, text: undefined, t: T0, at: T0 }]);
    expect(s.feature.stats().points).toBe(2);
  });

  it('keeps a state text as the newest value without recording a point', () => {
    const key = seriesKey('plant', 'm/state', 'state');
    s.feature.handle({ type: 'series/track', series: [{ connection: 'plant', topic: 'm/state', path: 'state' }] });
    s.send('m/state', '{"state":"FAULT"}');
    expect(s.run(16)[0].latest).toEqual([{ key, value: null, text: 'FAULT', t: T0, at: T0 }]);
    expect(s.feature.stats().points).toBe(0);
  });

  it('matches any connection when the series names none', () => {
    s.feature.handle({ type: 'series/track', series: [{ connection: '', topic: 'line1/temp', path: 'v' }] });
    s.send('line1/temp', '{"v":1}', 'a');
    s.send('line1/temp', '{"v":2}', 'b');
    expect(s.feature.stats().points).toBe(2);
  });

  it('sends a watched chart at most every 250 ms while data flows, and every second when idle', () => {
    s.feature.handle({ type: 'series/watch', id: 'w', keys: [K], windowMs: 60_000, widthPx: 400 });
    const sent: number[] = [];
    for (let i = 0; i < 100; i++) {
      s.send('line1/temp', `{"v":${i}}`);
      for (const d of s.run(10, 10)) if (d.frames?.length) sent.push(s.clock.now());
    }
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(250);
    const idle = framesOf(s.run(3000));
    expect(idle.length).toBeGreaterThanOrEqual(2);
    expect(idle.length).toBeLessThanOrEqual(4);
  });

  it('sends about as many points as the chart has pixels, with the live window', () => {
    for (let i = 0; i < 20_000; i++) {
      s.clock.advance(1);
      s.send('line1/temp', `{"v":${i % 100}}`);
    }
    s.feature.handle({ type: 'series/watch', id: 'w', keys: [K], windowMs: 10_000, widthPx: 300 });
    const [frame] = framesOf(s.run(16));
    expect(frame.to - frame.from).toBe(10_000);
    const pts = pairs(frame.series[0].xy);
    expect(pts.length).toBeLessThanOrEqual(302);
    expect(pts.length).toBeGreaterThan(100);
    expect(pts[0][0]).toBeGreaterThanOrEqual(frame.from);
  });

  it('redraws a long window only as often as its time axis moves by a pixel (at least once a second)', () => {
    s.feature.handle({ type: 'series/watch', id: 'w', keys: [K], windowMs: 300_000, widthPx: 600 });
    let frames = 0;
    for (let i = 0; i < 400; i++) {
      s.send('line1/temp', `{"v":${i}}`);
      frames += framesOf(s.run(10, 10)).length;
    }
    // 4 s: the first frame, then one every 500 ms (300 000 ms / 600 px).
    expect(frames).toBeGreaterThanOrEqual(8);
    expect(frames).toBeLessThanOrEqual(9);
  });

  it('sends nothing for a chart that is no longer watched', () => {
    s.feature.handle({ type: 'series/watch', id: 'w', keys: [K], windowMs: 60_000, widthPx: 100 });
    s.run(16);
    s.feature.handle({ type: 'series/unwatch', id: 'w' });
    s.send('line1/temp', '{"v":1}');
    expect(framesOf(s.run(2000))).toEqual([]);
  });

  it('a paused (ranged) chart gets its range at full resolution, once', () => {
    for (let i = 0; i < 100; i++) {
      s.clock.advance(100);
      s.send('line1/temp', `{"v":${i}}`);
    }
    s.feature.handle({ type: 'series/watch', id: 'w', keys: [K], windowMs: 0, range: { from: T0 + 1000, to: T0 + 2000 }, widthPx: 800 });
    const frames = framesOf(s.run(1500));
    expect(frames).toHaveLength(1);
    expect(pairs(frames[0].series[0].xy).map(([, v]) => v)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('breaks the line when the broker connection is lost', () => {
    s.status('connected');
    s.send('line1/temp', '{"v":1}');
    s.clock.advance(100);
    s.send('line1/temp', '{"v":2}');
    s.status('reconnecting');
    s.status('reconnecting');
    s.clock.advance(5000);
    s.status('connected');
    s.send('line1/temp', '{"v":3}');
    s.feature.handle({ type: 'series/watch', id: 'w', keys: [K], windowMs: 60_000, widthPx: 400 });
    const pts = pairs(framesOf(s.run(16))[0].series[0].xy);
    expect(pts.map(([, v]) => v)).toEqual([1, 2, NaN, 3]);
    expect(pts[2][0]).toBe(T0 + 100);
  });

  it('uses the payload time when configured (ms or ISO), and inserts older points in order (backfill)', () => {
    s.feature.handle({ type: 'series/track', series: [{ connection: 'plant', topic: 'line1/temp', path: 'v', timePath: 'ts' }] });
    s.send('line1/temp', `{"v":1,"ts":${T0 - 5000}}`);
    s.send('line1/temp', `{"v":2,"ts":"${new Date(T0 - 4000).toISOString()}"}`);
    s.send('line1/temp', `{"v":3,"ts":${T0 - 6000}}`);
    s.send('line1/temp', '{"v":4}');
    s.feature.handle({ type: 'series/export', reqId: 1, keys: [K] });
    const exported = s.run(16)[0].exports![0];
    expect(Array.from(exported.series[0].t)).toEqual([T0 - 6000, T0 - 5000, T0 - 4000, T0]);
    expect(Array.from(exported.series[0].v)).toEqual([3, 1, 2, 4]);
    expect(s.feature.stats()).toMatchObject({ outOfOrder: 0, backfilled: 1 });
  });

  it('shrinks every series to fit the global budget and counts what it dropped', () => {
    s = setup({ capacity: 100, budgetPoints: 150 });
    s.feature.handle({ type: 'series/track', series: [{ connection: 'plant', topic: 'line1/temp', path: 'v' }] });
    for (let i = 0; i < 120; i++) {
      s.clock.advance(1);
      s.send('line1/temp', `{"v":${i}}`);
    }
    expect(s.feature.stats()).toMatchObject({ points: 100, capacityPerSeries: 100 });
    s.feature.handle({ type: 'series/track', series: [{ connection: 'plant', topic: 'line1/temp', path: 'v' }, { connection: 'plant', topic: 'b', path: '' }] });
    expect(s.feature.stats()).toMatchObject({ points: 75, capacityPerSeries: 75, droppedPoints: 25 });
  });

  it('frees series that are no longer tracked', () => {
    s.send('line1/temp', '{"v":1}');
    s.feature.handle({ type: 'series/track', series: [] });
    expect(s.feature.stats()).toMatchObject({ series: 0, points: 0 });
  });

  it('suggests topics with their numeric and text fields', () => {
    s.send('plant/a/temperature', '{"v":1,"unit":"C","ts":5}');
    s.send('plant/a/state', '{"state":"RUNNING"}');
    s.send('other/plant', '7');
    s.feature.handle({ type: 'series/suggest', reqId: 4, text: 'PLANT' });
    const { suggestions } = s.run(16)[0];
    expect(suggestions!.reqId).toBe(4);
    expect(suggestions!.items).toEqual([
      { connection: 'plant', topic: 'plant/a/temperature', fields: ['v', 'ts'], textFields: ['unit'], last: '{"v":1,"unit":"C","ts":5}' },
      { connection: 'plant', topic: 'plant/a/state', fields: [], textFields: ['state'], last: '{"state":"RUNNING"}' },
      { connection: 'plant', topic: 'other/plant', fields: [''], textFields: [], last: '7' },
    ]);
  });
});

describe('SeriesFeature history', () => {
  it('saves recent points and restores them after a reload, with a gap, as the newest value', async () => {
    const persistence = memoryPersistence();
    const spec = { connection: 'plant', topic: 'line1/temp', path: 'v' };
    const a = setup({ persistence, saveEveryMs: 5000 });
    a.feature.handle({ type: 'series/track', series: [spec] });
    for (let i = 0; i < 60; i++) {
      a.clock.advance(100);
      a.send('line1/temp', `{"v":${i}}`);
    }
    a.feature.onTick(a.clock.now() + 5000);
    await vi.waitFor(() => expect(persistence.chunks.size).toBe(1));

    const b = setup({ persistence });
    b.clock.advance(60_000);
    b.feature.handle({ type: 'series/track', series: [spec] });
    b.send('line1/temp', '{"v":1000}');
    // 60 restored + the gap that opened their session + the gap after them + 1 live.
    await vi.waitFor(() => expect(b.feature.stats().points).toBe(63));
    b.feature.handle({ type: 'series/watch', id: 'w', keys: [K], windowMs: 0, widthPx: 1000 });
    const values = pairs(framesOf(b.run(16))[0].series[0].xy).map(([, v]) => v);
    expect(values.slice(0, 3)).toEqual([NaN, 0, 1]);
    expect(values.slice(-3)).toEqual([59, NaN, 1000]);
  });

  it('restored history gives a widget its last value (marked restored) until data comes', async () => {
    const persistence = memoryPersistence();
    const spec = { connection: 'plant', topic: 'line1/temp', path: 'v' };
    const a = setup({ persistence });
    a.feature.handle({ type: 'series/track', series: [spec] });
    a.send('line1/temp', '{"v":42}');
    a.feature.onTick(a.clock.now() + 10_000);
    await vi.waitFor(() => expect(persistence.chunks.size).toBe(1));
    const b = setup({ persistence });
    b.feature.handle({ type: 'series/track', series: [spec] });
    await vi.waitFor(() => expect(b.feature.stats().points).toBe(3));
    expect(b.run(300).flatMap((d) => d.latest ?? [])).toEqual([{ key: K, value: 42, t: T0, at: T0, restored: true }]);
  });

  it('keeps stored history bounded by points per series and by age', async () => {
    const persistence = memoryPersistence();
    const a = setup({ persistence, capacity: 50, retentionMs: 60_000 });
    a.feature.handle({ type: 'series/track', series: [{ connection: 'plant', topic: 'line1/temp', path: 'v' }] });
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 20; i++) {
        a.clock.advance(10);
        a.send('line1/temp', `{"v":${i}}`);
      }
      a.feature.onTick(a.clock.now() + round * 10_000 + 10_000);
      await vi.waitFor(() => expect(persistence.chunks.size).toBeGreaterThan(0));
      await Promise.resolve();
    }
    await vi.waitFor(() => {
      const stored = [...persistence.chunks.values()].reduce((n, c) => n + c.t.length, 0);
      expect(stored).toBeLessThanOrEqual(50 + 21);
    });
    expect(await persistence.sweep(T0 + 10 * 60_000)).toBeGreaterThan(0);
    expect(persistence.chunks.size).toBe(0);
  });
});

describe('SeriesFeature, series added later', () => {
  it('starts from the topic’s newest payload (a retained state, a slow sensor)', () => {
    const s = setup();
    s.send('m/state', '{"state":"IDLE"}');
    s.clock.advance(5000);
    s.feature.handle({ type: 'series/track', series: [{ connection: '', topic: 'm/state', path: 'state' }] });
    expect(s.run(16)[0].latest).toEqual([{ key: seriesKey('', 'm/state', 'state'), value: null, text: 'IDLE', t: T0, at: T0 }]);
  });
});

describe('SeriesFeature, many charts', () => {
  it('spreads chart frames over several deltas instead of sending all at once', () => {
    const s = setup();
    const specs = Array.from({ length: 20 }, (_, i) => ({ connection: 'plant', topic: `t/${i}`, path: 'v' }));
    s.feature.handle({ type: 'series/track', series: specs });
    for (let i = 0; i < 20; i++) s.feature.handle({ type: 'series/watch', id: `w${i}`, keys: [seriesKey('plant', `t/${i}`, 'v')], windowMs: 60_000, widthPx: 200 });
    const perDelta: number[] = [];
    for (let step = 0; step < 100; step++) {
      for (let i = 0; i < 20; i++) s.send(`t/${i}`, `{"v":${step}}`);
      for (const d of s.run(16)) perDelta.push(d.frames?.length ?? 0);
    }
    expect(Math.max(...perDelta)).toBeLessThanOrEqual(2);
    // 20 charts share 40 redraws per second (2 per chart), over 1.6 s.
    const total = perDelta.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(40 * 1.6 * 0.7);
    expect(total).toBeLessThanOrEqual(40 * 1.6 + 20);
  });
});
