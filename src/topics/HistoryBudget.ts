import type { StoredMessage, TopicNode } from './types';

/** Per-entry bookkeeping cost on top of the payload bytes (object headers, typed array). */
const ENTRY_OVERHEAD = 200;

interface Entry {
  node: TopicNode;
  msg: StoredMessage;
  dead: boolean;
}

/**
 * Bounds the bytes held by all topic histories together. Entries are dropped oldest-first across
 * every topic when the budget is exceeded, and counted so the UI can say what was dropped.
 */
export class HistoryBudget {
  private fifo: Entry[] = [];
  private head = 0;
  private live = new Map<StoredMessage, Entry>();
  bytes = 0;
  dropped = 0;

  constructor(private readonly limitBytes: number) {}

  static cost(msg: StoredMessage): number {
    return msg.payload.length + ENTRY_OVERHEAD;
  }

  /** Appends msg to node.history, trimming that history to `perTopic` and the global budget. */
  push(node: TopicNode, msg: StoredMessage, perTopic: number): void {
    const history = (node.history ??= []);
    history.push(msg);
    const entry: Entry = { node, msg, dead: false };
    this.fifo.push(entry);
    this.live.set(msg, entry);
    this.bytes += HistoryBudget.cost(msg);
    while (history.length > perTopic) this.kill(history.shift()!);
    while (this.bytes > this.limitBytes && this.head < this.fifo.length) {
      const oldest = this.fifo[this.head++];
      if (oldest.dead) continue;
      const h = oldest.node.history!;
      // FIFO order per topic equals history order, so a live oldest entry is at the head of its history.
      if (h[0] === oldest.msg) h.shift();
      this.kill(oldest.msg);
      this.dropped++;
    }
    this.compact();
  }

  /** Forgets every entry of a node (the node was removed). */
  release(node: TopicNode): void {
    for (const msg of node.history ?? []) this.kill(msg);
    node.history = null;
  }

  private kill(msg: StoredMessage): void {
    const entry = this.live.get(msg);
    if (!entry) return;
    entry.dead = true;
    this.live.delete(msg);
    this.bytes -= HistoryBudget.cost(msg);
  }

  /** Dead entries pile up when per-topic caps evict; rebuild the queue once they dominate. */
  private compact(): void {
    const length = this.fifo.length - this.head;
    if (length < 1024 || length < this.live.size * 2) return;
    this.fifo = this.fifo.slice(this.head).filter((e) => !e.dead);
    this.head = 0;
  }

  get entryCount(): number {
    return this.live.size;
  }
}
