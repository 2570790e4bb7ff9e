/** Annunciations are counted per this bucket: memory stays bounded (600 buckets per 10 min), counts exact. */
const BUCKET_MS = 1000;

/**
 * Alarm flood per ISA-18.2 / EEMUA 191: starts when more than `startAbove` alarms were
 * annunciated in the window (10 min), ends when fewer than `endBelow` remain (TR18.2.5).
 * `count` is the true number in the window, however large (EEMUA 191 counts alarms per 10 min
 * per operator; a storm of 5 000 must not read "1000"). A bucket leaves the window when its
 * latest annunciation does, so ageing is to within one bucket and never early.
 */
export class FloodDetector {
  /** Per bucket: its start, its latest annunciation, how many. Oldest first from `head`. */
  private readonly starts: number[] = [];
  private readonly lasts: number[] = [];
  private readonly ns: number[] = [];
  private head = 0;
  private total = 0;
  flood = false;

  constructor(
    private readonly windowMs = 600_000,
    private readonly startAbove = 10,
    private readonly endBelow = 5,
  ) {}

  get count(): number {
    return this.total;
  }

  /** Records an annunciation; returns 'start' when a flood begins. */
  record(now: number): 'start' | undefined {
    const end = this.starts.length - 1;
    if (end >= this.head && now >= this.starts[end] && now < this.starts[end] + BUCKET_MS) {
      this.ns[end]++;
      this.lasts[end] = Math.max(this.lasts[end], now);
    } else {
      this.starts.push(now);
      this.lasts.push(now);
      this.ns.push(1);
    }
    this.total++;
    this.prune(now);
    if (!this.flood && this.total > this.startAbove) {
      this.flood = true;
      return 'start';
    }
    return undefined;
  }

  /** Ages the window; returns 'end' when a flood ends. */
  tick(now: number): 'end' | undefined {
    this.prune(now);
    if (this.flood && this.total < this.endBelow) {
      this.flood = false;
      return 'end';
    }
    return undefined;
  }

  private prune(now: number): void {
    while (this.head < this.starts.length && this.lasts[this.head] <= now - this.windowMs) {
      this.total -= this.ns[this.head];
      this.head++;
    }
    if (this.head > 64 && this.head * 2 > this.starts.length) {
      for (const a of [this.starts, this.lasts, this.ns]) a.splice(0, this.head);
      this.head = 0;
    }
  }
}
