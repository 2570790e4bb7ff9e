import { LAST_ONLY, type TrieNode } from './TrieNode';
import type { StoredMessage } from './types';

/**
 * The history of a topic whose entries the budget dropped: shared, so a million such topics do not
 * each keep an empty array (with room for 16 entries, ~80 bytes). Never pushed to (see add).
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
 *
 * A history of one entry is the topic's last message, kept by the node anyway: `node.hist` is then
 * LAST_ONLY rather than an array of one message object (TrieNode.ts).
 */
export class HistoryBudget {
  private nodes: (TrieNode | null)[] = [];
  private head = 0;
  private live = 0;
  bytes = 0;
  dropped = 0;

  constructor(private readonly limitBytes: number) {}

  static cost(msg: StoredMessage): number {
    return (msg.heldBytes ?? msg.payload.length) + ENTRY_OVERHEAD;
  }

  /** Appends msg to node's history and trims it to `perTopic`; the node's last message becomes msg. */
  push(node: TrieNode, msg: StoredMessage, perTopic: number): void {
    this.add(node, msg, perTopic);
    node.setLast(msg);
    this.trim();
  }

  /**
   * Appends msg to node's history, trimming that history to `perTopic`. Called while the node's last
   * message is still the previous one, which it then becomes (TrieNode.setLast); trim() next.
   */
  add(node: TrieNode, msg: StoredMessage, perTopic: number): void {
    const h = node.hist;
    this.nodes.push(node);
    this.live++;
    this.bytes += HistoryBudget.cost(msg);
    if (h === LAST_ONLY && perTopic === 1) {
      this.forgetLast(node);
      node.historyDead++;
      return;
    }
    let history: StoredMessage[];
    if (h === LAST_ONLY) node.hist = history = [node.lastForHistory(), msg];
    else if (h === null || h.length === 0) {
      node.hist = LAST_ONLY;
      return;
    } else (history = h).push(msg);
    while (history.length > perTopic) {
      this.forget(history.shift()!);
      node.historyDead++;
    }
    // Only msg left, which the node keeps as its last message anyway.
    if (history.length === 1) node.hist = LAST_ONLY;
  }

  /** Drops the oldest entries across all topics while over the byte budget. */
  trim(): void {
    while (this.bytes > this.limitBytes && this.head < this.nodes.length) {
      const oldest = this.nodes[this.head]!;
      this.nodes[this.head] = null;
      this.head++;
      if (oldest.historyDead > 0) {
        oldest.historyDead--;
        continue;
      }
      const h = oldest.hist;
      if (h === LAST_ONLY) this.forgetLast(oldest);
      else {
        const msg = h?.shift();
        if (!msg) continue;
        this.forget(msg);
      }
      if (oldest.hist!.length === 0) oldest.hist = EMPTY;
      this.dropped++;
    }
    this.compact();
  }

  /** Forgets every entry of a node (its history is shed), before its next last message is set. */
  release(node: TrieNode): void {
    const h = node.hist;
    if (h === LAST_ONLY) {
      this.forgetLast(node);
      node.historyDead++;
    } else {
      for (const msg of h ?? []) {
        this.forget(msg);
        node.historyDead++;
      }
    }
    node.hist = null;
  }

  private forgetLast(node: TrieNode): void {
    this.live--;
    this.bytes -= node.lastHeldBytes() + ENTRY_OVERHEAD;
  }

  private forget(msg: StoredMessage): void {
    this.live--;
    this.bytes -= HistoryBudget.cost(msg);
  }

  /** Dead entries pile up when per-topic caps evict; rebuild the queue once they dominate. */
  private compact(): void {
    const length = this.nodes.length - this.head;
    if (length < 1024 || length < this.live * 2) return;
    const nodes: TrieNode[] = [];
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
