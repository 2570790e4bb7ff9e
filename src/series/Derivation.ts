import { assertNever } from '../engine';
import { counterIncrease } from './counterIncrease';
import { bucketStart, DEFAULT_INTERVAL, parseInterval, type Interval } from './interval';
import type { SeriesAggregate, SeriesTransform } from './types';

/** What a derived value is made of: the fields of a series or an alarm rule (ui-contract.md). */
export interface DerivationSpec {
  readonly transform?: SeriesTransform;
  readonly interval?: string;
  readonly aggregate?: SeriesAggregate;
  /** A counter's wrap boundary (e.g. 65536); 2^32 and 2^64 are inferred. */
  readonly wrapAt?: number;
  /** A factor applied to the result, after transform and aggregate (3600: kWh/s → kW). */
  readonly scale?: number;
}

/** One source topic's state: its previous counter reading and its newest derived point. */
interface Member {
  prevT: number;
  prevV: number;
  outT: number;
  outV: number;
  /** Receive time of its newest message (engine clock). */
  at: number;
}

/** A source not heard from for this long leaves a rate or value aggregate (it is not "0 kW"). */
export const MEMBER_TTL_MS = 10 * 60_000;
/** Sources kept per derivation; beyond it the longest silent one is forgotten. */
const MAX_MEMBERS = 20_000;

export type FeedResult = 'point' | 'late' | 'none';

/**
 * A counter transform (`rate`, `increase` per interval) per source topic, then an aggregate
 * (`sum`, `avg`, `min`, `max`) across the sources of a wildcard, in the worker (issue 15).
 * `feed` takes one raw reading and, when it yields a point, leaves it in `t`/`v` (no allocation
 * per message); the caller upserts it: a point at an existing time replaces that point, which
 * is how the current `increase` bucket updates live.
 *
 * - rate: per second between consecutive readings of a source; its first reading gives none.
 * - increase: readings' growth summed per bucket (at bucket start), each step counted in the
 *   bucket of its later reading; a source's first reading opens its bucket at 0.
 * - resets and wraps: `counterIncrease`, per source, so one meter's reset leaves the others'
 *   contribution to a total untouched.
 * - aggregate over `increase`: the sources that have a value in the newest point's bucket;
 *   over `rate` or raw values: the sources heard from within MEMBER_TTL_MS.
 * - a reading older than its source's previous one cannot be a counter step: 'late'.
 */
export class Derivation {
  t = NaN;
  v = NaN;
  private readonly members = new Map<string, Member>();
  private readonly interval: Interval;

  constructor(readonly spec: DerivationSpec) {
    this.interval = (spec.interval && parseInterval(spec.interval)) || DEFAULT_INTERVAL;
  }

  get sources(): number {
    return this.members.size;
  }

  feed(source: string, t: number, value: number, now: number): FeedResult {
    let m = this.members.get(source);
    if (!m) {
      if (this.members.size >= MAX_MEMBERS) this.forgetOldest();
      m = { prevT: NaN, prevV: NaN, outT: NaN, outV: NaN, at: now };
      this.members.set(source, m);
    }
    const r = this.step(m, t, value);
    m.at = now;
    if (r !== 'point') return r;
    if (!this.spec.aggregate) {
      this.t = m.outT;
      this.v = m.outV * (this.spec.scale ?? 1);
      return 'point';
    }
    this.t = m.outT;
    this.v = this.combine(m.outT, now) * (this.spec.scale ?? 1);
    return 'point';
  }

  /** Drops every source's state (a connection's outage does not make a counter reset). */
  clear(): void {
    this.members.clear();
  }

  private step(m: Member, t: number, value: number): FeedResult {
    const transform = this.spec.transform;
    if (!transform) {
      m.outT = t;
      m.outV = value;
      return 'point';
    }
    const first = Number.isNaN(m.prevT);
    if (!first && t < m.prevT) return 'late';
    const prevT = m.prevT;
    const inc = first ? 0 : counterIncrease(m.prevV, value, this.spec.wrapAt);
    m.prevT = t;
    m.prevV = value;
    switch (transform) {
      case 'rate':
        if (first || t === prevT) return 'none';
        m.outT = t;
        m.outV = (inc * 1000) / (t - prevT);
        return 'point';
      case 'increase': {
        const b = bucketStart(t, this.interval);
        if (b === m.outT) m.outV += inc;
        else {
          m.outT = b;
          m.outV = inc;
        }
        return 'point';
      }
      default:
        return assertNever(transform, 'series transform');
    }
  }

  private combine(outT: number, now: number): number {
    const sameBucket = this.spec.transform === 'increase';
    const since = now - MEMBER_TTL_MS;
    let n = 0;
    let acc = 0;
    for (const m of this.members.values()) {
      if (Number.isNaN(m.outT)) continue;
      if (sameBucket ? m.outT !== outT : m.at < since) continue;
      const x = m.outV;
      if (n === 0) acc = x;
      else acc = this.fold(acc, x);
      n++;
    }
    return this.spec.aggregate === 'avg' && n ? acc / n : acc;
  }

  private fold(acc: number, x: number): number {
    const agg = this.spec.aggregate!;
    switch (agg) {
      case 'sum':
      case 'avg':
        return acc + x;
      case 'min':
        return x < acc ? x : acc;
      case 'max':
        return x > acc ? x : acc;
      default:
        return assertNever(agg, 'series aggregate');
    }
  }

  private forgetOldest(): void {
    let oldestKey: string | undefined;
    let oldestAt = Infinity;
    for (const [k, m] of this.members) {
      if (m.at < oldestAt) {
        oldestAt = m.at;
        oldestKey = k;
      }
    }
    if (oldestKey !== undefined) this.members.delete(oldestKey);
  }
}
