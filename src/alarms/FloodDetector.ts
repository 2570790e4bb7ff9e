/**
 * Alarm flood per ISA-18.2 / EEMUA 191: starts when more than `startAbove` alarms were
 * annunciated in the window (10 min), ends when fewer than `endBelow` remain (TR18.2.5).
 */
export class FloodDetector {
  private readonly times: number[] = [];
  private head = 0;
  flood = false;

  constructor(
    private readonly windowMs = 600_000,
    private readonly startAbove = 10,
    private readonly endBelow = 5,
    /** Bound on remembered times; counts above it are irrelevant to the thresholds. */
    private readonly maxKept = 1000,
  ) {}

  get count(): number {
    return this.times.length - this.head;
  }

  /** Records an annunciation; returns 'start' when a flood begins. */
  record(now: number): 'start' | undefined {
    this.times.push(now);
    if (this.count > this.maxKept) this.head++;
    this.prune(now);
    if (!this.flood && this.count > this.startAbove) {
      this.flood = true;
      return 'start';
    }
    return undefined;
  }

  /** Ages the window; returns 'end' when a flood ends. */
  tick(now: number): 'end' | undefined {
    this.prune(now);
    if (this.flood && this.count < this.endBelow) {
      this.flood = false;
      return 'end';
    }
    return undefined;
  }

  private prune(now: number): void {
    while (this.head < this.times.length && this.times[this.head] <= now - this.windowMs) this.head++;
    if (this.head > 512 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }
}
