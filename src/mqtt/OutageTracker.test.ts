import { describe, expect, it } from 'vitest';
import { OutageTracker } from './OutageTracker';
import type { ConnectionStatus } from './types';

const st = (state: ConnectionStatus['state'], reason?: string): ConnectionStatus => ({ id: 'plant', state, reason, clientId: 'c', protocolVersion: 5, subscriptions: [] });

describe('OutageTracker', () => {
  it('one "lost" when a connected session drops, one "restored" with the downtime when it is back', () => {
    const t = new OutageTracker();
    expect(t.observe(st('connecting'), 0)).toBeUndefined();
    expect(t.observe(st('connected'), 1000)).toBeUndefined();
    expect(t.observe(st('reconnecting', 'Reconnecting (attempt 1) — Connection to ws://b lost'), 5000)).toEqual({
      kind: 'lost', connectionId: 'plant', at: 5000, reason: 'Connection to ws://b lost', cause: 'Connection to ws://b lost',
    });
    // Retries while down add nothing.
    expect(t.observe(st('reconnecting', 'Reconnecting (attempt 2, next try in 2 s) — …'), 6000)).toBeUndefined();
    expect(t.observe(st('reconnecting'), 8000)).toBeUndefined();
    expect(t.observe(st('connected'), 77_000)).toEqual({ kind: 'restored', connectionId: 'plant', at: 77_000, downMs: 72_000, reason: 'down for 1 min 12 s' });
    expect(t.observe(st('connected'), 78_000)).toBeUndefined();
  });

  it('a refused login after a drop stays lost; the operator disconnecting is not an outage', () => {
    const t = new OutageTracker();
    t.observe(st('connected'), 0);
    expect(t.observe(st('error', 'Error: Broker refused the connection: Not authorized (0x87)'), 10)?.kind).toBe('lost');
    expect(t.observe(st('disconnected'), 20)).toBeUndefined();
    expect(t.observe(st('connected'), 30)).toBeUndefined();
    expect(t.observe(st('disconnected'), 40)).toBeUndefined();
  });

  it('never connected: failing to connect is not an outage', () => {
    const t = new OutageTracker();
    expect(t.observe(st('connecting'), 0)).toBeUndefined();
    expect(t.observe(st('reconnecting'), 10)).toBeUndefined();
    expect(t.observe(st('connected'), 20)).toBeUndefined();
  });
});
