/**
 * A time-ordered ring of (time, value) points in two Float64Arrays. `NaN` as a value marks a
 * gap (broker outage, reload): charts break the line there instead of interpolating.
 *
 * Storage grows by doubling up to `capacity`, so a series that saw ten messages costs ten
 * points, not an hour's worth; once full, each push overwrites the oldest point.
 */
const INITIAL = 256;

/** A read-only window onto the ring's storage, for tight loops (see downsample.ts). */
export interface RingView {
  readonly t: Float64Array;
  readonly v: Float64Array;
  /** Physical index of the oldest point. */
  readonly start: number;
  readonly size: number;
}

export class RingBuffer {
  private t: Float64Array;
  private v: Float64Array;
  private start = 0;
  private n = 0;
  private cap: number;

  constructor(capacity: number) {
    this.cap = Math.max(2, Math.floor(capacity));
    const initial = Math.min(this.cap, INITIAL);
    this.t = new Float64Array(initial);
    this.v = new Float64Array(initial);
  }

  get size(): number {
    return this.n;
  }

  get capacity(): number {
    return this.cap;
  }

  /** Bytes held by the typed arrays (allocated, not just used). */
  get bytes(): number {
    return this.t.byteLength + this.v.byteLength;
  }

  /** Appends a point; returns true when the oldest point was overwritten to make room. */
  push(time: number, value: number): boolean {
    if (this.n === this.t.length && this.n < this.cap) this.realloc(Math.min(this.cap, this.t.length * 2));
    const alloc = this.t.length;
    if (this.n < alloc) {
      let p = this.start + this.n;
      if (p >= alloc) p -= alloc;
      this.t[p] = time;
      this.v[p] = value;
      this.n++;
      return false;
    }
    this.t[this.start] = time;
    this.v[this.start] = value;
    this.start = this.start + 1 === alloc ? 0 : this.start + 1;
    return true;
  }

  /**
   * Puts a point in time order (store-and-forward backfill: a point older than the newest).
   * Equal times keep arrival order. When the ring is full the oldest point makes room, and a
   * point older than every point kept is refused. Returns the logical index it landed at, or
   * -1 when refused. Moves the shorter side (backfill usually lands near the newest end).
   */
  insert(time: number, value: number): number {
    if (!this.n || time >= this.lastTime) {
      this.push(time, value);
      return this.n - 1;
    }
    let at = this.upperBound(time);
    if (this.n === this.cap) {
      if (at === 0) return -1;
      // Full: the oldest point goes. Then either the older part slides down one place, or
      // (fewer moves when the point lands near the newest end) the ring turns one step and
      // the newer part slides up into the freed slot.
      if (at - 1 <= this.n - at) {
        for (let i = 0; i < at - 1; i++) this.set(i, this.timeAt(i + 1), this.valueAt(i + 1));
      } else {
        this.start = this.start + 1 === this.t.length ? 0 : this.start + 1;
        for (let i = this.n - 1; i >= at; i--) this.set(i, this.timeAt(i - 1), this.valueAt(i - 1));
      }
      at--;
      this.set(at, time, value);
      return at;
    }
    if (this.n === this.t.length) this.realloc(Math.min(this.cap, this.t.length * 2));
    this.n++;
    if (at < this.n - 1 - at) {
      // Nearer the oldest end: open the free slot before the oldest point and move the older part.
      this.start = this.start === 0 ? this.t.length - 1 : this.start - 1;
      for (let i = 0; i < at; i++) this.set(i, this.timeAt(i + 1), this.valueAt(i + 1));
    } else {
      for (let i = this.n - 1; i > at; i--) this.set(i, this.timeAt(i - 1), this.valueAt(i - 1));
    }
    this.set(at, time, value);
    return at;
  }

