import type { StoredMessage, TopicNode } from './types';

/** Per-entry bookkeeping cost on top of the payload bytes (object headers, typed array). */
const ENTRY_OVERHEAD = 200;

/**
 * Bounds the bytes held by all topic histories together. Entries are dropped oldest-first across
 * every topic when the budget is exceeded, and counted so the UI can say what was dropped.
 *
 * The global queue is two parallel arrays (node, message) with no per-entry object or map: this
 * runs for every message, and per-message allocations were a large part of a flood's cost
 * (issue 9). An entry is alive while its message is still in its node's history; because a
 * topic's history and the queue are both in arrival order, a live entry at the queue's head is
 * always at the head of its topic's history.
 */
export class HistoryBudget {
  private nodes: (TopicNode | null)[] = [];
  private msgs: (StoredMessage | null)[] = [];
  private head = 0;
  private live = 0;
  bytes = 0;
  dropped = 0;

  constructor(private readonly limitBytes: number) {}

  static cost(msg: StoredMessage): number {
    return (msg.heldBytes ?? msg.payload.length) + ENTRY_OVERHEAD;
  }

  /** Appends msg to node.history, trimming that history to `perTopic` and the global budget. */
  push(node: TopicNode, msg: StoredMessage, perTopic: number): void {
    const history = (node.history ??= []);
    history.push(msg);
    this.nodes.push(node);
    this.msgs.push(msg);
    this.live++;
    this.bytes += HistoryBudget.cost(msg);
    while (history.length > perTopic) this.forget(history.shift()!);
    while (this.bytes > this.limitBytes && this.head < this.nodes.length) {
      const oldest = this.msgs[this.head];
      const h = this.nodes[this.head]?.history;
      this.nodes[this.head] = null;
      this.msgs[this.head] = null;
      this.head++;
      // Not at the head of its history: already trimmed by the per-topic cap or released.
      if (!h || h[0] !== oldest) continue;
      h.shift();
      this.forget(oldest!);
      this.dropped++;
    }
    this.compact();
  }

  /** Forgets every entry of a node (the node was removed). */
  release(node: TopicNode): void {
    for (const msg of node.history ?? []) this.forget(msg);
    node.history = null;
  }

  private forget(msg: StoredMessage): void {
    this.live--;
    this.bytes -= HistoryBudget.cost(msg);
  }

  /** Dead entries pile up when per-topic caps evict; rebuild the queue once they dominate. */
  private compact(): void {
    const length = this.nodes.length - this.head;
    if (length < 1024 || length < this.live * 2) return;
    const nodes: TopicNode[] = [];
    const msgs: StoredMessage[] = [];
    for (let i = this.head; i < this.nodes.length; i++) {
      const node = this.nodes[i];
      const msg = this.msgs[i];
      if (node && msg && node.history?.includes(msg)) {
        nodes.push(node);
        msgs.push(msg);
      }
    }
    this.nodes = nodes;
    this.msgs = msgs;
    this.head = 0;
  }

  get entryCount(): number {
    return this.live;
  }
}
