import { describe, expect, it } from 'vitest';
import { defaultLabel, formatValue } from './format';

describe('formatValue', () => {
  it.each([
    [71.234567, undefined, '°C', '71.235 °C'],
    [71.2, 1, '°C', '71.2 °C'],
    [5, 2, undefined, '5.00'],
    [1234567, undefined, undefined, '1234567'],
    [-0.0001, 2, undefined, '0.00'],
    [null, 1, 'bar', '—'],
    [undefined, undefined, undefined, '—'],
    [NaN, undefined, undefined, '—'],
  ])('%j with %j decimals and unit %j → %j', (value, decimals, unit, expected) => {
    expect(formatValue(value, decimals, unit)).toBe(expected);
  });
});

describe('defaultLabel', () => {
  it.each([
    ['plant/site1/line1/press1/temperature', 'v', 'press1/temperature'],
    ['plant/site1/line1/press1/temperature', 'a.b', 'press1/temperature a.b'],
    ['temp', '', 'temp'],
  ])('%s %s → %s', (topic, path, expected) => expect(defaultLabel(topic, path)).toBe(expected));
});
