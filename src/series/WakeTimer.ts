import type { Clock, TimerId } from '../engine';

/**
 * One pending "wake the engine in n ms" timer: asking again for a later time keeps the earlier
 * timer, asking for an earlier time replaces it. A feature holding back part of its delta (paced
 * values, charts not yet due) uses it so the engine flushes again when that part is due.
 */
export class WakeTimer {
  private timer: TimerId | null = null;
  private at = Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly wake: () => void,
  ) {}

  /** Wakes the engine in `ms` (at least 1 ms), unless a wake is already due by then. */
  in(ms: number): void {
    const delay = Math.max(1, ms);
    const at = this.clock.now() + delay;
    if (this.timer !== null && this.at <= at) return;
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.at = at;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.at = Infinity;
      this.wake();
    }, delay);
  }
}
