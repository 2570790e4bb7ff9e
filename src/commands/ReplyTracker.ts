import type { Clock, TimerId } from '../engine';

interface Pending {
  readonly reqId: number;
  readonly responseTopic: string;
  readonly timeoutMs: number;
  readonly onTimeout: () => void;
  sentAt: number;
  timer: TimerId | null;
}

export interface ReplyMatch {
  readonly reqId: number;
  readonly rttMs: number;
}

/** Most requests awaiting a reply per connection; past it the oldest is given up (bounded, like every queue). */
const MAX_PENDING = 1000;

/** Matches MQTT 5 replies to requests by correlation data, with a timeout per request. */
export class ReplyTracker {
  private pending = new Map<string, Pending>();

  constructor(private readonly clock: Clock) {}

  static key(correlationData: Uint8Array | undefined): string {
    if (!correlationData) return '';
    let s = '';
    for (const b of correlationData) s += (b < 16 ? '0' : '') + b.toString(16);
    return s;
  }

  /**
   * Waits for the reply to a request. With `armed` false (a request queued while offline) the
   * timeout and the round-trip clock start only at `arm`, when the request actually goes out.
   */
  expect(reqId: number, responseTopic: string, correlationData: Uint8Array, timeoutMs: number, onTimeout: () => void, armed = true): void {
    const key = ReplyTracker.key(correlationData);
    const previous = this.pending.get(key);
    if (previous?.timer != null) this.clock.clearTimer(previous.timer);
    if (!previous && this.pending.size >= MAX_PENDING) {
      const [oldestKey, oldest] = this.pending.entries().next().value!;
      if (oldest.timer !== null) this.clock.clearTimer(oldest.timer);
      this.pending.delete(oldestKey);
      oldest.onTimeout();
    }
    const p: Pending = { reqId, responseTopic, timeoutMs, onTimeout, sentAt: this.clock.now(), timer: null };
    this.pending.set(key, p);
    if (armed) this.startTimer(key, p);
  }

  /** Starts the timeout of a request that was waiting to be sent. */
  arm(reqId: number): void {
    for (const [key, p] of this.pending) if (p.reqId === reqId && p.timer === null) this.startTimer(key, p);
  }

  private startTimer(key: string, p: Pending): void {
    p.sentAt = this.clock.now();
    p.timer = this.clock.setTimer(() => {
      if (this.pending.get(key) === p) this.pending.delete(key);
      p.onTimeout();
    }, p.timeoutMs);
  }

  /** Returns the request a message answers, if any (and forgets it). */
  match(topic: string, correlationData: Uint8Array | undefined): ReplyMatch | undefined {
    if (!correlationData || this.pending.size === 0) return undefined;
    const key = ReplyTracker.key(correlationData);
    const p = this.pending.get(key);
    if (!p || p.responseTopic !== topic) return undefined;
    if (p.timer !== null) this.clock.clearTimer(p.timer);
    this.pending.delete(key);
    return { reqId: p.reqId, rttMs: this.clock.now() - p.sentAt };
  }

  cancel(reqId: number): void {
    for (const [key, p] of this.pending) {
      if (p.reqId === reqId) {
        if (p.timer !== null) this.clock.clearTimer(p.timer);
        this.pending.delete(key);
      }
    }
  }

  get size(): number {
    return this.pending.size;
  }
}
