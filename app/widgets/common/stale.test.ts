import { describe, expect, it } from 'vitest';
import { isStale } from './stale';

const latest = { key: 'k', value: 1, t: 1000, at: 1000 };

describe('isStale', () => {
  it.each([
    ['fresh', latest, true, 2000, 30_000, false],
    ['too old', latest, true, 40_000, 30_000, true],
    ['connection down', latest, false, 1000, 30_000, true],
    ['no value yet', undefined, true, 1000, 30_000, true],
    ['restored after reload', { ...latest, restored: true }, true, 1000, 30_000, true],
    ['age check off', latest, true, 1e9, 0, false],
  ])('%s', (_name, l, connected, now, after, expected) => {
    expect(isStale(l, connected, now, after)).toBe(expected);
  });
});
