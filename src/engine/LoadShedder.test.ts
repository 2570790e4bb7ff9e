import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSession } from '../testing/FakeSession';
import { ManualClock } from './clock';
import { DataAge } from './DataAge';
import { Engine } from './Engine';
import { LoadShedder, RECOVER_AFTER_MS } from './LoadShedder';
import type { Delta, EngineHealth, FromEngine, TopicDetail } from './protocol';

describe('LoadShedder', () => {
  it.each([
    ['loop lag', (s: LoadShedder, t: number) => s.update(t, 600, null)],
    ['data age growing', (s: LoadShedder, t: number) => s.update(t, 0, 5000)],
  ])('escalates after 2 s behind (%s), one level per 2 s, and recovers after 10 s', (_name, behind) => {
    const s = new LoadShedder();
    expect(s.update(0, 0, 20)).toBe(0);
    expect(behind(s, 1000)).toBe(0);
    expect(behind(s, 2000)).toBe(0);
    expect(behind(s, 3000)).toBe(1);
    expect(s.state(10)).toMatchObject({ mode: 'busiest', since: 3000, topics: 10 });
    expect(behind(s, 4000)).toBe(1);
    expect(behind(s, 5000)).toBe(2);
    expect(s.mode).toBe('all');
    let t = 5000;
    for (; t < 5000 + RECOVER_AFTER_MS; t += 1000) expect(s.update(t + 1000, 0, 20)).toBe(t + 1000 - 6000 >= RECOVER_AFTER_MS ? 1 : 2);
    for (let k = 0; k < 11; k++) s.update((t += 1000), 0, 20);
    expect(s.mode).toBeNull();
    expect(s.state(5)).toBeNull();
  });

  it('does not shed for a device clock that is merely off: age is judged against its usual offset', () => {
    const s = new LoadShedder();
    for (let t = 0; t < 30_000; t += 1000) expect(s.update(t, 0, 7200)).toBe(0);
    // …but a growing delay on top of that offset is shedding.
    s.update(30_000, 0, 9000);
    s.update(31_000, 0, 9500);
    expect(s.update(32_000, 0, 9800)).toBe(1);
  });

  it('reports the 95th percentile of data age over a second', () => {
    const a = new DataAge();
    for (let i = 1; i <= 100; i++) a.add(i);
    expect(a.roll()).toEqual({ p50: 51, p95: 95 });
    expect(a.roll()).toEqual({ p50: null, p95: null });
  });
});

describe('Engine load shedding', () => {
  const settings = { id: 'plant', name: 'Plant', url: 'ws://x', protocolVersion: 5 as const, subscriptions: [{ topic: '#', qos: 0 as const }] };
  let clock: ManualClock;
  let out: FromEngine[];
  let session: FakeSession;
  let engine: Engine;
  const deltas = () => out.filter((m): m is Delta => m.type === 'delta');
  const ack = () => engine.handle({ type: 'ack', seq: deltas().at(-1)?.seq ?? 0 });
  /** The health the last tick computed (its delta goes out a frame later). */
  const health = (): EngineHealth => {
    ack();
    clock.advance(50);
    return deltas().filter((d) => d.health).at(-1)!.health!;
  };
  const detail = (): TopicDetail => deltas().filter((d) => d.detail).at(-1)!.detail!;
  /** One second of traffic: a hot topic 50×, a quiet one once; payload times `lateMs` old. */
  const second = (lateMs: number) => {
    for (let i = 0; i < 50; i++) session.receive('plant/hot', `{"v":${i},"ts":${clock.now() - lateMs}}`);
    session.receive('plant/quiet', `{"v":1,"ts":${clock.now() - lateMs}}`);
    clock.advance(1000);
    ack();
  };

  beforeEach(() => {
    clock = new ManualClock();
    out = [];
    engine = new Engine(clock, (m) => out.push(m), (s, l) => (session = new FakeSession(s, l)));
    engine.handle({ type: 'connect', settings });
    engine.handle({ type: 'selectTopic', connectionId: 'plant', topic: 'plant/hot' });
  });

  it('stops keeping history for the busiest topics when data falls behind, says so, and recovers', () => {
    for (let s = 0; s < 3; s++) second(10);
    expect(health().shedding).toBeNull();
    expect(health().dataAgeP95Ms).toBe(10);
    engine.handle({ type: 'selectTopic', connectionId: 'plant', topic: 'plant/hot' });
    second(10);
    expect(detail().history.length).toBe(20);

    // The engine falls behind: every second the data is 1.5 s older.
    for (let s = 1; s <= 3; s++) second(10 + s * 1500);
    expect(health().shedding).toMatchObject({ mode: 'busiest', topics: 2 });
    expect(health().shedding!.reason).toMatch(/older than usual/);
    second(10 + 4 * 1500);
    // The hot topic keeps only its last message; history for the others is untouched until level 2.
    engine.handle({ type: 'selectTopic', connectionId: 'plant', topic: 'plant/hot' });
    clock.advance(300);
    expect(detail().history).toHaveLength(1);
    expect(health().loopLagMs).toBe(0);

    // Caught up again: after 10 s of keeping up, history is kept again.
    for (let s = 0; s < 8; s++) second(10);
    expect(health().shedding).not.toBeNull();
    for (let s = 0; s < 4; s++) second(10);
    expect(health().shedding).toBeNull();
    engine.handle({ type: 'selectTopic', connectionId: 'plant', topic: 'plant/hot' });
    second(10);
    expect(detail().history.length).toBe(20);
  });

  it('stops keeping history for every topic when shedding the busiest is not enough', () => {
    for (let s = 0; s < 3; s++) second(10);
    for (let s = 1; s <= 5; s++) second(10 + s * 1500);
    expect(health().shedding).toMatchObject({ mode: 'all', topics: 2 });
    engine.handle({ type: 'selectTopic', connectionId: 'plant', topic: 'plant/quiet' });
    second(10 + 6 * 1500);
    expect(detail().topic).toBe('plant/quiet');
    expect(detail().history).toHaveLength(1);
  });
});
