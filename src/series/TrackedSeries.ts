import { extractValue, leafText, toNumber, type DecodedPayload } from '../payload';
import { Derivation } from './Derivation';
import { RingBuffer } from './RingBuffer';
import type { SeriesLatest, SeriesSpec } from './types';

/** What a message did to a series. 'backfill': a point older than the newest, inserted in order. */
export type IngestResult = 'point' | 'backfill' | 'latest' | 'late' | 'none';

/** Backfilled points waiting to be saved (beyond this they are kept in memory only). */
const MAX_BACKFILL_PENDING = 36_000;
/**
 * A backfilled point moves the points on its shorter side by one (~5 ns each). Beyond this
 * many it is refused and counted (`outOfOrder`): store-and-forward lands just before the few
 * points received since the link came back, while a flood from a device whose clock runs
 * behind would otherwise cost ~100 µs per message on a full ring.
 */
const MAX_BACKFILL_MOVES = 4096;

/** One recorded series: its ring buffer, newest value and what is still to be saved. */
export class TrackedSeries {
  readonly ring: RingBuffer;
  /** Bumped on every change of the points, so watches know when to resend. */
  version = 0;
  latest: SeriesLatest | null = null;
  /** Connection that fed the newest point (for `connection: ''` series). */
  lastConn = '';
  /** Points pushed since the last save (they are the newest `pending` points). */
  pending = 0;
  /** Backfilled points older than the saved ones, to be saved as a chunk of their own. */
  readonly backfill: { t: number[]; v: number[] } = { t: [], v: [] };
  /** Chunks of this series in storage, oldest first. */
  readonly chunks: { id: string; n: number }[] = [];
  persistedPoints = 0;
  restoring = false;
  sessionStart = true;
  /** Counter transform and/or aggregate; null for a plain series (the common, cheap case). */
  private derivation: Derivation | null = null;
  /**
   * An `increase` bucket restored after a reload: the counters start again from the reload, so
   * what the bucket held before it is added while that bucket is current (sum or single series).
   */
  private carry: { readonly t: number; readonly v: number } | null = null;

  constructor(
    readonly key: string,
    public spec: SeriesSpec,
    capacity: number,
  ) {
    this.ring = new RingBuffer(capacity);
    this.setSpec(spec);
  }

  /** Takes a new spec; the counter state starts again when its derivation changed. */
  setSpec(spec: SeriesSpec): void {
    const d = this.derivation?.spec;
    this.spec = spec;
    const same = d && d.transform === spec.transform && d.interval === spec.interval && d.aggregate === spec.aggregate && d.wrapAt === spec.wrapAt && d.scale === spec.scale;
    if (same) return;
    this.derivation = spec.transform || spec.aggregate || spec.scale !== undefined ? new Derivation(spec) : null;
  }

  /** Reads this series' value from a message on `topic` (one of the topics a wildcard matches). */
  ingest(connectionId: string, topic: string, decoded: DecodedPayload, now: number): IngestResult {
    const path = this.spec.path;
    // A Sparkplug metric is looked up whole by name, with its own timestamp (backfill of
    // historical metrics included).
    const metric = decoded.kind === 'sparkplug' ? decoded.metrics?.get(path) : undefined;
    const raw = metric ? metric.value : extractValue(decoded, path);
    if (raw === undefined || raw === null || typeof raw === 'object') return 'none';
    let value = toNumber(raw);
    let t = this.spec.timePath ? (payloadTime(extractValue(decoded, this.spec.timePath)) ?? now) : metric ? metric.timestamp : now;
    this.lastConn = connectionId;
    const d = this.derivation;
    if (Number.isNaN(value)) {
      if (d) return 'none';
      this.latest = { key: this.key, value: null, text: typeof raw === 'number' ? undefined : leafText(raw), t, at: now };
      return 'latest';
    }
    let text = typeof raw === 'number' ? undefined : leafText(raw);
    if (d) {
      const r = d.feed(topic, t, value, now);
      if (r !== 'point') return r;
      t = d.t;
      value = d.v;
      text = undefined;
      if (this.carry) {
        if (t === this.carry.t) value += this.carry.v;
        else if (t > this.carry.t) this.carry = null;
      }
    }
    const result = this.record(t, value, d !== null);
    if (result === 'point') this.latest = { key: this.key, value, text, t, at: now };
    return result;
  }

  /**
   * Puts a point into the ring: newest points are appended; older ones (store-and-forward
   * backfill) are inserted in time order. A derived series replaces its point at the same time
   * (the current `increase` bucket). Keeps the save bookkeeping: unsaved points are the newest
   * `pending` ones; a point older than those waits in `backfill`.
   */
  private record(t: number, value: number, replace: boolean): 'point' | 'backfill' | 'late' {
    const ring = this.ring;
    const n = ring.size;
    if (!n || t > ring.lastTime || (t === ring.lastTime && !replace)) {
      ring.push(t, value);
      this.changed(1);
      return 'point';
    }
    if (replace) {
      const at = ring.upperBound(t) - 1;
      if (at >= 0 && ring.timeAt(at) === t) {
        ring.upsert(t, value);
        if (at === n - 1) {
          // The newest point changed after it was saved: save it again (a later chunk wins on load).
          this.changed(this.pending ? 0 : 1);
          return 'point';
        }
        if (at < n - this.pending) this.queueBackfill(t, value);
        this.changed(0);
        return 'backfill';
      }
    }
    const after = ring.upperBound(t);
    if (Math.min(after, n - after) > MAX_BACKFILL_MOVES) return 'late';
    const at = ring.insert(t, value);
    if (at < 0) return 'late';
    if (at >= ring.size - this.pending - 1) this.changed(1);
    else {
      this.queueBackfill(t, value);
      this.changed(0);
    }
    return 'backfill';
  }

  private changed(newPending: number): void {
    this.version++;
    this.pending = Math.min(this.ring.size, this.pending + newPending);
  }

  private queueBackfill(t: number, v: number): void {
    if (this.backfill.t.length >= MAX_BACKFILL_PENDING) return;
    this.backfill.t.push(t);
    this.backfill.v.push(v);
  }

  /** After a reload: the restored newest point of an `increase` series keeps counting (see `carry`). */
  carryFrom(restored: SeriesLatest): void {
    const { transform, aggregate } = this.spec;
    if (transform === 'increase' && (!aggregate || aggregate === 'sum') && restored.value !== null) this.carry = { t: restored.t, v: restored.value };
  }

  /** Breaks the line after the newest point (broker outage, history restored after a reload). */
  markGap(): boolean {
    // An increase bucket is a total, not a line: an outage leaves it as it is.
    if (this.spec.transform === 'increase') return false;
    if (!this.ring.size || Number.isNaN(this.ring.lastValue)) return false;
    this.ring.push(this.ring.lastTime, NaN);
    this.version++;
    this.pending++;
    return true;
  }
}

/**
 * A payload time: ms since epoch, seconds since epoch (values below 1e11, i.e. before 1973 in
 * ms, are taken as seconds), or ISO 8601 text. Undefined when absent or unparseable.
 */
export function payloadTime(raw: unknown): number | undefined {
  let t = NaN;
  if (typeof raw === 'number') t = raw < 1e11 ? raw * 1000 : raw;
  else if (typeof raw === 'string') t = raw.length <= 40 ? Date.parse(raw) : NaN;
  return Number.isFinite(t) && t > 0 ? t : undefined;
}
