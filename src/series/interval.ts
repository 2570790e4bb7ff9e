import { assertNever } from '../engine';

/**
 * Bucket intervals for `increase` (ui-contract.md: `15m`, `1h`, `8h`, `1d`…), aligned to LOCAL
 * wall-clock time: an hour bucket starts at hh:00, a shift of `8h` at 00:00, 08:00 and 16:00, a
 * day at local midnight, a week on Monday. Days are calendar days, so a DST day is 23 or 25 h
 * long; the worker's time zone is the browser's.
 */
export type Interval =
  /** Seconds, minutes, hours: a number of ms, floored on the wall clock from local midnight. */
  | { readonly unit: 'ms'; readonly ms: number }
  | { readonly unit: 'day'; readonly days: number }
  | { readonly unit: 'week'; readonly weeks: number };

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };
const DAY_MS = 86_400_000;

/** `15m`, `1h`, `8h`, `1d`, `1w` → an Interval; null when malformed. Sub-day intervals must divide a day. */
export function parseInterval(text: string): Interval | null {
  const m = /^\s*(\d{1,4})\s*([smhdw])\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (n <= 0) return null;
  if (m[2] === 'd') return { unit: 'day', days: n };
  if (m[2] === 'w') return { unit: 'week', weeks: n };
  const ms = n * UNIT_MS[m[2]];
  // 7h buckets would not line up from one day to the next; shifts are 6h, 8h, 12h.
  if (ms > DAY_MS || DAY_MS % ms !== 0) return null;
  return { unit: 'ms', ms };
}

/** Increase buckets default to an hour when `interval` is absent or malformed. */
export const DEFAULT_INTERVAL: Interval = { unit: 'ms', ms: 3_600_000 };

/** Days since 1970-01-01 of a local calendar date (for n-day alignment). */
const dayNumber = (d: Date): number => Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);

const wallMs = (d: Date): number => ((d.getHours() * 60 + d.getMinutes()) * 60 + d.getSeconds()) * 1000 + d.getMilliseconds();

/** Start (ms since epoch) of the bucket holding `t`. */
export function bucketStart(t: number, interval: Interval): number {
  const d = new Date(t);
  switch (interval.unit) {
    case 'day': {
      const back = ((dayNumber(d) % interval.days) + interval.days) % interval.days;
      return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).getTime();
    }
    case 'week': {
      // Monday-based weeks (ISO 8601); 1970-01-05 was a Monday (day 4).
      const days = 7 * interval.weeks;
      const back = ((((dayNumber(d) - 4) % days) + days) % days);
      return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).getTime();
    }
    case 'ms': {
      const floored = wallMs(d) - (wallMs(d) % interval.ms);
      const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 0, 0, 0, floored).getTime();
      // When clocks go back a wall time happens twice and Date picks the first: the second
      // 02:00 (an hour later, same wall time) starts the bucket of a point in the repeated hour.
      const repeat = start + 3_600_000;
      return repeat <= t && wallMs(new Date(repeat)) === floored ? repeat : start;
    }
    default:
      return assertNever(interval, 'interval');
  }
}
