import { describe, expect, it } from 'vitest';
import { parseTheme, themeColorFor, THEMES } from './themes';

describe('parseTheme', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    ['Dark', null],
    ['', null],
    [undefined, null],
    [42, null],
    ['constructor', null],
  ])('%j → %j', (input, expected) => {
    expect(parseTheme(input)).toBe(expected);
  });
});

describe('themeColorFor', () => {
  it('matches the light theme to the manifest and index.html colour', () => {
    expect(themeColorFor('light')).toBe('#3a3f44');
  });
  it('has a colour for every theme', () => {
    for (const t of THEMES) expect(themeColorFor(t.id)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
