import { describe, expect, it } from 'vitest';
import { ReplyTracker } from '../commands';
import { DEFAULT_LIMITS, HistoryBudget, NodeRegistry, TopicTrie } from '../topics';
import { FakeSession } from '../testing/FakeSession';
import { makeMessage } from '../testing/makeMessage';
import { ManualClock } from './clock';
import type { Conn } from './Connections';
import { HealthMonitor, TICK_MS } from './HealthMonitor';
import { StatsMeter } from './StatsMeter';

describe('HealthMonitor', () => {
  it('rolls traffic per connection and reports loop lag, data age and truncation', () => {
    const clock = new ManualClock();
    const registry = new NodeRegistry();
    const budget = new HistoryBudget(1 << 20);
    const settings = { id: 'c', name: 'C', url: 'ws://x', protocolVersion: 5 as const, subscriptions: [] };
    const trie = new TopicTrie(registry, 'C', budget, DEFAULT_LIMITS);
    const conn: Conn = { settings, session: new FakeSession(settings, { onStatus() {}, onMessage() {} }), trie, stats: new StatsMeter('c'), replies: new ReplyTracker(clock), status: { id: 'c', state: 'connected', clientId: '', protocolVersion: 5, subscriptions: [] } };
    const monitor = new HealthMonitor(clock.now(), registry, budget);
    const node = trie.insert('a/b', makeMessage('1'))!.node;
    conn.stats.countIn(node.id, 10, 'a/b');
    monitor.onMessage(true, 40);
    monitor.onMessage(false, undefined);
    const { stats, health } = monitor.roll(clock.now() + TICK_MS + 300, [conn]);
    expect(stats[0]).toMatchObject({ connectionId: 'c', topics: 1, busiest: [{ topic: 'a/b' }] });
    expect(health).toMatchObject({ loopLagMs: 300, dataAgeMs: 40, truncatedPayloads: 1, shedding: null, droppedTopics: 0 });
  });
});
