import { createMacrotask } from './macrotask';
import type { MessageProperties, QoS } from './types';

export interface InboundMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly properties: MessageProperties | undefined;
}

/**
 * Holds the messages mqtt.js hands over and passes them on in a batch once its handler has
 * returned. mqtt.js (handlers/publish.js) emits 'message' and only then writes the PUBACK of a
 * QoS 1 message; with the engine's work done inside 'message', every ack of a socket read waited
 * for the work on all messages before it, and with 20 messages in flight (Mosquitto's default)
 * the broker waited too. Deferred to a task of its own, after mqtt.js's next ticks (microtasks in
 * the worker: shims/nodeGlobals.ts), the acks of a whole socket read go out first and the broker
 * sends more while the engine works (issue 17). The acks themselves are held for one turn to share
 * a WebSocket frame (SendBatcher.ts); `beforeDeliver` sends them before the engine starts. Order is kept: every message goes through the
 * queue, and `flush()` runs before any other session event.
 */
export class InboundQueue {
  private items: InboundMessage[] = [];
  private next = 0;
  private scheduled = false;

  constructor(
    private readonly deliver: (m: InboundMessage) => void,
    private readonly defer: (fn: () => void) => void = createMacrotask(),
    /** Runs before each delivery: puts the acks written so far on the wire (SendBatcher). */
    private readonly beforeDeliver: () => void = () => {},
  ) {}

  get size(): number {
    return this.items.length - this.next;
  }

  push(m: InboundMessage): void {
    this.items.push(m);
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(() => this.flush());
  }

  /**
   * Delivers everything held, in order. A listener that throws loses no other message: the rest
   * stays queued for another flush, and the error goes on to the caller.
   */
  flush(): void {
    this.scheduled = false;
    this.beforeDeliver();
    try {
      while (this.next < this.items.length) this.deliver(this.items[this.next++]);
    } finally {
      if (this.next >= this.items.length) {
        this.items = [];
        this.next = 0;
      } else if (!this.scheduled) {
        this.scheduled = true;
        this.defer(() => this.flush());
      }
    }
  }

  /** Forgets what is held (the session ended: nothing more may reach the engine). */
  clear(): void {
    this.items = [];
    this.next = 0;
  }
}
