/**
 * Issue 7: big, deep and hostile payloads through the whole engine (with the real features),
 * the full-payload cache behind "Show all", and the browser's offline/online events.
 */
import { describe, expect, it } from 'vitest';
import { createAlarmsFeature } from '../alarms';
import { seriesFeature } from '../series';
import { FakeSession } from '../testing/FakeSession';
import { ManualClock } from './clock';
import { Engine } from './Engine';
import type { Delta, FromEngine, FullPayloadResult } from './protocol';

const settings = { id: 'plant', name: 'Plant broker', url: 'ws://x', protocolVersion: 5 as const, subscriptions: [{ topic: '#', qos: 0 as const }] };
const enc = (s: string) => new TextEncoder().encode(s);

class NetworkSession extends FakeSession {
  network: boolean[] = [];
  setNetwork(online: boolean): void {
    this.network.push(online);
  }
}

function setup() {
  const clock = new ManualClock();
  const out: FromEngine[] = [];
  let session!: NetworkSession;
  const engine = new Engine(clock, (m) => out.push(m), (s, l) => (session = new NetworkSession(s, l)), undefined, [seriesFeature(), createAlarmsFeature]);
  engine.handle({ type: 'connect', settings });
  engine.handle({ type: 'treeWindow', start: 0, count: 50 });
  const deltas = () => out.filter((m): m is Delta => m.type === 'delta');
  const detail = () => deltas().filter((d) => d.detail !== undefined).at(-1)?.detail;
  const full = () => out.filter((m): m is FullPayloadResult => m.type === 'fullPayload').at(-1);
  const ack = () => engine.handle({ type: 'ack', seq: deltas().at(-1)?.seq ?? 0 });
  return { clock, engine, session: () => session, deltas, detail, full, ack };
}

describe('Engine with hostile payloads', () => {
  it('keeps 256 KiB for display and the whole payload for "Show all"; a small next message forgets it', () => {
    const t = setup();
    const big = new Uint8Array(16 * 1024 * 1024).fill(0x61);
    t.session().listener.onMessage('plant/blob', big, 0, false, undefined);
    t.engine.handle({ type: 'selectTopic', connectionId: 'plant', topic: 'plant/blob' });
    t.clock.advance(300);
    const d = t.detail()!;
    expect(d.last!.size).toBe(big.length);
    expect(d.last!.payload.length).toBe(256 * 1024);
    t.engine.handle({ type: 'fullPayload', reqId: 7, id: d.id });
    expect(t.full()).toMatchObject({ reqId: 7, receivedAt: d.last!.receivedAt });
    expect(t.full()!.payload!.length).toBe(big.length);
    t.session().receive('plant/blob', 'small');
    t.engine.handle({ type: 'fullPayload', reqId: 8, id: d.id });
    expect(t.full()).toMatchObject({ reqId: 8, payload: undefined });
    expect(t.full()!.error).toMatch(/no longer kept/);
  });

  it.each([
    ['JSON nested 10 000 deep', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['JSON with 100 000 keys', JSON.stringify(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])))],
    ['prototype pollution', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"v":1}'],
    ['invalid UTF-8', new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0x00, 0x80])],
    ['script text', '<script>globalThis.__pwned=1</script><img src=x onerror="globalThis.__pwned=1">'],
  ])('%s: decoded once, counted, nothing executed or polluted', (_what, payload) => {
    const t = setup();
    const bytes = typeof payload === 'string' ? enc(payload) : payload;
    for (let i = 0; i < 3; i++) t.session().listener.onMessage(`plant/h/${i}`, bytes, 0, false, undefined);
    t.engine.handle({ type: 'selectTopic', connectionId: 'plant', topic: 'plant/h/0' });
    t.clock.advance(2000);
    expect(t.detail()!.last!.size).toBe(bytes.length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it.each([
    ['a//b', ['a', '', 'b']],
    ['/leading', ['', 'leading']],
    ['ünï/çødé/🚀', ['ünï', 'çødé', '🚀']],
    ['$SYS/broker/uptime', ['$SYS', 'broker', 'uptime']],
  ])('topic %s keeps its levels', (topic, levels) => {
    const t = setup();
    t.session().receive(topic, '1');
    t.engine.handle({ type: 'selectTopic', connectionId: 'plant', topic });
    t.clock.advance(300);
    expect(t.detail()!.topic).toBe(topic);
    expect(topic.split('/')).toEqual(levels);
  });

  it('a 60 000-character level is kept whole', () => {
    const t = setup();
    const topic = `long/${'x'.repeat(60_000)}/end`;
    t.session().receive(topic, '1');
    t.engine.handle({ type: 'selectTopic', connectionId: 'plant', topic });
    t.clock.advance(300);
    expect(t.detail()!.topic).toBe(topic);
  });
});

describe('Engine and the browser network events', () => {
  it('passes offline/online to every session, and to sessions started while offline', () => {
    const t = setup();
    t.engine.handle({ type: 'network', online: false });
    expect(t.session().network).toEqual([false]);
    t.engine.handle({ type: 'connect', settings: { ...settings, id: 'second' } });
    expect(t.session().network).toEqual([false]);
    t.engine.handle({ type: 'network', online: true });
    expect(t.session().network).toEqual([false, true]);
  });
});
