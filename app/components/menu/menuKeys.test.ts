import { describe, expect, it } from 'vitest';
import { menuFocusTarget, typeAheadTarget } from './menuKeys';

describe('menuFocusTarget', () => {
  it.each([
    ['ArrowDown', 0, 3, 1],
    ['ArrowDown', 2, 3, 0],
    ['ArrowDown', -1, 3, 0],
    ['ArrowUp', 0, 3, 2],
    ['ArrowUp', -1, 3, 2],
    ['ArrowUp', 2, 3, 1],
    ['Home', 2, 3, 0],
    ['End', 0, 3, 2],
    ['a', 0, 3, null],
    ['ArrowDown', -1, 0, null],
  ])('%s from %i of %i → %s', (key, current, count, expected) => {
    expect(menuFocusTarget(key, current, count)).toBe(expected);
  });
});

describe('typeAheadTarget', () => {
  const labels = ['Export configuration', 'Include passwords', 'Import configuration', 'Kiosk mode'];
  it('finds the next item starting with the character, wrapping', () => {
    expect(typeAheadTarget('i', 0, labels)).toBe(1);
    expect(typeAheadTarget('I', 1, labels)).toBe(2);
    expect(typeAheadTarget('i', 2, labels)).toBe(1);
    expect(typeAheadTarget('k', -1, labels)).toBe(3);
  });
  it('ignores keys that are not one printable character', () => {
    expect(typeAheadTarget('Enter', 0, labels)).toBeNull();
    expect(typeAheadTarget(' ', 0, labels)).toBeNull();
    expect(typeAheadTarget('z', 0, labels)).toBeNull();
  });
});
