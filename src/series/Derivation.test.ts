import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Derivation, MEMBER_TTL_MS, type DerivationSpec } from './Derivation';

let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** Feeds [source, t, value] readings; returns the points as [t, v] (null when no point). */
function run(spec: DerivationSpec, readings: [string, number, number][]): ([number, number] | string)[] {
  const d = new Derivation(spec);
  return readings.map(([src, t, v]) => {
    const r = d.feed(src, t, v, t);
    return r === 'point' ? [d.t, d.v] : r;
  });
}

const H = 3_600_000;
const T0 = Date.parse('2026-06-10T08:00:00Z'); // 10:00 in Berlin, an hour boundary

describe('Derivation: rate', () => {
  it('per second between consecutive points; the first gives none', () => {
    expect(run({ transform: 'rate' }, [['m', T0, 100], ['m', T0 + 10_000, 150], ['m', T0 + 20_000, 150]])).toEqual([
      'none',
      [T0 + 10_000, 5],
      [T0 + 20_000, 0],
    ]);
  });

  it('a reset counts the new value as the increase since the reset, a 2^32 wrap the rest up to it', () => {
    expect(run({ transform: 'rate' }, [['m', T0, 1000], ['m', T0 + 1000, 4], ['m', T0 + 2000, 2 ** 32 - 1], ['m', T0 + 3000, 1]])).toEqual([
      'none',
      [T0 + 1000, 4],
      [T0 + 2000, 2 ** 32 - 5],
      [T0 + 3000, 2],
    ]);
  });

  it('an older reading is late, not a negative rate', () => {
    expect(run({ transform: 'rate' }, [['m', T0, 1], ['m', T0 + 2000, 3], ['m', T0 + 1000, 2]])[2]).toBe('late');
  });
});

describe('Derivation: increase per interval', () => {
  it('sums growth per hour at bucket start; the current bucket updates live', () => {
    expect(
      run({ transform: 'increase', interval: '1h' }, [
        ['m', T0 + 60_000, 100],
        ['m', T0 + 30 * 60_000, 110],
        ['m', T0 + 50 * 60_000, 125],
        ['m', T0 + H + 60_000, 130],
      ]),
    ).toEqual([
      [T0, 0],
      [T0, 10],
      [T0, 25],
      [T0 + H, 5],
    ]);
  });

  it('a reset inside a bucket keeps what was counted before it', () => {
    expect(run({ transform: 'increase', interval: '1h' }, [['m', T0, 500], ['m', T0 + 1000, 520], ['m', T0 + 2000, 3], ['m', T0 + 3000, 8]]).at(-1)).toEqual([T0, 20 + 3 + 5]);
  });

  it('days start at local midnight', () => {
    const lateEvening = Date.parse('2026-06-10T21:00:00Z'); // 23:00 Berlin
    const out = run({ transform: 'increase', interval: '1d' }, [['m', lateEvening, 1], ['m', lateEvening + 2 * H, 4]]);
    expect(out[0]).toEqual([Date.parse('2026-06-09T22:00:00Z'), 0]);
    expect(out[1]).toEqual([Date.parse('2026-06-10T22:00:00Z'), 3]);
  });
});

describe('Derivation: aggregate across a wildcard', () => {
  it('sums each meter\'s increase in the bucket; one meter\'s reset does not disturb the total', () => {
    const out = run({ transform: 'increase', interval: '1h', aggregate: 'sum' }, [
      ['a', T0 + 1000, 100],
      ['b', T0 + 1000, 2000],
      ['c', T0 + 1000, 50],
      ['a', T0 + 60_000, 110],
      ['b', T0 + 60_000, 2030],
      ['c', T0 + 60_000, 2], // c was reset: +2 since the reset
    ]);
    expect(out.at(-1)).toEqual([T0, 10 + 30 + 2]);
  });

  it('a new bucket counts only the meters heard in it', () => {
    const out = run({ transform: 'increase', interval: '1h', aggregate: 'sum' }, [
      ['a', T0 + 1000, 100],
      ['b', T0 + 1000, 200],
      ['a', T0 + H + 1000, 150],
    ]);
    expect(out.at(-1)).toEqual([T0 + H, 50]);
  });

  it.each([
    ['sum', 6],
    ['avg', 2],
    ['min', 1],
    ['max', 3],
  ] as const)('%s of rates over the meters heard recently', (aggregate, expected) => {
    const readings: [string, number, number][] = [];
    ['a', 'b', 'c'].forEach((m, i) => readings.push([m, T0, 0], [m, T0 + 1000, i + 1]));
    expect(run({ transform: 'rate', aggregate }, readings).at(-1)).toEqual([T0 + 1000, expected]);
  });

  it('a meter silent for longer than MEMBER_TTL_MS leaves a rate total, and comes back when it speaks', () => {
    const d = new Derivation({ transform: 'rate', aggregate: 'sum' });
    d.feed('a', T0, 0, T0);
    d.feed('a', T0 + 1000, 5, T0 + 1000);
    d.feed('b', T0, 0, T0);
    d.feed('b', T0 + 1000, 7, T0 + 1000);
    expect(d.v).toBe(12);
    const later = T0 + 1000 + MEMBER_TTL_MS + 1;
    d.feed('a', later, 5 + 2 * (later - T0 - 1000) / 1000, later);
    expect(d.v).toBeCloseTo(2);
    d.feed('b', later + 1000, 8, later + 1000);
    expect(d.v).toBeGreaterThan(2);
    expect(d.sources).toBe(2);
  });

  it('without a transform, aggregates raw values (site power from each feeder)', () => {
    expect(run({ aggregate: 'sum' }, [['f1', T0, 200], ['f2', T0, 250], ['f1', T0 + 1000, 300]]).at(-1)).toEqual([T0 + 1000, 550]);
  });
});

describe('Derivation: scale', () => {
  it('applies last, after rate and sum: two kWh meters at 1 kWh per 10 s each make 720 kW', () => {
    const points = run({ transform: 'rate', aggregate: 'sum', scale: 3600 }, [
      ['a', T0, 100], ['b', T0, 50], ['a', T0 + 10_000, 101], ['b', T0 + 10_000, 51],
    ]);
    expect(points.at(-1)).toEqual([T0 + 10_000, 720]);
  });

  it('scales a plain value too', () => {
    expect(run({ scale: 0.001 }, [['w', T0, 2500]])).toEqual([[T0, 2.5]]);
  });
});
