import type { Clock, TimerId } from '../engine';

/**
 * The wait before the next connection attempt, on the injected Clock, with a tick once a second
 * so the countdown ("retrying in 7 s") can be redrawn.
 */
export class RetryTimer {
  private fireTimer: TimerId | null = null;
  private tickTimer: TimerId | null = null;

  constructor(private readonly clock: Clock) {}

  /** True while an attempt is scheduled. */
  get pending(): boolean {
    return this.fireTimer !== null;
  }

  /** Calls `fire` after `delayMs` (replacing a pending one) and `tick` every second until then. */
  schedule(delayMs: number, fire: () => void, tick: () => void): void {
    this.cancel();
    const at = this.clock.now() + delayMs;
    this.fireTimer = this.clock.setTimer(() => {
      this.cancel();
      fire();
    }, delayMs);
    const everySecond = () => {
      this.tickTimer = null;
      if (this.clock.now() >= at) return;
      tick();
      this.tickTimer = this.clock.setTimer(everySecond, 1000);
    };
    this.tickTimer = this.clock.setTimer(everySecond, 1000);
  }

  cancel(): void {
    if (this.fireTimer !== null) this.clock.clearTimer(this.fireTimer);
    if (this.tickTimer !== null) this.clock.clearTimer(this.tickTimer);
    this.fireTimer = this.tickTimer = null;
  }
}
