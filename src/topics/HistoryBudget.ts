import type { StoredMessage, TopicNode } from './types';

/**
 * The history of a topic whose entries the budget dropped: shared, so a million such topics do not
 * each keep an empty array (with room for 16 entries, ~80 bytes). Never pushed to (see push).
 */
const EMPTY: StoredMessage[] = [];

/** Per-entry bookkeeping cost on top of the payload bytes (object headers, typed array). */
const ENTRY_OVERHEAD = 200;

/**
 * Bounds the bytes held by all topic histories together. Entries are dropped oldest-first across
 * every topic when the budget is exceeded, and counted so the UI can say what was dropped.
 *
 * The global queue holds only nodes, one entry per message in arrival order, never the messages:
 * a message a topic's own cap evicts must be garbage at once (the queue used to keep up to as many
 * evicted messages as live ones until it compacted, a ±1 MB saw in the soak, issue 9). Because a
 * topic's history and the queue are both in arrival order, the evicted messages of a topic are
 * always its oldest queue entries: `node.historyDead` counts them, and popping the queue skips
 * that many entries of the node before the next one stands for `node.history[0]`.
 */
export class HistoryBudget {
  private nodes: (TopicNode | null)[] = [];
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
    let history = node.history;
    // A first entry gets an array of exactly one: most topics of a big broker get one message.
    if (!history || history.length === 0) node.history = history = [msg];
    else history.push(msg);
    this.nodes.push(node);
    this.live++;
    this.bytes += HistoryBudget.cost(msg);
    while (history.length > perTopic) {
      this.forget(history.shift()!);
      node.historyDead++;
    }
    while (this.bytes > this.limitBytes && this.head < this.nodes.length) {
      const oldest = this.nodes[this.head]!;
      this.nodes[this.head] = null;
      this.head++;
      if (oldest.historyDead > 0) {
        oldest.historyDead--;
        continue;
      }
      const msg = oldest.history?.shift();
      if (!msg) continue;
      if (oldest.history!.length === 0) oldest.history = EMPTY;
      this.forget(msg);
      this.dropped++;
    }
    this.compact();
  }

  /** Forgets every entry of a node (the node was removed, or its history is shed). */
  release(node: TopicNode): void {
    for (const msg of node.history ?? []) {
      this.forget(msg);
      node.historyDead++;
    }
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
    for (let i = this.head; i < this.nodes.length; i++) {
      const node = this.nodes[i]!;
      // A node's dead entries come first in the queue: drop exactly that many.
      if (node.historyDead > 0) node.historyDead--;
      else nodes.push(node);
    }
    this.nodes = nodes;
    this.head = 0;
  }

  get entryCount(): number {
    return this.live;
  }
}
