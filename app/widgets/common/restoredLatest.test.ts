import { describe, expect, it } from 'vitest';
import { pickLatest, storable } from './restoredLatest';

const saved = { value: null, text: 'FAULT', t: 100, at: 100 };

describe('pickLatest', () => {
  it('shows the stored value, marked restored, until a live one comes', () => {
    expect(pickLatest('k', undefined, saved)).toEqual({ key: 'k', value: null, text: 'FAULT', t: 100, at: 100, restored: true });
    const live = { key: 'k', value: null, text: 'RUNNING', t: 50, at: 200 };
    expect(pickLatest('k', live, saved)).toBe(live);
    expect(pickLatest('k', undefined, undefined)).toBeUndefined();
  });

  it('takes the newer of the worker’s restored value and the stored one', () => {
    const older = { key: 'k', value: 3, t: 90, at: 90, restored: true };
    const newer = { key: 'k', value: 4, t: 110, at: 110, restored: true };
    expect(pickLatest('k', older, saved)).toMatchObject({ text: 'FAULT', restored: true });
    expect(pickLatest('k', newer, saved)).toBe(newer);
  });
});

describe('storable', () => {
  it('keeps live values only', () => {
    expect(storable({ key: 'k', value: 1, t: 1, at: 2 })).toEqual({ value: 1, t: 1, at: 2 });
    expect(storable({ key: 'k', value: 1, t: 1, at: 2, restored: true })).toBeUndefined();
    expect(storable(undefined)).toBeUndefined();
  });
});
