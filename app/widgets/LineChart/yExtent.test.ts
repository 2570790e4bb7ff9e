import { describe, expect, it } from 'vitest';
import { extentWithSetpoints } from './yExtent';

describe('extentWithSetpoints', () => {
  it.each([
    ['a high limit above the data', 20, 25, [80], { min: 20, max: 100 }],
    ['a low limit below the data', 20, 25, [5], { min: 0, max: 25 }],
    ['limits on both sides', 40, 60, [10, 90], { min: 0, max: 100 }],
    ['a limit inside the data: the data decides', 0, 100, [50], { min: 0, max: 100 }],
    ['no data yet: the setpoint alone', Infinity, -Infinity, [80], { min: 79.6, max: 80.4 }],
    ['small values', 0.1, 0.2, [0.3], { min: 0.1, max: 0.35 }],
  ] as const)('%s', (_, min, max, setpoints, expected) => {
    const got = extentWithSetpoints(min, max, setpoints);
    expect(got).toEqual(expected);
    for (const sp of setpoints) {
      expect(got.min).toBeLessThanOrEqual(Math.min(sp, min));
      expect(got.max).toBeGreaterThanOrEqual(Math.max(sp, max));
    }
  });

  it('has a range even with nothing to show', () => {
    expect(extentWithSetpoints(NaN, NaN, [])).toEqual({ min: 0, max: 1 });
  });
});
