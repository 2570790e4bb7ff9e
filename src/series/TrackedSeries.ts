import { extractValue, leafText, toNumber, type DecodedPayload } from '../payload';
import { RingBuffer } from './RingBuffer';
import type { SeriesLatest, SeriesSpec } from './types';

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
  /** Chunks of this series in storage, oldest first. */
  readonly chunks: { id: string; n: number }[] = [];
  persistedPoints = 0;
  restoring = false;
  sessionStart = true;

  constructor(
    readonly key: string,
    public spec: SeriesSpec,
    capacity: number,
  ) {
    this.ring = new RingBuffer(capacity);
  }

  /** Reads this series' value from a message. Returns 'point' (recorded), 'latest' (text only), 'late' or 'none'. */
  ingest(connectionId: string, decoded: DecodedPayload, now: number): 'point' | 'latest' | 'late' | 'none' {
    const raw = extractValue(decoded, this.spec.path);
    if (raw === undefined || raw === null || typeof raw === 'object') return 'none';
    const value = toNumber(raw);
    const t = this.spec.timePath ? (payloadTime(extractValue(decoded, this.spec.timePath)) ?? now) : now;
    this.lastConn = connectionId;
    const text = typeof raw === 'number' ? undefined : leafText(raw);
    if (Number.isNaN(value)) {
      this.latest = { key: this.key, value: null, text, t, at: now };
      return 'latest';
    }
    if (this.ring.size && t < this.ring.lastTime) return 'late';
    this.ring.push(t, value);
    this.version++;
    this.pending++;
    this.latest = { key: this.key, value, text, t, at: now };
    return 'point';
  }

  /** Breaks the line after the newest point (broker outage, history restored after a reload). */
  markGap(): boolean {
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
