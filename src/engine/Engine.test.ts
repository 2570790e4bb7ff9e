import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSession } from '../testing/FakeSession';
import { ManualClock } from './clock';
import { Engine } from './Engine';
import type { Delta, FromEngine, PublishResult } from './protocol';

const settings = { id: 'plant', name: 'Plant broker', url: 'ws://x', protocolVersion: 5 as const, subscriptions: [{ topic: '#', qos: 0 as const }] };
const enc = (s: string) => new TextEncoder().encode(s);

describe('Engine', () => {
  let clock: ManualClock;
  let out: FromEngine[];
  let session: FakeSession;
  let engine: Engine;
  const deltas = () => out.filter((m): m is Delta => m.type === 'delta');
  const results = () => out.filter((m): m is PublishResult => m.type === 'publishResult');
  const lastTree = () => deltas().filter((d) => d.tree).at(-1)!.tree!;
  const ackAll = () => engine.handle({ type: 'ack', seq: deltas().at(-1)!.seq });

  beforeEach(() => {
    clock = new ManualClock();
    out = [];
    engine = new Engine(clock, (m) => out.push(m), (s, l) => (session = new FakeSession(s, l)));
    engine.handle({ type: 'connect', settings });
    engine.handle({ type: 'treeWindow', start: 0, count: 50 });
  });

  it('batches many messages into one delta per frame', () => {
    for (let i = 0; i < 1000; i++) session.receive(`plant/line${i % 3}/temp`, `{"v":${i}}`);
    clock.advance(20);
    expect(deltas()).toHaveLength(1);
    const tree = lastTree();
    expect(tree.rows.map((r) => r.name)).toEqual(['Plant broker', 'plant']);
    expect(tree.rows[1].count).toBe(1000);
  });

  it('merges while the UI has not acked, and sends again after the ack', () => {
    session.receive('a', '1');
    clock.advance(20);
    expect(deltas()).toHaveLength(1);
    session.receive('b', '2');
    clock.advance(100);
    expect(deltas()).toHaveLength(1);
    ackAll();
    clock.advance(250);
    expect(deltas()).toHaveLength(2);
    expect(lastTree().rows.map((r) => r.name)).toEqual(['Plant broker', 'a', 'b']);
  });

  it('sends new topics with the values, at most 4 times a second, but a user action in the next frame', () => {
    session.receive('a', '1');
    clock.advance(20);
    ackAll();
    const sent = deltas().length;
    // A flood of new topics: no tree snapshot per frame.
    for (let i = 0; i < 10; i++) {
      session.receive(`n${i}`, '1');
      clock.advance(20);
      ackAll();
    }
    const trees = deltas().slice(sent).filter((d) => d.tree);
    expect(trees.length).toBeLessThanOrEqual(1);
    clock.advance(250);
    ackAll();
    expect(lastTree().rows.map((r) => r.name)).toContain('n9');
    // Collapsing the connection is the user's own action: next frame.
    const before = deltas().length;
    engine.handle({ type: 'treeExpand', id: lastTree().rows[0].id, expanded: false });
    clock.advance(20);
    expect(deltas().length).toBe(before + 1);
    expect(lastTree().rows.map((r) => r.name)).toEqual(['Plant broker']);
  });

  it('still sends after the ack timeout (hidden tab)', () => {
    session.receive('a', '1');
    clock.advance(20);
    session.receive('b', '1');
    clock.advance(1100);
    expect(deltas().length).toBe(2);
  });

  it('sends the selected topic detail with history', () => {
    session.receive('plant/t', '{"v":1}', { retain: true, qos: 1 });
    session.receive('plant/t', '{"v":2}', { properties: { userProperties: { unit: 'C' } } });
    clock.advance(20);
    ackAll();
    engine.handle({ type: 'treeExpand', id: lastTree().rows[1].id, expanded: true });
    clock.advance(20);
    ackAll();
    engine.handle({ type: 'select', id: lastTree().rows[2].id });
    clock.advance(20);
    const detail = deltas().at(-1)!.detail!;
    expect(detail.topic).toBe('plant/t');
    expect(detail.history).toHaveLength(2);
    expect(new TextDecoder().decode(detail.last!.payload)).toBe('{"v":2}');
    expect(detail.last!.properties?.userProperties).toEqual({ unit: 'C' });
    expect(detail.history[0].retain).toBe(true);
  });

  it('reports publish outcomes', () => {
    engine.handle({ type: 'publish', request: { reqId: 1, connectionId: 'plant', topic: 'cmd', payload: enc('x'), qos: 0, retain: false } });
    engine.handle({ type: 'publish', request: { reqId: 2, connectionId: 'plant', topic: 'cmd', payload: enc('x'), qos: 1, retain: false } });
    session.published[0].done();
    session.published[1].done('Not authorized (0x87)');
    expect(results().map((r) => [r.reqId, r.outcome, r.reason])).toEqual([[1, 'sent', undefined], [2, 'failed', 'Not authorized (0x87)']]);
  });

  it('refuses QoS 0 while reconnecting but queues QoS 1, and QoS 0 when the user agreed', () => {
    session.connected = false;
    session.offlineState = 'reconnecting';
    engine.handle({ type: 'publish', request: { reqId: 1, connectionId: 'plant', topic: 'cmd', payload: enc('x'), qos: 0, retain: false } });
    engine.handle({ type: 'publish', request: { reqId: 2, connectionId: 'plant', topic: 'cmd', payload: enc('x'), qos: 1, retain: false } });
    engine.handle({ type: 'publish', request: { reqId: 3, connectionId: 'plant', topic: 'cmd', payload: enc('x'), qos: 0, retain: false, queueWhileOffline: true } });
    expect(results().map((r) => r.outcome)).toEqual(['failed', 'queued', 'queued']);
    expect(session.published.map((p) => p.queueWhileOffline)).toEqual([undefined, true]);
  });

  it('refuses every QoS after Disconnect: nothing would send it later', () => {
    session.connected = false;
    engine.handle({ type: 'publish', request: { reqId: 1, connectionId: 'plant', topic: 'cmd', payload: enc('x'), qos: 1, retain: false } });
    expect(results().map((r) => [r.outcome, r.reason])).toEqual([['failed', 'Not connected (disconnected): connect first']]);
    expect(session.published).toHaveLength(0);
  });

  it('starts the reply timeout of a queued request when it is delivered', () => {
    session.connected = false;
    session.offlineState = 'reconnecting';
    engine.handle({ type: 'publish', request: { reqId: 5, connectionId: 'plant', topic: 'cmd/a', payload: enc('{}'), qos: 1, retain: false, properties: { responseTopic: 'resp/me' }, responseTimeoutMs: 1000 } });
    clock.advance(5000);
    expect(results().map((r) => r.outcome)).toEqual(['queued']);
    session.published[0].done();
    clock.advance(300);
    session.receive('resp/me', 'ok', { properties: { correlationData: session.published[0].properties!.correlationData } });
    expect(results().map((r) => r.outcome)).toEqual(['queued', 'delivered', 'reply']);
    expect(results()[2].reply!.rttMs).toBe(300);
  });

  it('sends no properties and expects no reply on MQTT 3.1.1', () => {
    engine.handle({ type: 'connect', settings: { ...settings, protocolVersion: 4 } });
    engine.handle({ type: 'publish', request: { reqId: 9, connectionId: 'plant', topic: 'cmd/a', payload: enc('{}'), qos: 1, retain: false, properties: { responseTopic: 'resp/me' } } });
    expect(session.published[0].properties).toBeUndefined();
    expect(session.extra).toEqual([]);
  });

  it('matches a reply by correlation data, or times out', () => {
    engine.handle({ type: 'publish', request: { reqId: 7, connectionId: 'plant', topic: 'cmd/a', payload: enc('{}'), qos: 1, retain: false, properties: { responseTopic: 'resp/me', correlationData: enc('abc') } } });
    expect(session.extra).toEqual(['resp/me']);
    clock.advance(120);
    session.receive('resp/me', '{"ok":true}', { properties: { correlationData: enc('abc') } });
    const reply = results().find((r) => r.outcome === 'reply')!;
    expect(reply.reply!.rttMs).toBe(120);
    engine.handle({ type: 'publish', request: { reqId: 8, connectionId: 'plant', topic: 'cmd/a', payload: enc('{}'), qos: 1, retain: false, properties: { responseTopic: 'resp/me' }, responseTimeoutMs: 2000 } });
    clock.advance(2100);
    expect(results().find((r) => r.reqId === 8)!.reason).toMatch(/timed out/);
  });

  it('reports stats once a second', () => {
    for (let i = 0; i < 50; i++) session.receive('hot', '{"v":1}');
    clock.advance(1000);
    ackAll();
    clock.advance(20);
    const stats = deltas().find((d) => d.stats)!.stats![0];
    expect(stats.msgsInPerSec).toBe(50);
    expect(stats.busiest[0].topic).toBe('hot');
    expect(stats.filters).toEqual([{ filter: '#', msgsPerSec: 50, bytesPerSec: stats.bytesInPerSec }]);
  });

  it('tells features about every connection status', () => {
    const seen: string[] = [];
    const withFeature = new Engine(clock, () => {}, (s, l) => (session = new FakeSession(s, l)), undefined, [
      () => ({ key: 'noop', handle: () => true, onMessage() {}, onConnectionStatus: (st) => void seen.push(`${st.id} ${st.state}`), flush: () => undefined }),
    ]);
    withFeature.handle({ type: 'connect', settings });
    session.end();
    expect(seen).toEqual(['plant connected', 'plant disconnected']);
  });

  it('routes feature commands by prefix and refuses an unknown command', () => {
    expect(() => engine.handle({ type: 'noop/feature' })).not.toThrow();
    expect(() => engine.handle({ type: 'series/unwatch', id: 'x' })).not.toThrow();
    expect(() => engine.handle({ type: 'bogus' } as never)).toThrow('Unexpected command: bogus');
  });
});
