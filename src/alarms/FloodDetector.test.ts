import { describe, expect, it } from 'vitest';
import { FloodDetector } from './FloodDetector';

describe('FloodDetector', () => {
  it('counts every annunciation in the window, however many (a storm of 5 000 is not "1000")', () => {
    const f = new FloodDetector();
    for (let i = 0; i < 5000; i++) f.record(1_000_000 + Math.floor(i / 5));
    expect(f.count).toBe(5000);
    expect(f.flood).toBe(true);
  });

  it('ages annunciations out of the 10 min window, never early, and ends the flood below 5', () => {
    const f = new FloodDetector();
    const t0 = 1_000_000;
    for (let i = 0; i < 12; i++) f.record(t0 + i * 100);
    for (let i = 0; i < 3; i++) f.record(t0 + 300_000 + i);
    f.tick(t0 + 600_000);
    expect(f.count).toBe(15);
    expect(f.tick(t0 + 601_200)).toBe('end');
    expect(f.count).toBe(3);
    f.tick(t0 + 900_003);
    expect(f.count).toBe(0);
  });
});
