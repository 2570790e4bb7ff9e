import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine';
import { Engine } from '../engine/Engine';
import type { EngineFeature, QualityChange } from '../engine/EngineFeature';
import type { Delta, FromEngine } from '../engine/protocol';
import { seriesFeature } from '../series';
import { memoryPersistence } from '../series/seriesPersistence';
import { FakeSession } from '../testing/FakeSession';
import { DEFAULT_LIMITS } from '../topics';
import { sparkplugFeature, WRITE_TIMEOUT_MS } from './SparkplugFeature';
import { dbirth, ddata, nbirth, ndeath, tahu } from './testPayloads';
import type { SparkplugDelta } from './types';

const settings = { id: 'plant', name: 'Plant', url: 'ws://x', protocolVersion: 5 as const, subscriptions: [{ topic: 'spBv1.0/#', qos: 0 as const }] };
const DDATA = 'spBv1.0/Plant/DDATA/Edge1/Filler';
const target = { connectionId: 'plant', group: 'Plant', node: 'Edge1', device: 'Filler' };

describe('SparkplugFeature in the engine', () => {
  let clock: ManualClock;
  let out: FromEngine[];
  let session: FakeSession;
  let engine: Engine;
  let qualities: QualityChange[];
  const receive = (topic: string, bytes: Uint8Array) => session.listener.onMessage(topic, bytes, 0, false, undefined);
  const deltas = () => out.filter((m): m is Delta => m.type === 'delta');
  const frame = () => {
    clock.advance(300);
    const last = deltas().at(-1);
    if (last) engine.handle({ type: 'ack', seq: last.seq });
  };
  const sparkplug = (): SparkplugDelta[] => deltas().flatMap((d) => (d.features?.sparkplug ? [d.features.sparkplug] : []));
  const born = () => {
    receive('spBv1.0/Plant/NBIRTH/Edge1', nbirth(0, 1));
    receive('spBv1.0/Plant/DBIRTH/Edge1/Filler', dbirth(1));
  };

  beforeEach(() => {
    clock = new ManualClock();
    out = [];
    qualities = [];
    const probe = (): EngineFeature => ({ key: 'noop', handle: () => true, onMessage: () => {}, flush: () => undefined, onQuality: (c) => qualities.push(c) });
    engine = new Engine(clock, (m) => out.push(m), (s, l) => (session = new FakeSession(s, l)), DEFAULT_LIMITS, [seriesFeature({ persistence: memoryPersistence() }), sparkplugFeature, probe]);
    engine.handle({ type: 'connect', settings });
  });

  it('a series with path = metric name on a DDATA topic gets values from alias-only DATA', () => {
    engine.handle({ type: 'series/track', series: [{ connection: 'plant', topic: DDATA, path: 'Temperature' }] });
    born();
    receive(DDATA, ddata(2, 21.5));
    receive(DDATA, ddata(3, 22.75));
    frame();
    const latest = deltas().flatMap((d) => d.features?.series?.latest ?? []);
    expect(latest.at(-1)).toMatchObject({ value: 22.75 });
  });

  it('a metric that only came in the BIRTH (report by exception) has its value on the DATA topic', () => {
    engine.handle({ type: 'series/track', series: [{ connection: 'plant', topic: DDATA, path: 'Setpoint' }] });
    born();
    frame();
    const latest = deltas().flatMap((d) => d.features?.series?.latest ?? []);
    expect(latest.at(-1)).toMatchObject({ value: 50 });
  });

  it('lists entities with their state, and the selected device metrics by name', () => {
    born();
    receive(DDATA, ddata(2, 21.5));
    engine.handle({ type: 'sparkplug/select', target });
    frame();
    const last = sparkplug().at(-1)!;
    const entities = sparkplug().filter((d) => d.entities).at(-1)!.entities!;
    expect(entities.map((e) => [e.node, e.device, e.state])).toEqual([
      ['Edge1', undefined, 'online'],
      ['Edge1', 'Filler', 'online'],
    ]);
    expect(entities[0].bdSeq).toBe('1');
    const temp = last.metrics!.metrics.find((m) => m.name === 'Temperature')!;
    expect(temp).toMatchObject({ value: '21.5', datatype: 'Double', units: '°C', stale: false, alias: 1 });
    expect(last.metrics!.metrics.find((m) => m.name === 'Count')!.value).toBe('9007199254740993');
    expect(last.metrics!.metrics.find((m) => m.name === 'Setpoint')).toMatchObject({ datatype: 'Float', value: '50' });
  });

  it('writes a metric as a typed DCMD by alias at QoS 0, pending until DATA carries it', () => {
    born();
    engine.handle({ type: 'sparkplug/write', reqId: 7, target, metric: 'Offset', value: '-5' });
    const cmd = session.published.at(-1)!;
    expect(cmd).toMatchObject({ topic: 'spBv1.0/Plant/DCMD/Edge1/Filler', qos: 0, retain: false });
    const decoded = tahu.decodePayload(cmd.payload);
    expect(decoded.metrics![0]).toMatchObject({ type: 'Int8', value: -5 });
    expect(Number(decoded.metrics![0].alias)).toBe(5);
    expect(decoded.metrics![0].name).toBeUndefined();
    frame();
    expect(sparkplug().flatMap((d) => d.writes ?? [])).toEqual([{ reqId: 7, state: 'pending' }]);
    receive(DDATA, tahu.encodePayload({ seq: 2, metrics: [{ alias: 5, type: 'Int8', value: -5 }] }));
    frame();
    expect(sparkplug().flatMap((d) => d.writes ?? []).at(-1)).toEqual({ reqId: 7, state: 'confirmed' });
  });

  it('refuses a value that does not fit the BIRTH datatype, and times out a write nobody confirms', () => {
    born();
    engine.handle({ type: 'sparkplug/write', reqId: 1, target, metric: 'Offset', value: '300' });
    expect(session.published).toHaveLength(0);
    engine.handle({ type: 'sparkplug/write', reqId: 2, target, metric: 'Running', value: 'false' });
    expect(tahu.decodePayload(session.published[0].payload).metrics![0]).toMatchObject({ type: 'Boolean', value: false });
    clock.advance(WRITE_TIMEOUT_MS + 1000);
    frame();
    const writes = sparkplug().flatMap((d) => d.writes ?? []);
    expect(writes).toContainEqual({ reqId: 1, state: 'failed', reason: 'Int8 must be between -128 and 127' });
    expect(writes.at(-1)).toMatchObject({ reqId: 2, state: 'timed-out' });
  });

  it('sends NCMD Node Control/Rebirth on a seq gap (rate-limited) and on the user button', () => {
    born();
    receive(DDATA, ddata(5, 1));
    receive(DDATA, ddata(9, 1));
    const rebirths = () => session.published.filter((p) => p.topic === 'spBv1.0/Plant/NCMD/Edge1');
    expect(rebirths()).toHaveLength(1);
    expect(rebirths()[0].qos).toBe(0);
    expect(tahu.decodePayload(rebirths()[0].payload).metrics![0]).toMatchObject({ name: 'Node Control/Rebirth', type: 'Boolean', value: true });
    engine.handle({ type: 'sparkplug/rebirth', target });
    expect(rebirths()).toHaveLength(2);
  });

  it('tells the other features about bad and good quality on NDEATH and NBIRTH', () => {
    born();
    receive('spBv1.0/Plant/NDEATH/Edge1', ndeath(1));
    expect(qualities.at(-1)).toMatchObject({ connectionId: 'plant', good: false, topics: ['spBv1.0/Plant/NDATA/Edge1', DDATA] });
    receive('spBv1.0/Plant/NBIRTH/Edge1', nbirth(0, 2));
    expect(qualities.at(-1)).toMatchObject({ good: true, topics: ['spBv1.0/Plant/NDATA/Edge1'] });
  });

  it('a lost connection makes the nodes stale; a removed one takes them off the list', () => {
    born();
    session.end();
    frame();
    const states = () => sparkplug().filter((d) => d.entities).at(-1)!.entities!.map((e) => e.state);
    expect(states()).toEqual(['stale', 'stale']);
    engine.handle({ type: 'remove', connectionId: 'plant' });
    clock.advance(1000);
    frame();
    expect(states()).toEqual([]);
  });

  it('the Message region gets the payload decoded with metric names; the tree a readable preview', () => {
    born();
    receive(DDATA, ddata(2, 21.5));
    engine.handle({ type: 'treeWindow', start: 0, count: 50 });
    engine.handle({ type: 'selectTopic', connectionId: 'plant', topic: DDATA });
    frame();
    const detail = deltas().filter((d) => d.detail).at(-1)!.detail!;
    expect(detail.last!.kind).toBe('sparkplug');
    expect(JSON.parse(detail.last!.decodedText!).metrics[0]).toMatchObject({ name: 'Temperature', value: 21.5, datatype: 'Double' });
    expect(detail.last!.numericPaths).toEqual(['Temperature']);
    const rows = deltas().filter((d) => d.tree).at(-1)!.tree!.rows;
    expect(rows.find((r) => r.name === 'Filler')?.preview).toBe('1 metric, seq 2: Temperature=21.5');
  });
});
