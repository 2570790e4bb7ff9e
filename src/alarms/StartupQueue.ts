/** Messages held while persisted states load (start-up only); beyond this they are dropped and counted. */
export const MAX_STARTUP_QUEUE = 5000;

export interface QueuedMessage {
  readonly connectionId: string;
  readonly topic: string;
  readonly json: unknown;
  readonly text: string | undefined;
  readonly now: number;
}

/**
 * Messages that arrive before the stored states and the first rules: evaluated once both are
 * in, so a reload never re-raises an acknowledged alarm as new. Bounded; drops are counted.
 */
export class StartupQueue {
  private items: QueuedMessage[] = [];
  private dropped = 0;
  private droppedSent = 0;

  push(m: QueuedMessage): void {
    if (this.items.length >= MAX_STARTUP_QUEUE) this.dropped++;
    else this.items.push(m);
  }

  /** Hands every held message to `fn`, oldest first, and forgets them. */
  drain(fn: (m: QueuedMessage) => void): void {
    const items = this.items;
    this.items = [];
    for (const m of items) fn(m);
  }

  /** The dropped count when it changed since the last call. */
  takeDropped(): number | undefined {
    if (this.dropped === this.droppedSent) return undefined;
    return (this.droppedSent = this.dropped);
  }
}
