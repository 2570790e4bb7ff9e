import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, HistoryBudget, NodeRegistry } from '../topics';
import { FakeSession } from '../testing/FakeSession';
import { makeMessage } from '../testing/makeMessage';
import { ManualClock } from './clock';
import { Connections } from './Connections';

const settings = (subs = ['#']) => ({ id: 'c', name: 'C', url: 'ws://x', protocolVersion: 5 as const, subscriptions: subs.map((topic) => ({ topic, qos: 0 as const })) });

function setup() {
  const sessions: FakeSession[] = [];
  const events: string[] = [];
  const conns = new Connections(
    { clock: new ManualClock(), registry: new NodeRegistry(), budget: new HistoryBudget(1 << 20), limits: DEFAULT_LIMITS, makeSession: (s, l) => sessions[sessions.push(new FakeSession(s, l)) - 1] },
    {
      onStatus: (_c, st) => events.push(`status ${st.state}`),
      onMessage: (_c, topic) => events.push(`message ${topic}`),
      onStale: () => events.push('stale'),
    },
  );
  return { conns, sessions, events };
}

describe('Connections', () => {
  it('starts a session and passes its events on', () => {
    const { conns, sessions, events } = setup();
    conns.connect(settings());
    sessions[0].receive('a/b', '1');
    expect(events).toEqual(['status connected', 'message a/b']);
    expect(conns.statuses().map((s) => s.state)).toEqual(['connected']);
  });

  it('keeps the tree and the meter across a reconnect with new settings', () => {
    const { conns, sessions } = setup();
    const first = conns.connect(settings());
    first.trie.insert('a', makeMessage('1'));
    const second = conns.connect(settings(['a/#']));
    expect(sessions[0].connected).toBe(false);
    expect(second.trie).toBe(first.trie);
    expect(second.stats).toBe(first.stats);
    expect(conns.ownerOf(second.trie.find('a')!)).toBe(second);
  });

  it('tells sessions opened later that the browser is offline', () => {
    const { conns, sessions } = setup();
    conns.setNetwork(false);
    conns.connect(settings());
    conns.setNetwork(true);
    expect(sessions[0].network).toEqual([false, true]);
  });

  it('ends and forgets a removed connection', () => {
    const { conns, sessions } = setup();
    conns.connect(settings());
    expect(conns.remove('c')).toBeDefined();
    expect(sessions[0].connected).toBe(false);
    expect(conns.get('c')).toBeUndefined();
    expect(conns.remove('c')).toBeUndefined();
  });

  it('does not count a filter the broker refused', () => {
    const { conns, sessions } = setup();
    const conn = conns.connect(settings(['a/#', 'b/#']));
    conn.stats.countIn(-1, 1, 'a/x');
    expect(conn.stats.roll(1000, 0, () => '').filters?.map((f) => f.filter)).toEqual(['a/#', 'b/#']);
    sessions[0].listener.onStatus({ ...sessions[0].status, subscriptions: [{ topic: 'a/#', qos: 0, granted: 0 }, { topic: 'b/#', qos: 0, error: 'Not authorized (0x87)' }] });
    expect(conn.stats.roll(1000, 0, () => '').filters?.map((f) => f.filter)).toEqual(['a/#']);
  });
});
