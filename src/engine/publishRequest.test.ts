import { describe, expect, it } from 'vitest';
import { ReplyTracker } from '../commands';
import { DEFAULT_LIMITS, HistoryBudget, NodeRegistry, TopicTrie } from '../topics';
import { FakeSession } from '../testing/FakeSession';
import { ManualClock } from './clock';
import type { Conn } from './Connections';
import type { FromEngine, PublishRequest } from './protocol';
import { publishRequest } from './publishRequest';
import { StatsMeter } from './StatsMeter';

function conn(protocolVersion: 4 | 5, state: 'connected' | 'reconnecting' | 'disconnected'): Conn & { session: FakeSession } {
  const clock = new ManualClock();
  const settings = { id: 'c', name: 'C', url: 'ws://x', protocolVersion, subscriptions: [] };
  const session = new FakeSession(settings, { onStatus() {}, onMessage() {} });
  session.connected = state === 'connected';
  session.offlineState = state === 'connected' ? 'disconnected' : state;
  const trie = new TopicTrie(new NodeRegistry(), 'C', new HistoryBudget(1 << 20), DEFAULT_LIMITS);
  return { settings, session, trie, stats: new StatsMeter('c'), replies: new ReplyTracker(clock), status: session.status };
}

const req = (r: Partial<PublishRequest> = {}): PublishRequest => ({ reqId: 1, connectionId: 'c', topic: 'cmd', payload: new Uint8Array([1]), qos: 1, retain: false, ...r });

function run(c: Conn | undefined, r: PublishRequest) {
  const out: FromEngine[] = [];
  publishRequest(c, r, new ManualClock(), (m) => out.push(m), () => 0.5);
  return out.map((m) => (m.type === 'publishResult' ? `${m.outcome}${m.reason ? `: ${m.reason}` : ''}` : m.type));
}

describe('publishRequest', () => {
  it('reports delivered when the broker confirms, failed with its reason otherwise', () => {
    const c = conn(5, 'connected');
    const out: FromEngine[] = [];
    publishRequest(c, req(), new ManualClock(), (m) => out.push(m));
    c.session.published[0].done();
    publishRequest(c, req({ reqId: 2, qos: 0 }), new ManualClock(), (m) => out.push(m));
    c.session.published[1].done('Quota exceeded (0x97)');
    expect(out.map((m) => m.type === 'publishResult' && [m.reqId, m.outcome, m.reason])).toEqual([
      [1, 'delivered', undefined],
      [2, 'failed', 'Quota exceeded (0x97)'],
    ]);
  });

  it.each([
    ['no connection', undefined, req(), ['failed: No such connection']],
    ['disconnected', conn(5, 'disconnected'), req(), ['failed: Not connected (disconnected): connect first']],
    ['QoS 0 offline', conn(5, 'reconnecting'), req({ qos: 0 }), ['failed: Not connected to the broker (QoS 0 is not queued)']],
    ['QoS 1 offline', conn(5, 'reconnecting'), req(), ['queued']],
    ['QoS 0 offline, agreed', conn(5, 'reconnecting'), req({ qos: 0, queueWhileOffline: true }), ['queued']],
  ] as const)('%s', (_name, c, r, expected) => {
    expect(run(c, r)).toEqual(expected);
  });

  it('subscribes to the response topic and adds correlation data on MQTT 5 only', () => {
    const v5 = conn(5, 'connected');
    run(v5, req({ properties: { responseTopic: 'reply/1' } }));
    expect(v5.session.extra).toEqual(['reply/1']);
    expect(v5.session.published[0].properties?.correlationData?.length).toBeGreaterThan(0);
    const v4 = conn(4, 'connected');
    run(v4, req({ properties: { responseTopic: 'reply/1' } }));
    expect(v4.session.extra).toEqual([]);
    expect(v4.session.published[0].properties).toBeUndefined();
  });
});
