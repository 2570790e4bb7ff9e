// Type-only (no runtime code): part of the worker⇄UI contract (src/engine/protocol.ts).
import type { MessageProperties, QoS } from '../mqtt/types';
import type { PayloadKind } from '../payload/types';

/** One received message as kept for display (payload cut to MAX_STORED_PAYLOAD, real size in `size`). */
export interface StoredMessage {
  readonly payload: Uint8Array;
  readonly size: number;
  readonly kind: PayloadKind;
  readonly preview: string;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly receivedAt: number;
  readonly properties?: MessageProperties;
  /** Memory held for the payload, when cheaper to know than `payload.length` (text kept as text). */
  readonly heldBytes?: number;
  /** Decoded form of a payload that is not text (Sparkplug B: pretty JSON with metric names), made when read. */
  readonly decodedText?: string;
}

/** A level of a topic tree as the rest of the engine reads it (TrieNode.ts holds it compactly). */
export interface TopicNode {
  readonly id: number;
  readonly name: string;
  readonly parent: TopicNode | null;
  readonly depth: number;
  readonly children: ReadonlyMap<string, TopicNode> | null;
  /** Children sorted for display; null when a child was added since. */
  sorted: TopicNode[] | null;
  /** Last message on exactly this topic, null for pure levels. */
  readonly last: StoredMessage | null;
  /** Kept messages, oldest first; null when none are kept (no history, or load shedding). */
  readonly history: readonly StoredMessage[] | null;
  /** Messages on exactly this topic. */
  readonly count: number;
  /** Messages on this topic and below. */
  readonly subtreeCount: number;
  /** Topics (levels with a message) at and below this node. */
  readonly topicCount: number;
  /** Time of the first message, 0 before any. */
  readonly firstAt: number;
  /** Marked after a reconnect until a fresh message arrives. */
  readonly stale: boolean;
}

export interface TrieLimits {
  /** Most messages kept per topic in its history (the last message included). */
  readonly historyPerTopic: number;
  /** Bytes of payload kept across all histories before the oldest entries are dropped. */
  readonly historyBytes: number;
  /** Most payload bytes kept per message for display. */
  readonly maxStoredPayload: number;
  /** Most distinct topics per connection; later new topics are counted as dropped. */
  readonly maxTopics: number;
}


/** One visible row of the tree, as sent to the UI. */
export interface TreeRow {
  readonly id: number;
  readonly depth: number;
  readonly name: string;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** Index of the parent row, -1 for roots. */
  readonly parentIndex: number;
  /** Messages at and below this level. */
  readonly count: number;
  /** Topics at and below this level. */
  readonly topics: number;
  /** Preview of the last payload on exactly this topic. */
  readonly preview?: string;
  readonly retained?: boolean;
  readonly lastAt?: number;
  readonly stale?: boolean;
}
