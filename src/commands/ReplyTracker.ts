import type { Clock, TimerId } from '../engine/clock';

interface Pending {
  readonly reqId: number;
  readonly responseTopic: string;
  readonly sentAt: number;
  readonly timer: TimerId;
}

export interface ReplyMatch {
  readonly reqId: number;
  readonly rttMs: number;
}

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

  expect(reqId: number, responseTopic: string, correlationData: Uint8Array, timeoutMs: number, onTimeout: () => void): void {
    const key = ReplyTracker.key(correlationData);
    const timer = this.clock.setTimer(() => {
      this.pending.delete(key);
      onTimeout();
    }, timeoutMs);
    this.pending.set(key, { reqId, responseTopic, sentAt: this.clock.now(), timer });
  }

  /** Returns the request a message answers, if any (and forgets it). */
  match(topic: string, correlationData: Uint8Array | undefined): ReplyMatch | undefined {
    if (!correlationData || this.pending.size === 0) return undefined;
    const key = ReplyTracker.key(correlationData);
    const p = this.pending.get(key);
    if (!p || p.responseTopic !== topic) return undefined;
    this.clock.clearTimer(p.timer);
    this.pending.delete(key);
    return { reqId: p.reqId, rttMs: this.clock.now() - p.sentAt };
  }

  cancel(reqId: number): void {
    for (const [key, p] of this.pending) {
      if (p.reqId === reqId) {
        this.clock.clearTimer(p.timer);
        this.pending.delete(key);
      }
    }
  }

  get size(): number {
    return this.pending.size;
  }
}
