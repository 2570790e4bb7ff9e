import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { Engine } from '../engine/Engine';
import type { Delta, FromEngine, ToEngine } from '../engine/protocol';
import { getDb } from '../storage';
import { FakeSession } from '../testing/FakeSession';
import { instanceKey } from './AlarmInstance';
import { MemoryAlarmPersistence, type AlarmPersistence } from './alarmPersistence';
import { AlarmsFeature } from './AlarmsFeature';
import { IdbAlarmPersistence } from './idbAlarmPersistence';
import type { AlarmsDelta, AlarmView, JournalFilter, JournalQueryResult } from './types';

const settings = { id: 'plant', name: 'Plant', url: 'ws://x', protocolVersion: 5 as const, subscriptions: [{ topic: '#', qos: 0 as const }] };
const T = 'plant/line1/temp';
const rule = { id: 't1', name: 'Temp high', connection: 'plant', topic: T, path: 'v', condition: 'above', setpoint: 80, deadband: 2, priority: 'high' };
const flushMicrotasks = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setTimeout(r, 0));
};

/** The real Engine with the alarms feature, a fake session and a manual clock: the worker minus postMessage. */
class Harness {
  clock = new ManualClock();
  out: FromEngine[] = [];
  session!: FakeSession;
  feature!: AlarmsFeature;
  engine: Engine;
  alarms = new Map<string, AlarmView>();
  parts: AlarmsDelta[] = [];

  constructor(readonly persistence: AlarmPersistence, station = 'screen-1') {
    this.engine = new Engine(this.clock, (m) => this.receive(m), (s, l) => (this.session = new FakeSession(s, l)), undefined, [
      (host) => (this.feature = new AlarmsFeature(host, persistence, () => new MemoryAlarmPersistence())),
    ]);
    this.engine.handle({ type: 'alarms/rules', rules: [rule], settings: {}, station });
    this.engine.handle({ type: 'connect', settings });
  }

  private receive(m: FromEngine): void {
    this.out.push(m);
    // The UI acks every delta (a delta without an alarms part too, or the next waits up to 1 s).
    if (m.type === 'delta') queueMicrotask(() => this.engine.handle({ type: 'ack', seq: m.seq }));
    const part = (m as Delta).features?.alarms;
    if (!part) return;
    this.parts.push(part);
    if (part.reset) this.alarms.clear();
    for (const v of part.upsert ?? []) this.alarms.set(v.key, v);
    for (const k of part.remove ?? []) this.alarms.delete(k);
  }

  send(v: number, topic = T): void {
    this.session.receive(topic, JSON.stringify({ v, unit: '°C' }));
  }

  /** Asks the worker for the journal and returns its answer from the deltas. */
  async queryJournal(filter: Partial<JournalFilter> = {}, reqId = ++this.reqId): Promise<JournalQueryResult | undefined> {
    this.engine.handle({ type: 'alarms/journalQuery', reqId, filter: { from: null, to: null, priority: '', text: '', ...filter } });
    await this.settle();
    return this.parts.flatMap((p) => p.journalResults ?? []).find((r) => r.reqId === reqId);
  }

  private reqId = 0;

  async settle(): Promise<void> {
    await flushMicrotasks();
    this.clock.advance(20);
    await this.feature.settled();
    this.clock.advance(300);
  }
}