  /**
   * A point at `time` takes `value`: the newest point at exactly that time is replaced (a live
   * `increase` bucket), else the point is inserted. Returns 'replaced', 'appended', 'inserted'
   * or 'refused' (older than a full ring holds).
   */
  upsert(time: number, value: number): 'replaced' | 'appended' | 'inserted' | 'refused' {
    if (this.n && time === this.lastTime) {
      this.v[this.phys(this.n - 1)] = value;
      return 'replaced';
    }
    if (!this.n || time > this.lastTime) {
      this.push(time, value);
      return 'appended';
    }
    const after = this.upperBound(time);
    if (after > 0 && this.timeAt(after - 1) === time) {
      this.v[this.phys(after - 1)] = value;
      return 'replaced';
    }
    return this.insert(time, value) < 0 ? 'refused' : 'inserted';
  }

  private set(i: number, time: number, value: number): void {
    const p = this.phys(i);
    this.t[p] = time;
    this.v[p] = value;
  }

  private phys(i: number): number {
    const p = this.start + i;
    return p >= this.t.length ? p - this.t.length : p;
  }

  timeAt(i: number): number {
    return this.t[this.phys(i)];
  }

  valueAt(i: number): number {
    return this.v[this.phys(i)];
  }

  get firstTime(): number {
    return this.n ? this.t[this.start] : NaN;
  }

  get lastTime(): number {
    return this.n ? this.timeAt(this.n - 1) : NaN;
  }

  get lastValue(): number {
    return this.n ? this.valueAt(this.n - 1) : NaN;
  }

  /** First logical index whose time is ≥ `time` (size when none). */
  lowerBound(time: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First logical index whose time is > `time` (size when none). */
  upperBound(time: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  view(): RingView {
    return { t: this.t, v: this.v, start: this.start, size: this.n };
  }

  /** Copies logical points [from, to) out as two arrays, oldest first. */
  slice(from = 0, to = this.n): { t: Float64Array; v: Float64Array } {
    from = Math.max(0, from);
    to = Math.min(this.n, to);
    const len = Math.max(0, to - from);
    const t = new Float64Array(len);
    const v = new Float64Array(len);
    for (let i = 0; i < len; i++) {
      const p = this.phys(from + i);
      t[i] = this.t[p];
      v[i] = this.v[p];
    }
    return { t, v };
  }

  /** Changes the capacity; shrinking keeps the newest points. Returns how many were dropped. */
  setCapacity(capacity: number): number {
    capacity = Math.max(2, Math.floor(capacity));
    if (capacity === this.cap) return 0;
    const dropped = Math.max(0, this.n - capacity);
    this.cap = capacity;
    if (dropped || this.t.length > capacity) {
      const keep = this.slice(dropped);
      this.t = new Float64Array(Math.max(Math.min(capacity, INITIAL), keep.t.length));
      this.v = new Float64Array(this.t.length);
      this.t.set(keep.t);
      this.v.set(keep.v);
      this.start = 0;
      this.n = keep.t.length;
    }
    return dropped;
  }

  /**
   * Puts older points (restored history) before the current ones. Only points older than the
   * current first point are taken, newest first, as far as the capacity allows.
   */
  prepend(t: ArrayLike<number>, v: ArrayLike<number>): number {
    const first = this.n ? this.firstTime : Infinity;
    let end = t.length;
    while (end > 0 && !(t[end - 1] < first)) end--;
    const take = Math.min(end, this.cap - this.n);
    if (take <= 0) return 0;
    const current = this.slice();
    const total = take + this.n;
    this.t = new Float64Array(Math.max(Math.min(this.cap, INITIAL), total));
    this.v = new Float64Array(this.t.length);
    for (let i = 0; i < take; i++) {
      this.t[i] = t[end - take + i];
      this.v[i] = v[end - take + i];
    }
    this.t.set(current.t, take);
    this.v.set(current.v, take);
    this.start = 0;
    this.n = total;
    return take;
  }

  private realloc(size: number): void {
    const { t, v } = this.slice();
    this.t = new Float64Array(size);
    this.v = new Float64Array(size);
    this.t.set(t);
    this.v.set(v);
    this.start = 0;
  }
}
