import type { Clock, TimerId } from './clock';
import type { Delta } from './protocol';

const FRAME_MS = 16;
/** Without an ack (hidden tab, busy UI) a delta still goes out this often, merged. */
export const ACK_TIMEOUT_MS = 1000;

/** A delta under construction (the engine fills in the parts that changed). */
export type DeltaDraft = { -readonly [K in keyof Delta]: Delta[K] };

/**
 * At most one delta per frame, and none while the previous one is not acked (backpressure,
 * style.md "Data flow"), with a time cap for a UI that never acks. `build` fills a draft and
 * returns false when nothing changed; it may call `schedule()` for parts that are due later.
 */
export class FrameScheduler {
  private seq = 0;
  private awaitingAck = false;
  private lastSentAt = 0;
  private timer: TimerId | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly build: (delta: DeltaDraft, now: number) => boolean,
    private readonly post: (delta: Delta) => void,
  ) {}

  /** Asks for a delta in the next frame (a no-op when one is already scheduled). */
  schedule(): void {
    if (this.timer !== null) return;
    this.arm(FRAME_MS);
  }

  ack(seq: number): void {
    if (seq !== this.seq) return;
    this.awaitingAck = false;
    // Drop the ack-timeout wait: the next frame may go now.
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.schedule();
  }

  private arm(ms: number): void {
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.flush();
    }, ms);
  }

  private flush(): void {
    const now = this.clock.now();
    if (this.awaitingAck && now - this.lastSentAt < ACK_TIMEOUT_MS) {
      // The ack will call schedule; the time cap covers a hidden tab that never acks.
      this.arm(ACK_TIMEOUT_MS - (now - this.lastSentAt));
      return;
    }
    const delta: DeltaDraft = { type: 'delta', seq: this.seq + 1, at: now };
    if (!this.build(delta, now)) return;
    this.seq = delta.seq;
    this.awaitingAck = true;
    this.lastSentAt = now;
    this.post(delta);
  }
}
