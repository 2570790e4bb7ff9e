import { fromSmall, toSmall } from './smallTime';
import type { StoredMessage, TopicNode } from './types';

/** Not set yet: read as 0, like the plain numbers these were (the rate window then opens at once). */
const NEVER = -1_000_000_000;

/**
 * One level of a topic tree. A class rather than an object literal so every node has one shape,
 * with times kept small (smallTime.ts) behind accessors: a million nodes are most of a big
 * broker's memory (issue 17).
 */
export class TrieNode implements TopicNode {
  children: Map<string, TopicNode> | null = null;
  sorted: TopicNode[] | null = null;
  last: StoredMessage | null = null;
  history: StoredMessage[] | null = null;
  historyDead = 0;
  count = 0;
  subtreeCount = 0;
  topicCount = 0;
  stale = false;
  filterMark = 0;
  winCount = 0;
  rate = 0;
  private first = NEVER;
  private win = NEVER;
  readonly depth: number;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly parent: TopicNode | null,
  ) {
    this.depth = parent ? parent.depth + 1 : 0;
  }

  get firstAt(): number {
    return this.first === NEVER ? 0 : fromSmall(this.first);
  }

  set firstAt(t: number) {
    this.first = toSmall(t);
  }

  get winStart(): number {
    return this.win === NEVER ? 0 : fromSmall(this.win);
  }

  set winStart(t: number) {
    this.win = toSmall(t);
  }
}