describe('AlarmsFeature in the engine', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness(new MemoryAlarmPersistence());
    await h.settle();
  });

  it('raises from a message, sends it in the next delta, acknowledges and clears', async () => {
    h.send(85);
    await h.settle();
    const key = instanceKey('t1', T);
    expect(h.alarms.get(key)).toMatchObject({ state: 'unacknowledged', value: 85, name: 'Temp high', priority: 'high' });
    expect(h.parts.filter((p) => p.summary).at(-1)!.summary!.unacknowledged.high).toBe(1);
    h.engine.handle({ type: 'alarms/acknowledge', keys: [key] });
    h.send(79);
    await h.settle();
    expect(h.alarms.get(key)).toMatchObject({ state: 'acknowledged', value: 79 });
    h.send(70);
    await h.settle();
    expect(h.alarms.has(key)).toBe(false);
  });

  it('writes the journal and states to persistence', async () => {
    h.send(85);
    h.engine.handle({ type: 'alarms/acknowledge', keys: [instanceKey('t1', T)] });
    await h.settle();
    const p = h.persistence as MemoryAlarmPersistence;
    expect(p.journal.map((e) => `${e.from}→${e.to} ${e.action}`)).toEqual(['normal→unacknowledged activate', 'unacknowledged→acknowledged acknowledge']);
    expect([...p.instances.values()][0]).toMatchObject({ active: true, acked: true });
    expect(h.parts.some((d) => d.journal && d.journal.version > 0)).toBe(true);
  });

  it('queues messages that arrive before the stored states are loaded', async () => {
    let release!: () => void;
    const slow = new MemoryAlarmPersistence();
    const load = slow.load.bind(slow);
    slow.load = () => new Promise((r) => (release = () => r(load())));
    const s = new Harness(slow);
    s.send(90);
    await flushMicrotasks();
    expect(s.alarms.size).toBe(0);
    release();
    await s.settle();
    expect([...s.alarms.values()].map((a) => a.state)).toEqual(['unacknowledged']);
  });

  it('starts without stored states when the database does not answer, and says so', async () => {
    const stuck = new MemoryAlarmPersistence();
    stuck.load = () => new Promise(() => undefined);
    const s = new Harness(stuck);
    s.send(90);
    s.clock.advance(5000);
    await s.settle();
    expect([...s.alarms.values()].map((a) => a.state)).toEqual(['unacknowledged']);
    expect(s.parts.some((p) => p.storageError?.includes('will not survive a reload'))).toBe(true);
    // The journal still shows: the worker answers from its memory fallback.
    const answer = await s.queryJournal();
    expect(answer?.entries.map((e) => e.action)).toEqual(['activate']);
  });

  it('answers journal queries in the delta, newest first, filtered by priority, text and time', async () => {
    h.send(85);
    h.clock.advance(1000);
    h.engine.handle({ type: 'alarms/acknowledge', keys: [instanceKey('t1', T)] });
    await h.settle();
    const all = await h.queryJournal();
    expect(all?.entries.map((e) => e.action)).toEqual(['acknowledge', 'activate']);
    expect((await h.queryJournal({ text: 'ACTIVATE' }))?.entries.map((e) => e.action)).toEqual(['activate']);
    expect((await h.queryJournal({ priority: 'low' }))?.entries).toEqual([]);
    const activatedAt = all!.entries[1].at;
    expect((await h.queryJournal({ to: activatedAt }))?.entries.map((e) => e.action)).toEqual(['activate']);
  });

  it('reports a journal that cannot be read', async () => {
    h.persistence.readJournal = () => Promise.reject(new Error('disk on fire'));
    expect(await h.queryJournal()).toEqual({ reqId: expect.any(Number), entries: [], error: 'disk on fire' });
  });

  it('shares acknowledgements through a topic and publishes transitions when configured', async () => {
    const both = { publishTopic: 'sightglass/alarms/events', shareAcksTopic: 'sightglass/alarms/ack' };
    h.engine.handle({ type: 'alarms/rules', rules: [rule], settings: both, station: 'screen-1' });
    h.send(85);
    h.engine.handle({ type: 'alarms/acknowledge', keys: [instanceKey('t1', T)] });
    const sent = h.session.published.map((p) => ({ topic: p.topic, body: JSON.parse(new TextDecoder().decode(p.payload)) }));
    expect(sent[0]).toMatchObject({ topic: 'sightglass/alarms/events', body: { type: 'alarm-transition', from: 'normal', to: 'unacknowledged', ruleId: 't1' } });
    expect(sent.find((s) => s.topic === 'sightglass/alarms/ack')!.body).toMatchObject({ type: 'acknowledge', station: 'screen-1', alarms: [{ ruleId: 't1', topic: T }] });

    // Another screen's acknowledgement arrives over MQTT.
    h.send(70);
    h.send(90);
    h.session.receive('sightglass/alarms/ack', JSON.stringify({ type: 'acknowledge', station: 'screen-2', alarms: [{ ruleId: 't1', topic: T }] }));
    await h.settle();
    expect(h.alarms.get(instanceKey('t1', T))!.state).toBe('acknowledged');
    // Our own echo is ignored.
    h.send(70);
    h.send(90);
    h.session.receive('sightglass/alarms/ack', JSON.stringify({ type: 'acknowledge', station: 'screen-1', alarms: [{ ruleId: 't1', topic: T }] }));
    await h.settle();
    expect(h.alarms.get(instanceKey('t1', T))!.state).toBe('unacknowledged');
  });

  it('a screen starting up takes a retained shelf once its states and rules are in; reset goes out with a retained snapshot', async () => {
    const late = new Harness(new MemoryAlarmPersistence(), 'screen-2');
    const ack = 'sightglass/alarms/ack';
    const key = instanceKey('t1', T);
    late.engine.handle({ type: 'alarms/rules', rules: [{ ...rule, latch: true }], settings: { shareAcksTopic: ack }, station: 'screen-2' });
    const until = late.clock.now() + 60_000;
    // Retained, so it comes first after subscribing: before the stored states have loaded.
    late.session.receive(ack, JSON.stringify({ type: 'snapshot', station: 'screen-1', at: 1, shelves: [{ ruleId: 't1', topic: T, until, reason: 'pump swap' }], resets: [] }));
    late.send(85);
    await late.settle();
    expect(late.alarms.get(key)).toMatchObject({ state: 'shelved', shelvedUntil: until, shelveReason: 'pump swap' });
    late.engine.handle({ type: 'alarms/unshelve', keys: [key] });
    late.send(70);
    late.engine.handle({ type: 'alarms/acknowledge', keys: [key] });
    await late.settle();
    expect(late.alarms.get(key)).toMatchObject({ state: 'latched-acknowledged', latch: true });
    late.engine.handle({ type: 'alarms/reset', keys: [key] });
    await late.settle();
    expect(late.alarms.has(key)).toBe(false);
    const sent = late.session.published.filter((p) => p.topic === ack).map((p) => [JSON.parse(new TextDecoder().decode(p.payload)).type, p.retain]);
    expect(sent).toEqual([['unshelve', false], ['snapshot', true], ['acknowledge', false], ['snapshot', true], ['reset', false], ['snapshot', true]]);
  });

  it('answers rule tests in the delta', async () => {
    h.send(85);
    h.engine.handle({ type: 'alarms/test', reqId: 7, rule: { ...rule, setpoint: 84 } });
    await h.settle();
    expect(h.parts.flatMap((p) => p.tests ?? [])).toMatchObject([{ reqId: 7, outcome: 'value', conditionTrue: true }]);
  });
});

