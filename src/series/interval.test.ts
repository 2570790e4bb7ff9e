import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketStart, parseInterval, type Interval } from './interval';

// Local-time alignment is what energy reports need; Berlin has both DST switches.
let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const iv = (text: string): Interval => parseInterval(text)!;
/** Wall-clock text of a bucket start, in Berlin. */
const local = (t: number) => new Date(t).toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' });
const at = (iso: string) => Date.parse(iso);

describe('parseInterval', () => {
  it.each([
    ['15m', { unit: 'ms', ms: 900_000 }],
    ['1h', { unit: 'ms', ms: 3_600_000 }],
    ['8h', { unit: 'ms', ms: 28_800_000 }],
    ['1d', { unit: 'day', days: 1 }],
    ['1w', { unit: 'week', weeks: 1 }],
  ])('%s', (text, expected) => expect(parseInterval(text)).toEqual(expected));

  it.each(['', 'h', '0h', '7h', '25h', '1y', '-1h'])('refuses %j', (text) => expect(parseInterval(text)).toBeNull());
});

describe('bucketStart in local time (Europe/Berlin)', () => {
  it('a day starts at local midnight, not UTC midnight', () => {
    expect(local(bucketStart(at('2026-06-10T21:30:00Z'), iv('1d')))).toBe('2026-06-10 00:00:00');
    expect(local(bucketStart(at('2026-06-10T22:30:00Z'), iv('1d')))).toBe('2026-06-11 00:00:00');
  });

  it('the spring-forward day is 23 h long, the fall-back day 25 h', () => {
    const spring = bucketStart(at('2026-03-29T12:00:00Z'), iv('1d'));
    const nextDay = bucketStart(at('2026-03-30T12:00:00Z'), iv('1d'));
    expect(local(spring)).toBe('2026-03-29 00:00:00');
    expect((nextDay - spring) / 3_600_000).toBe(23);
    const autumn = bucketStart(at('2026-10-25T12:00:00Z'), iv('1d'));
    const after = bucketStart(at('2026-10-26T12:00:00Z'), iv('1d'));
    expect((after - autumn) / 3_600_000).toBe(25);
    // The last minute of the long day is still in it.
    expect(bucketStart(at('2026-10-25T22:59:00Z'), iv('1d'))).toBe(autumn);
  });

  it('8 h shifts start at 00:00, 08:00 and 16:00 local, also on DST days', () => {
    expect(local(bucketStart(at('2026-06-10T05:00:00Z'), iv('8h')))).toBe('2026-06-10 00:00:00');
    expect(local(bucketStart(at('2026-06-10T06:30:00Z'), iv('8h')))).toBe('2026-06-10 08:00:00');
    expect(local(bucketStart(at('2026-06-10T15:00:00Z'), iv('8h')))).toBe('2026-06-10 16:00:00');
    // Clocks go back at 03:00 CEST: the night shift is 9 h long and 07:30 CET still belongs to it.
    expect(local(bucketStart(at('2026-10-25T06:30:00Z'), iv('8h')))).toBe('2026-10-25 00:00:00');
    expect(local(bucketStart(at('2026-10-25T07:30:00Z'), iv('8h')))).toBe('2026-10-25 08:00:00');
    // Clocks go forward at 02:00: 07:30 CEST is in the (7 h) night shift.
    expect(local(bucketStart(at('2026-03-29T05:30:00Z'), iv('8h')))).toBe('2026-03-29 00:00:00');
  });

  it('the repeated hour when clocks go back is two separate hour buckets', () => {
    const first = bucketStart(at('2026-10-25T00:30:00Z'), iv('1h')); // 02:30 CEST
    const second = bucketStart(at('2026-10-25T01:30:00Z'), iv('1h')); // 02:30 CET
    expect(first).toBe(at('2026-10-25T00:00:00Z'));
    expect(second).toBe(at('2026-10-25T01:00:00Z'));
  });

  it('15 minute buckets and Monday weeks', () => {
    expect(local(bucketStart(at('2026-06-10T10:44:59Z'), iv('15m')))).toBe('2026-06-10 12:30:00');
    // 2026-06-10 is a Wednesday.
    expect(local(bucketStart(at('2026-06-10T10:00:00Z'), iv('1w')))).toBe('2026-06-08 00:00:00');
  });

  it('every point falls in [start, next start)', () => {
    for (const text of ['15m', '1h', '8h', '1d']) {
      for (let t = at('2026-10-24T20:00:00Z'); t < at('2026-10-26T04:00:00Z'); t += 7 * 60_000) {
        const s = bucketStart(t, iv(text));
        expect(s).toBeLessThanOrEqual(t);
        expect(bucketStart(s, iv(text))).toBe(s);
      }
    }
  });
});
