import { describe, expect, it } from 'vitest';
import { isStale } from './stale';

const latest = (at: number) => ({ key: 'k', value: 1, t: at, at });

describe('isStale after a reconnect (ConnectionStatus.staleBefore)', () => {
  it('a value from before the session was re-established is stale until a new one arrives', () => {
    expect(isStale(latest(1000), true, 2000, 0, 1500)).toBe(true);
    expect(isStale(latest(1600), true, 2000, 0, 1500)).toBe(false);
    expect(isStale(latest(1000), true, 2000, 0, undefined)).toBe(false);
  });
});
