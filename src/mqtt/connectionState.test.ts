import { describe, expect, it } from 'vitest';
import { backoffDelay, describeSessionState, initialSessionState, nextSessionState, type SessionEvent } from './connectionState';

const run = (...events: SessionEvent[]) => events.reduce(nextSessionState, initialSessionState);
const url = 'ws://127.0.0.1:9001';

describe('connection state machine', () => {
  it('connects', () => {
    expect(run({ type: 'connect' }).state).toBe('connecting');
    expect(run({ type: 'connect' }, { type: 'connack', code: 0, protocolVersion: 5 }).state).toBe('connected');
  });

  it('a refused network connection retries and says why', () => {
    const s = run({ type: 'connect' }, { type: 'closed', url }, { type: 'retryScheduled', at: 5000 });
    expect(s.state).toBe('reconnecting');
    expect(s.attempt).toBe(1);
    expect(describeSessionState(s, 3000)).toBe('Reconnecting (attempt 1, next try in 2 s) — Error: Cannot reach ws://127.0.0.1:9001');
  });

  it('a lost connection reconnects without the Error prefix', () => {
    const s = run({ type: 'connect' }, { type: 'connack', code: 0, protocolVersion: 4 }, { type: 'closed', url });
    expect(describeSessionState(s, 0)).toBe('Reconnecting (attempt 1) — Connection to ws://127.0.0.1:9001 lost');
    const back = nextSessionState(nextSessionState(s, { type: 'connect' }), { type: 'connack', code: 0, protocolVersion: 4 });
    expect(back).toMatchObject({ state: 'connected', attempt: 0 });
  });

  it.each([
    [0x86, 5, 'Error: Broker refused the connection: Bad user name or password (0x86)'],
    [0x87, 5, 'Error: Broker refused the connection: Not authorized (0x87)'],
    [4, 4, 'Error: Broker refused the connection: Bad user name or password (code 4)'],
    [5, 4, 'Error: Broker refused the connection: Not authorized (code 5)'],
  ] as const)('CONNACK %i (v%i) is an error that stays', (code, protocolVersion, text) => {
    const s = run({ type: 'connect' }, { type: 'connack', code, protocolVersion }, { type: 'closed', url });
    expect(s.state).toBe('error');
    expect(s.retryBlocked).toBe(true);
    expect(describeSessionState(s, 0)).toBe(text);
  });

  it('a server busy refusal may retry', () => {
    const s = run({ type: 'connect' }, { type: 'connack', code: 0x89, protocolVersion: 5 }, { type: 'closed', url });
    expect(s.state).toBe('reconnecting');
  });

  it('the user ending the session wins over a late close', () => {
    const s = run({ type: 'connect' }, { type: 'connack', code: 0, protocolVersion: 5 }, { type: 'end' }, { type: 'closed', url });
    expect(s.state).toBe('disconnected');
  });
});

describe('backoffDelay', () => {
  it('doubles to a cap, with jitter in [0.5, 1]', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((a) => backoffDelay(a, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffDelay(3, () => 0)).toBe(2000);
  });
});

describe('browser offline/online', () => {
  it('says the network is gone while retrying, and forgets it when online', () => {
    const connected = run({ type: 'connect' }, { type: 'connack', code: 0, protocolVersion: 5 });
    const offline = [{ type: 'network', online: false }, { type: 'closed', url }, { type: 'retryScheduled', at: 2000 }] as SessionEvent[];
    const s = offline.reduce(nextSessionState, connected);
    expect(s.state).toBe('reconnecting');
    expect(describeSessionState(s, 0)).toBe('Reconnecting (attempt 1, next try in 2 s) — No network: the browser is offline');
    const online = nextSessionState(s, { type: 'network', online: true });
    expect(describeSessionState(online, 0)).toBe('Reconnecting (attempt 1, next try in 2 s) — Connection to ws://127.0.0.1:9001 lost');
    expect(nextSessionState(online, { type: 'connack', code: 0, protocolVersion: 5 }).state).toBe('connected');
  });

  it('a session started while offline remembers it across end()', () => {
    const s = run({ type: 'network', online: false }, { type: 'end' });
    expect(s.offline).toBe(true);
  });
});