describe('AlarmsFeature with IndexedDB (fake-indexeddb)', () => {
  it('an unacknowledged alarm and a shelf survive a new worker; the journal is bounded with a prune count', async () => {
    const a = new Harness(new IdbAlarmPersistence());
    await a.settle();
    a.send(85);
    a.send(85, 'plant/line1/temp2');
    await a.settle();

    const b = new Harness(new IdbAlarmPersistence());
    await b.settle();
    expect(b.alarms.get(instanceKey('t1', T))?.state).toBe('unacknowledged');
    b.engine.handle({ type: 'alarms/shelve', keys: [instanceKey('t1', T)], durationMs: 60_000, reason: 'test' });
    await b.settle();

    const c = new Harness(new IdbAlarmPersistence());
    await c.settle();
    expect(c.alarms.get(instanceKey('t1', T))).toMatchObject({ state: 'shelved', shelveReason: 'test' });
    c.clock.advance(61_000);
    await c.settle();
    // The Harness clock restarted at the same time, so the shelf is still 60 s long from c's start.
    expect(c.alarms.get(instanceKey('t1', T))?.state).toBe('unacknowledged');

    const db = await getDb();
    const rows = await db.getAll('journal');
    expect(rows.map((r) => r.action)).toEqual(['activate', 'shelve for 1 min', 'shelve expired']);
    // The journal view reads it through the worker.
    expect((await c.queryJournal())?.entries.map((e) => e.action)).toEqual(['shelve expired', 'shelve for 1 min', 'activate']);
  });

  it('prunes the oldest journal entries beyond the bound and reports it', async () => {
    const p = new IdbAlarmPersistence();
    await p.load();
    const entry = (i: number) => ({ at: i, kind: 'system' as const, ruleId: '', ruleName: '', priority: '' as const, connectionId: '', topic: '', value: String(i), from: '' as const, to: '' as const, action: 'x', trigger: 'system', reason: '', station: '' });
    const before = await (await getDb()).count('journal');
    let pruned = 0;
    for (let i = 0; i < 30; i++) pruned += await p.appendJournal(Array.from({ length: 10 }, (_, j) => entry(i * 10 + j)), 100);
    const rows = await (await getDb()).getAll('journal');
    expect(rows.length).toBeLessThanOrEqual(105);
    expect(pruned).toBe(before + 300 - rows.length);
    expect(rows.at(-1)!.value).toBe('299');
    const snap = await new IdbAlarmPersistence().load();
    expect(snap.journalPruned).toBeGreaterThanOrEqual(pruned);
  });
});

