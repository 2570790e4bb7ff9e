import { describe, expect, it } from 'vitest';
import { graticule, graticuleStep } from './graticule';

describe('graticule', () => {
  it.each([
    ['a city', [48.1, 16.2, 48.3, 16.5], 0.05],
    ['a country', [46, 9, 49, 17], 2],
    ['the world', [-85, -180, 85, 180], 30],
  ] as const)('picks a round step for %s', (_n, b, step) => expect(graticuleStep(b)).toBe(step));

  it('covers the bounds with a step of margin, lines at round values', () => {
    const lines = graticule([48.1, 16.2, 48.3, 16.5]);
    const lats = lines.filter((l) => l.kind === 'lat').map((l) => l.value);
    const lons = lines.filter((l) => l.kind === 'lon').map((l) => l.value);
    expect(lats[0]).toBeLessThan(48.1);
    expect(lats.at(-1)).toBeGreaterThan(48.3);
    expect(lons[0]).toBeLessThan(16.2);
    expect(lons.at(-1)).toBeGreaterThan(16.5);
    for (const v of [...lats, ...lons]) expect(Math.abs(v / 0.05 - Math.round(v / 0.05))).toBeLessThan(1e-9);
  });

  it('stays within the world at the edges', () => {
    const lines = graticule([-85, -180, 85, 180]);
    expect(Math.min(...lines.map((l) => l.value))).toBeGreaterThanOrEqual(-180);
    expect(lines.length).toBeLessThan(30);
  });
});
