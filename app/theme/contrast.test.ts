import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE, parseColour } from './contrast';

describe('contrast', () => {
  it.each([
    ['#fff', [255, 255, 255]],
    ['#1F4E8C', [31, 78, 140]],
    ['rgb(53, 58, 63)', [53, 58, 63]],
    ['rgba(0, 0, 0, 0.5)', [0, 0, 0]],
    ['transparent', null],
  ])('parses %s', (text, rgb) => expect(parseColour(text)).toEqual(rgb));

  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
  });

  it('measures colour difference', () => {
    expect(deltaE('#123456', '#123456')).toBe(0);
    expect(deltaE('#000000', '#ffffff')).toBeCloseTo(100, 0);
  });
});