describe('AlarmsFeature commands', () => {
  it('fails loudly on an alarms command it does not know (the worker reports it as fatal)', async () => {
    const h = new Harness(new MemoryAlarmPersistence());
    await h.settle();
    expect(() => h.engine.handle({ type: 'alarms/silence' } as unknown as ToEngine)).toThrow('Unexpected alarms command: alarms/silence');
  });
});

describe('AlarmsFeature.onQuality (Sparkplug death and birth)', () => {
  it('sends the alarm flagged "bad quality" and one "Bad quality" diagnostic row, both gone when good again', async () => {
    const h = new Harness(new MemoryAlarmPersistence());
    await h.settle();
    h.send(85);
    await h.settle();
    h.feature.onQuality({ connectionId: 'plant', topics: [T], good: false, reason: 'Device D1 died (DDEATH)' });
    await h.settle();
    expect(h.alarms.get(instanceKey('t1', T))).toMatchObject({ state: 'unacknowledged', badQuality: 'Device D1 died (DDEATH)' });
    const diag = [...h.alarms.values()].filter((a) => a.diagnostic);
    expect(diag.map((a) => [a.name, a.priority, a.state, a.message])).toEqual([['Bad quality', 'low', 'unacknowledged', 'Bad quality: Device D1 died (DDEATH)']]);
    expect(h.parts.filter((p) => p.summary).at(-1)!.summary!.unacknowledged.low).toBe(1);
    h.engine.handle({ type: 'alarms/acknowledge', keys: [diag[0].key] });
    h.feature.onQuality({ connectionId: 'plant', topics: [T], good: true, reason: 'Device D1 born (DBIRTH)' });
    await h.settle();
    expect(h.alarms.get(instanceKey('t1', T))?.badQuality).toBeUndefined();
    expect([...h.alarms.values()].some((a) => a.diagnostic)).toBe(false);
    await h.settle(); // the journal is written in batches
    const journal = (h.persistence as MemoryAlarmPersistence).journal.map((e) => e.reason).filter((r) => /quality/i.test(r));
    expect(journal).toEqual(expect.arrayContaining(['Bad quality: Device D1 died (DDEATH)', 'Quality good: Device D1 born (DBIRTH)']));
  });
});
