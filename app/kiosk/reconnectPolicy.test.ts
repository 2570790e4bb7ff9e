import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/mqtt';
import { connectionsToRetry, DOWN_FOR_MS } from './reconnectPolicy';

const conns = [
  { id: 'a', autoConnect: true },
  { id: 'b', autoConnect: true },
  { id: 'manual', autoConnect: false },
];

function run(states: Record<string, ConnectionState | undefined>, ticks: number[]) {
  const downSince = new Map<string, number>();
  return ticks.map((now) => connectionsToRetry(conns, (id) => states[id], downSince, now));
}

describe('connectionsToRetry', () => {
  it.each<[string, ConnectionState | undefined, string[][]]>([
    ['error (e.g. a refused login) is retried after a minute', 'error', [[], [], ['a']]],
    ['disconnected is retried after a minute', 'disconnected', [[], [], ['a']]],
    ['reconnecting is left to the engine', 'reconnecting', [[], [], []]],
    ['connected is left alone', 'connected', [[], [], []]],
    ['no status yet is left alone', undefined, [[], [], []]],
  ])('%s', (_name, state, expected) => {
    expect(run({ a: state, b: 'connected', manual: state }, [0, DOWN_FOR_MS / 2, DOWN_FOR_MS])).toEqual(expected);
  });

  it('starts counting again when the connection recovers in between', () => {
    const downSince = new Map<string, number>();
    const states: Record<string, ConnectionState> = { a: 'error', b: 'connected' };
    const tick = (now: number) => connectionsToRetry(conns, (id) => states[id], downSince, now);
    expect(tick(0)).toEqual([]);
    states.a = 'connected';
    expect(tick(30_000)).toEqual([]);
    states.a = 'error';
    expect(tick(60_000)).toEqual([]);
    expect(tick(90_000)).toEqual([]);
    expect(tick(120_000)).toEqual(['a']);
    // …and once retried, waits a full minute again before the next attempt.
    expect(tick(150_000)).toEqual([]);
    expect(tick(210_000)).toEqual(['a']);
  });

  it('forgets removed connections', () => {
    const downSince = new Map<string, number>([['gone', 0]]);
    connectionsToRetry(conns, () => 'connected', downSince, 1);
    expect([...downSince.keys()]).toEqual([]);
  });
});
