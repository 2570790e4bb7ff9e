import { HistoryBudget } from './HistoryBudget';
import { NameIndex } from './NameIndex';
import { naturalCompare } from './naturalCompare';
import { DEFAULT_LIMITS } from './defaultLimits';
import { LevelNames } from './LevelNames';
import { fromSmall, toSmall } from './smallTime';
import { Kids, TrieNode, type Busy } from './TrieNode';
import type { StoredMessage, TopicNode, TrieLimits } from './types';

/** Dense id → node table shared by every trie, so the UI can address nodes by a small number. */
export class NodeRegistry {
  private nodes: (TopicNode | undefined)[] = [undefined];

  allocate(): number {
    return this.nodes.length;
  }

  add(node: TopicNode): void {
    this.nodes[node.id] = node;
  }

  get(id: number): TopicNode | undefined {
    return this.nodes[id];
  }

  delete(id: number): void {
    this.nodes[id] = undefined;
  }
}

export function makeNode(registry: NodeRegistry, name: string, parent: TrieNode | null): TrieNode {
  const node = new TrieNode(registry.allocate(), name, parent);
  registry.add(node);
  return node;
}

export interface InsertResult {
  readonly node: TopicNode;
  /** True when this topic had never received a message before (a new row may appear). */
  readonly isNewTopic: boolean;
  /** True when new tree levels were created. */
  readonly createdLevels: boolean;
}

/**
 * Known topics skip the walk down the levels (one lookup instead of a slice and a lookup per
 * level: issue 9 profile). Capped, because with millions of topics the map would cost more memory
 * than it saves time; topics beyond the cap take the walk.
 */
const LEAF_CACHE_MAX = 200_000;

/** The live topic tree of one connection. Root = the connection; each level a node. */
export class TopicTrie {
  readonly root: TrieNode;
  topics = 0;
  droppedTopics = 0;
  private readonly leaves = new Map<string, TrieNode>();
  /** Every level by lower-cased name, for "Filter topics" (forEachMatch.ts). */
  readonly names = new NameIndex();
  /** One string per distinct level name ("temp" under a thousand devices is kept once). */
  private readonly levelNames = new LevelNames();
  /** Load shedding (engine/LoadShedder.ts): topics whose history is not kept right now. */
  shed: { readonly all: boolean; readonly nodes: ReadonlySet<TopicNode> } | null = null;

  constructor(
    private readonly registry: NodeRegistry,
    rootName: string,
    private readonly budget: HistoryBudget,
    private readonly limits: TrieLimits = DEFAULT_LIMITS,
  ) {
    this.root = makeNode(registry, rootName, null);
  }

  /** Records a message; returns null when the topic is new and the topic cap is reached. */
  insert(topic: string, msg: StoredMessage): InsertResult | null {
    let node = this.leaves.get(topic);
    let createdLevels = false;
    if (!node) {
      const leaf = this.walkDown(topic);
      if (!leaf) return null;
      node = leaf.node;
      createdLevels = leaf.createdLevels;
      if (this.leaves.size < LEAF_CACHE_MAX) this.leaves.set(topic, node);
    }
    const isNewTopic = node.count === 0;
    if (isNewTopic) {
      this.topics++;
      for (let n = node.parent; n; n = n.parent) n.kids!.topics++;
    }
    // A topic's first message is its own rate window (see Busy); the second one opens it.
    const busy = isNewTopic ? null : node.busyOf();
    node.count++;
    for (let n = node.parent; n; n = n.parent) n.kids!.messages++;
    const perTopic = this.limits.historyPerTopic;
    const keep = perTopic > 0 && (!this.shed || !(this.shed.all || this.shed.nodes.has(node)));
    // History first: turning "the last message only" into an array needs the previous last message.
    if (keep) this.budget.add(node, msg, perTopic);
    else if (node.hist) this.budget.release(node);
    node.setLast(msg);
    if (busy) bumpRate(busy, msg.receivedAt);
    if (keep) this.budget.trim();
    return { node, isNewTopic, createdLevels };
  }

  /** The node of `topic`, creating missing levels; null when a new topic would pass the topic cap. */
  private walkDown(topic: string): { node: TrieNode; createdLevels: boolean } | null {
    let node = this.root;
    let createdLevels = false;
    let start = 0;
    for (;;) {
      let end = topic.indexOf('/', start);
      if (end < 0) end = topic.length;
      let level = topic.slice(start, end);
      let child = node.kids?.map.get(level);
      if (!child) {
        if (this.topics >= this.limits.maxTopics) {
          this.droppedTopics++;
          return null;
        }
        level = this.levelNames.intern(level);
        child = makeNode(this.registry, level, node);
        const kids = (node.kids ??= new Kids());
        kids.map.set(level, child);
        kids.sorted = null;
        this.names.add(child);
        createdLevels = true;
      }
      node = child;
      if (end === topic.length) break;
      start = end + 1;
    }
    return { node, createdLevels };
  }

  find(topic: string): TopicNode | undefined {
    let node: TopicNode | undefined = this.root;
    for (const level of topic.split('/')) {
      node = node.children?.get(level);
      if (!node) return undefined;
    }
    return node;
  }

  /** Marks every topic stale (after a reconnect), until fresh messages arrive. */
  markAllStale(): void {
    walk(this.root, (n) => {
      if (n.count > 0) (n as TrieNode).stale = true;
    });
  }

  /** Messages/s of a topic over the last full second. */
  rateOf(topicNode: TopicNode, now: number): number {
    const node = topicNode as TrieNode;
    if (node.count === 0) return 0;
    const busy = node.busy;
    const since = now - fromSmall(busy ? busy.win : node.at);
    if (since >= 2000) return 0;
    if (since >= 1000) return busy ? busy.winCount : 1;
    return busy ? busy.rate : 0;
  }
}

function bumpRate(busy: Busy, now: number): void {
  const since = now - fromSmall(busy.win);
  if (since >= 1000) {
    busy.rate = since < 2000 ? busy.winCount : 0;
    busy.win = toSmall(now);
    busy.winCount = 0;
  }
  busy.winCount++;
}

/** Full topic of a node (without the connection root). */
export function topicOf(node: TopicNode): string {
  const parts: string[] = [];
  for (let n: TopicNode | null = node; n && n.parent; n = n.parent) parts.push(n.name);
  return parts.reverse().join('/');
}

/** Root (connection) node of any node. */
export function rootOf(node: TopicNode): TopicNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** Depth-first walk without recursion (topics can be thousands of levels deep). */
export function walk(root: TopicNode, fn: (node: TopicNode) => void): void {
  const stack: TopicNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    fn(n);
    if (n.children) for (const c of n.children.values()) stack.push(c);
  }
}

/** Display order of sibling levels: natural sort, so line2 comes before line10. */
export const compareNames = (a: TopicNode, b: TopicNode): number => naturalCompare(a.name, b.name);

/** Children in display order (natural sort, so line2 comes before line10); cached until a child is added. */
export function sortedChildren(node: TopicNode): TopicNode[] {
  if (!node.children) return [];
  if (!node.sorted) node.sorted = [...node.children.values()].sort(compareNames);
  return node.sorted;
}
