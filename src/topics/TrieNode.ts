import { KeptMessage } from './KeptMessage';
import { fromSmall, toSmall } from './smallTime';
import type { StoredMessage, TopicNode } from './types';

/** `bits` of a node whose `body` is the last message itself (it did not pack: see setLast). */
const OBJECT = -1;
/** Sizes from here on do not fit `bits` as a small integer (size << 6 stays below 2^30). */
const MAX_PACKED_SIZE = 1 << 24;

/**
 * History that is exactly the last message: most topics of a big broker get one message, and an
 * array of one plus the message object cost ~60 bytes per topic (issue 17). Never pushed to.
 */
export const LAST_ONLY: StoredMessage[] = [];
/** The history of a topic whose entries the budget dropped: one shared empty array. Never pushed to. */
const DROPPED_ALL: StoredMessage[] = [];
/** History states (TrieNode.hist). */
const NONE = 0;
const ONE = 1;
const DROPPED = 2;
const ARRAY = 3;

/** Children of an inner node and what is counted below it: leaves (most nodes) carry none of it. */
export class Kids {
  readonly map = new Map<string, TrieNode>();
  /** Children in display order; null when a child was added since. */
  sorted: TrieNode[] | null = null;
  /** Messages on the topics below (not on the node itself). */
  messages = 0;
  /** Topics below (the node itself not included). */
  topics = 0;
}

/**
 * What only topics with a second message need: the rate window, the first time, and queue entries
 * of HistoryBudget that are dead already. A topic with one message reads these from its last
 * message (first time = window start = its time, one message in the window).
 */
export class Busy {
  rate = 0;
  dead = 0;
  /** The kept messages when more than the last one (TrieNode.hist). */
  hist: StoredMessage[] | null = null;

  constructor(
    /** First message's time, small. */
    readonly first: number,
    /** Start of the current one-second window, small. */
    public win: number,
    public winCount: number,
  ) {}
}

/**
 * One level of a topic tree: a million of them are most of a big broker's memory (issue 17), so a
 * node has one shape and few fields. Its last message is kept as its parts (text or bytes, packed
 * bits, a small time) and made into a StoredMessage when read; children, display order and subtree
 * counts sit in `kids`, only on inner nodes; the rate window in `busy`, only on busy topics.
 */
export class TrieNode implements TopicNode {
  kids: Kids | null = null;
  /** The last message's text or bytes, or the message itself when `bits` is OBJECT; null before any. */
  body: string | Uint8Array | StoredMessage | null = null;
  /** The last message's size << 6 | kind << 3 | retain << 2 | qos (KeptMessage.bits), or OBJECT. */
  bits = 0;
  /** The last message's time, small (smallTime.ts). */
  at = 0;
  count = 0;
  busy: Busy | null = null;
  /** depth << 3 | history state << 1 | stale; history states: see `hist`. */
  private meta: number;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly parent: TrieNode | null,
  ) {
    this.meta = parent ? (parent.depth + 1) << 3 : 0;
  }

  get depth(): number {
    return this.meta >> 3;
  }

  /**
   * The kept messages, oldest first: null when none are kept; LAST_ONLY for the last message only;
   * an empty array when the budget dropped them. Held as two bits of `meta`, an array in `busy`.
   */
  get hist(): StoredMessage[] | null {
    switch ((this.meta >> 1) & 3) {
      case NONE:
        return null;
      case ONE:
        return LAST_ONLY;
      case DROPPED:
        return DROPPED_ALL;
      default:
        return this.busy!.hist;
    }
  }

  set hist(h: StoredMessage[] | null) {
    const state = h === null ? NONE : h === LAST_ONLY ? ONE : h.length === 0 ? DROPPED : ARRAY;
    if (state === ARRAY) this.busyOf().hist = h;
    else if (this.busy) this.busy.hist = null;
    this.meta = (this.meta & ~6) | (state << 1);
  }

  get stale(): boolean {
    return (this.meta & 1) !== 0;
  }

  set stale(on: boolean) {
    this.meta = on ? this.meta | 1 : this.meta & ~1;
  }

  get children(): ReadonlyMap<string, TrieNode> | null {
    return this.kids ? this.kids.map : null;
  }

  get sorted(): TrieNode[] | null {
    return this.kids ? this.kids.sorted : null;
  }

  set sorted(list: TrieNode[] | null) {
    if (this.kids) this.kids.sorted = list;
  }

  get subtreeCount(): number {
    return this.kids ? this.count + this.kids.messages : this.count;
  }

  get topicCount(): number {
    return (this.count > 0 ? 1 : 0) + (this.kids ? this.kids.topics : 0);
  }

  get firstAt(): number {
    if (this.count === 0) return 0;
    return fromSmall(this.busy ? this.busy.first : this.at);
  }

  get historyDead(): number {
    return this.busy ? this.busy.dead : 0;
  }

  set historyDead(n: number) {
    if (this.busy || n !== 0) this.busyOf().dead = n;
  }

  /** The rate window and the rest, made when a topic gets its second message (or dead entries). */
  busyOf(): Busy {
    return (this.busy ??= new Busy(this.at, this.at, this.count > 0 ? 1 : 0));
  }

  /** Keeps msg as the last message: its parts when it is a plain KeptMessage, else itself. */
  setLast(msg: StoredMessage): void {
    if (msg instanceof KeptMessage && msg.rare === undefined && msg.size < MAX_PACKED_SIZE) {
      this.body = msg.body;
      this.bits = msg.size * 64 + msg.bits;
      this.at = msg.at;
    } else {
      this.body = msg;
      this.bits = OBJECT;
      this.at = toSmall(msg.receivedAt);
    }
    this.meta &= ~1;
  }

  /** Last message on exactly this topic, null for pure levels. */
  get last(): StoredMessage | null {
    const h = this.hist;
    if (h !== null && h.length > 0) return h[h.length - 1];
    if (this.body === null) return null;
    return this.bits === OBJECT ? (this.body as StoredMessage) : unpacked(this);
  }

  /** The last message as an object of its own (for a history array), without the readers' cache. */
  lastForHistory(): StoredMessage {
    if (this.bits === OBJECT) return this.body as StoredMessage;
    return new KeptMessage(this.body as string | Uint8Array, this.bits >>> 6, this.bits & 63, this.at, undefined);
  }

  get history(): readonly StoredMessage[] | null {
    return this.hist === LAST_ONLY ? [this.last!] : this.hist;
  }

  /** Bytes the last message holds, as HistoryBudget counts them, without making it. */
  lastHeldBytes(): number {
    const b = this.body;
    if (b === null) return 0;
    if (this.bits !== OBJECT) return (b as string | Uint8Array).length;
    const m = b as StoredMessage;
    return m.heldBytes ?? m.payload.length;
  }
}

/**
 * Last messages made from node parts lately, so a row or the detail read several times (each
 * refresh) is one object, with its preview made once. Bounded: a wildcard alarm rule may read
 * every node once.
 */
const made = new Map<TrieNode, KeptMessage>();
const MADE_MAX = 512;

function unpacked(node: TrieNode): KeptMessage {
  const body = node.body as string | Uint8Array;
  const size = node.bits >>> 6;
  const bits = node.bits & 63;
  const known = made.get(node);
  if (known && known.body === body && known.at === node.at && known.bits === bits && known.size === size) return known;
  if (made.size >= MADE_MAX) made.clear();
  const msg = new KeptMessage(body, size, bits, node.at, undefined);
  made.set(node, msg);
  return msg;
}
