import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine';
import { Engine } from '../engine/Engine';
import type { Delta, FromEngine } from '../engine/protocol';
import { FakeSession } from '../testing/FakeSession';
import { rowsFeature } from './RowsFeature';
import type { RowsSpec, RowsUpdate } from './types';

const conn = (id: string) => ({ id, name: id, url: 'ws://x', protocolVersion: 5 as const, subscriptions: [{ topic: '#', qos: 0 as const }] });

describe('RowsFeature (in the engine)', () => {
  let clock: ManualClock;
  let out: FromEngine[];
  let sessions: Map<string, FakeSession>;
  let engine: Engine;

  const frame = (): void => {
    clock.advance(20);
    const last = out.filter((m): m is Delta => m.type === 'delta').at(-1);
    if (last) engine.handle({ type: 'ack', seq: last.seq });
  };
  /** Every update for watch `id`, oldest first. */
  const updates = (id: string): RowsUpdate[] =>
    out.flatMap((m) => (m.type === 'delta' && m.features?.rows?.watches[id] ? [m.features.rows.watches[id]] : []));
  const watch = (id: string, spec: Partial<RowsSpec> & { topic: string }): void =>
    engine.handle({ type: 'rows/watch', id, spec: { connection: 'plant', paths: [], ...spec } });

  beforeEach(() => {
    clock = new ManualClock();
    out = [];
    sessions = new Map();
    engine = new Engine(clock, (m) => out.push(m), (s, l) => {
      const session = new FakeSession(s, l);
      sessions.set(s.id, session);
      return session;
    }, undefined, [rowsFeature({ maxRows: 3 })]);
    engine.handle({ type: 'connect', settings: conn('plant') });
  });
  const plant = () => sessions.get('plant')!;

  it('fills a new watch at once from the topics already received, with the wildcard part as key', () => {
    const at = clock.now();
    plant().receive('fleet/truck-07/status', '{"fuel":61.5,"state":"DRIVING","ok":true}');
    plant().receive('fleet/truck-02/status', '{"fuel":12}');
    plant().receive('fleet/truck-02/gps', '{"lat":1,"lon":2}');
    plant().receive('xfleet/truck-09/status', '{"fuel":1}');
    frame();
    clock.advance(5000);
    frame();
    watch('t', { topic: 'fleet/+/status', paths: ['fuel', 'state', 'ok', 'missing'] });
    frame();
    const [first] = updates('t');
    expect(first.full).toBe(true);
    expect(first.total).toBe(2);
    const byKey = Object.fromEntries(first.rows.map((r) => [r.key, r]));
    expect(byKey['truck-07'].values).toEqual([61.5, 'DRIVING', 'true', null]);
    expect(byKey['truck-07'].topic).toBe('fleet/truck-07/status');
    expect(byKey['truck-07'].lastSeen).toBe(at);
    expect(byKey['truck-02'].values).toEqual([12, null, null, null]);
  });

  it('sends only the rows that changed after the first delta, and an empty payload removes a row', () => {
    watch('t', { topic: 'fleet/+/status', paths: ['fuel'] });
    frame();
    expect(updates('t')).toEqual([{ full: true, rows: [], total: 0 }]);
    plant().receive('fleet/a/status', '{"fuel":1}');
    plant().receive('fleet/b/status', '{"fuel":2}');
    frame();
    plant().receive('fleet/b/status', '{"fuel":3}');
    plant().receive('fleet/other/gps', '{"fuel":9}');
    frame();
    const third = updates('t')[2];
    expect(third.full).toBe(false);
    expect(third.rows.map((r) => [r.key, r.values[0]])).toEqual([['b', 3]]);
    expect(third.total).toBe(2);
    plant().receive('fleet/a/status', '', { retain: true });
    frame();
    expect(updates('t')[3]).toMatchObject({ full: false, rows: [], removed: ['fleet/a/status'], total: 1 });
    // Nothing changed: no part for the watch.
    plant().receive('fleet/other/gps', '{}');
    frame();
    expect(updates('t')).toHaveLength(4);
  });

  it('keeps a trail of the last (lat, lon) pairs, oldest first', () => {
    watch('m', { topic: 'fleet/+/gps', paths: ['lat', 'lon'], trail: 2 });
    for (let i = 1; i <= 3; i++) plant().receive('fleet/t1/gps', JSON.stringify({ lat: i, lon: i * 10 }));
    frame();
    const row = updates('m').at(-1)!.rows[0];
    expect([...row.trail!]).toEqual([2, 20, 3, 30]);
  });

  it('caps rows per watch and counts each dropped topic once', () => {
    watch('t', { topic: 'd/#', paths: [''] });
    for (let i = 0; i < 5; i++) plant().receive(`d/${i}/x`, String(i));
    plant().receive('d/4/x', '4');
    frame();
    const u = updates('t').at(-1)!;
    expect(u.total).toBe(3);
    expect(u.dropped).toBe(2);
    expect(u.rows.map((r) => [r.key, r.values[0]])).toEqual([['0/x', 0], ['1/x', 1], ['2/x', 2]]);
  });

  it('matches only its connection, or any connection with connection ""', () => {
    engine.handle({ type: 'connect', settings: conn('other') });
    watch('p', { topic: 's/+', paths: [''] });
    watch('any', { topic: 's/+', paths: [''], connection: '' });
    sessions.get('other')!.receive('s/x', '5');
    plant().receive('s/y', '6');
    frame();
    expect(updates('p').at(-1)!.rows.map((r) => r.key)).toEqual(['y']);
    expect(updates('any').at(-1)!.rows.map((r) => [r.connectionId, r.key])).toEqual([['other', 'x'], ['plant', 'y']]);
  });

  it('seeds an exact topic without matching longer topics that contain it', () => {
    plant().receive('a/b', '1');
    plant().receive('xa/by', '2');
    watch('e', { topic: 'a/b', paths: [''] });
    frame();
    expect(updates('e')[0].rows.map((r) => [r.key, r.values[0]])).toEqual([['a/b', 1]]);
  });

  it('stops after unwatch, and a watch again starts with the full set', () => {
    watch('t', { topic: 'q/+', paths: [''] });
    plant().receive('q/1', '1');
    frame();
    engine.handle({ type: 'rows/unwatch', id: 't' });
    plant().receive('q/2', '2');
    frame();
    expect(updates('t')).toHaveLength(1);
    watch('t', { topic: 'q/+', paths: [''] });
    frame();
    expect(updates('t').at(-1)).toMatchObject({ full: true, total: 2 });
  });

  it('ignores an invalid filter', () => {
    expect(engine.handle({ type: 'rows/watch', id: 'bad', spec: { connection: '', topic: 'a/#/b', paths: [] } })).toBeUndefined();
    plant().receive('a/x/b', '1');
    frame();
    expect(updates('bad')).toEqual([]);
  });
});
