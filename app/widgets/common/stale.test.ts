import { describe, expect, it } from 'vitest';
import { isStale, isWaiting } from './stale';

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

describe('isWaiting', () => {
  it.each([
    ['no value, just connected', undefined, 1000, 5000, 30_000, true],
    ['no value, stale time passed since connecting', undefined, 1000, 31_001, 30_000, false],
    ['no value, age check off', undefined, 1000, 1e9, 0, true],
    ['not connected', undefined, undefined, 1000, 30_000, false],
    ['a value came', latest, 1000, 2000, 30_000, false],
  ])('%s', (_name, l, connectedAt, now, after, expected) => {
    expect(isWaiting(l, connectedAt, now, after)).toBe(expected);
  });
});
