import { describe, expect, it } from 'vitest';
import { suggestRange } from './suggestRange';

describe('suggestRange', () => {
  it.each([
    ['{"v":0.35,"unit":"bar"}', 'v', { min: 0, max: 0.5, unit: 'bar' }],
    ['{"v":21.5,"unit":"°C"}', 'v', { min: 0, max: 30, unit: '°C' }],
    ['{"v":85}', 'v', { min: 0, max: 150 }],
    ['{"m":{"p":-4,"unit":"kPa"}}', 'm.p', { min: -5, max: 5, unit: 'kPa' }],
    ['1200', '', { min: 0, max: 1500 }],
    ['{"v":"RUN","unit":"x"}', 'v', { unit: 'x' }],
    ['not json', 'v', {}],
  ])('%s at %s', (text, path, expected) => {
    expect(suggestRange(text, path)).toEqual(expected);
  });

  it('is empty without a payload', () => expect(suggestRange(undefined, 'v')).toEqual({}));
});
