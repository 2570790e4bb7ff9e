import { describe, expect, it } from 'vitest';
import { LevelNames } from './LevelNames';
import { fromSmall, toSmall } from './smallTime';

describe('smallTime', () => {
  it('gives back every time exactly, near the first one seen and years away', () => {
    const first = 1_764_892_800_000;
    toSmall(first);
    for (const t of [first, first + 1, first - 1, first + 2 ** 30, first + 3e10, first - 3e10, 0, 8.64e15]) {
      expect(fromSmall(toSmall(t))).toBe(t);
    }
    // Within 12 days the stored form is a small integer (what keeps V8 from boxing it).
    expect(Number.isSafeInteger(toSmall(first + 86_400_000)) && Math.abs(toSmall(first + 86_400_000)) < 2 ** 30).toBe(true);
  });
});

describe('LevelNames', () => {
  it('gives the same name back, and stops remembering new names at its cap', () => {
    const names = new LevelNames();
    expect(names.intern('temp')).toBe('temp');
    expect(names.intern(['te', 'mp'].join(''))).toBe('temp');
    expect(names.size).toBe(1);
    for (let i = 0; i < 70_000; i++) names.intern(`dev-${i}`);
    expect(names.size).toBe(65_536);
    expect(names.intern('dev-69999')).toBe('dev-69999');
  });
});
