import { compileFilter, isValidFilter, isWildcardFilter, type TopicMatcher } from './mqttFilter';
import { forEachMatch } from './forEachMatch';
import { naturalCompare } from './naturalCompare';
import { compareNames, sortedChildren, type TopicTrie } from './TopicTrie';
import type { TopicNode, TreeRow } from './types';


/** Rows above this many rebuild at most every REBUILD_THROTTLE_MS while topics stream in. */
const LARGE_TREE_ROWS = 20_000;
const REBUILD_THROTTLE_MS = 250;

/**
 * The flattened, visible part of all topic tries: expansion state, filter, and the row list the
 * virtualized UI tree scrolls through. Only rows in the UI's window are ever serialized.
 */
export class TreeView {
  private readonly expanded = new Set<number>();
  /** In filter mode everything matching is expanded unless the user collapsed it. */
  private readonly collapsedInFilter = new Set<number>();
  private filterText = '';
  private matcher: ((topic: string) => boolean) | null = null;
  private mark = 0;
  /** Filter stamp per node id (ids are dense): made by the first filter, rather than a field on every node. */
  private marks = new Int32Array(0);
  /** Per node, its children that match the filter: a big tree is not scanned again to list them. */
  private matched = new Map<TopicNode, TopicNode[]>();
  /** Lists of `matched` already in display order. */
  private readonly sorted = new Set<TopicNode[]>();
  private rows: TopicNode[] = [];
  private parents: number[] = [];
  private dirty = true;
  private lastRebuild = 0;
  version = 0;

  constructor(private readonly tries: () => readonly TopicTrie[]) {
    // The first comparison of two names sets up the sort order (~10 ms, naturalCompare.ts): here,
    // at start-up, rather than in the first filter typed into a tree whose root has one child.
    naturalCompare('a', 'b');
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.collapsedInFilter.clear();
    this.matcher = this.filterText ? makeMatcher(this.filterText) : null;
    this.mark++;
    if (!this.matcher) this.marks = new Int32Array(0);
    this.matched = new Map();
    this.sorted.clear();
    if (this.matcher) for (const trie of this.tries()) this.markMatches(trie);
    this.dirty = true;
    this.lastRebuild = 0;
  }

  isExpanded(node: TopicNode): boolean {
    if (!node.parent) return !this.expanded.has(-node.id); // roots start expanded
    if (this.matcher) return this.collapsedInFilter.size === 0 || !this.collapsedInFilter.has(node.id);
    return this.expanded.has(node.id);
  }

  setExpanded(node: TopicNode, open: boolean): void {
    if (!node.parent) {
      if (open) this.expanded.delete(-node.id);
      else this.expanded.add(-node.id);
    } else if (this.matcher) {
      if (open) this.collapsedInFilter.delete(node.id);
      else this.collapsedInFilter.add(node.id);
    } else if (open) this.expanded.add(node.id);
    else this.expanded.delete(node.id);
    this.dirty = true;
    this.lastRebuild = 0;
  }

  /** Expands every ancestor so a node becomes a visible row; returns its index after rebuild. */
  reveal(node: TopicNode, now: number): number {
    for (let n = node.parent; n; n = n.parent) this.setExpanded(n, true);
    this.rebuildIfNeeded(now);
    return this.rows.indexOf(node);
  }

  /** Called for each new topic; keeps filter marks current and flags a rebuild. */
  onStructureChange(node: TopicNode, topic: string): void {
    if (this.matcher && this.matcher(topic)) this.markUp(node);
    this.dirty = true;
  }

  markDirty(): void {
    this.dirty = true;
  }

  /** New topics or an expansion changed the tree since the row list was last built. */
  get needsRebuild(): boolean {
    return this.dirty;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** Rebuilds the row list if needed; returns true when it changed. */
  rebuildIfNeeded(now: number): boolean {
    if (!this.dirty) return false;
    if (this.rows.length > LARGE_TREE_ROWS && now - this.lastRebuild < REBUILD_THROTTLE_MS) return false;
    this.lastRebuild = now;
    this.dirty = false;
    const rows: TopicNode[] = [];
    const parents: number[] = [];
    // Iterative DFS; two parallel stacks (node, parent row) rather than an object per row.
    const stack: TopicNode[] = [];
    const stackParents: number[] = [];
    const tries = this.tries();
    for (let i = tries.length - 1; i >= 0; i--) {
      stack.push(tries[i].root);
      stackParents.push(-1);
    }
    while (stack.length) {
      const node = stack.pop()!;
      const index = rows.length;
      rows.push(node);
      parents.push(stackParents.pop()!);
      if (!node.children || !this.isExpanded(node)) continue;
      // Filtering a big tree: only the matching children, collected while marking.
      const children = this.matcher ? this.matchingChildren(node) : sortedChildren(node);
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push(children[i]);
        stackParents.push(index);
      }
    }
    this.rows = rows;
    this.parents = parents;
    this.version++;
    return true;
  }

  indexOf(node: TopicNode): number {
    return this.rows.indexOf(node);
  }

  nodeAt(index: number): TopicNode | undefined {
    return this.rows[index];
  }

  window(start: number, count: number, rateNow: number): TreeRow[] {
    const end = Math.min(this.rows.length, start + count);
    const out: TreeRow[] = [];
    for (let i = Math.max(0, start); i < end; i++) out.push(this.toRow(i, rateNow));
    return out;
  }

  private toRow(index: number, _now: number): TreeRow {
    const node = this.rows[index];
    const hasChildren = !!node.children && node.children.size > 0;
    const row: TreeRow = {
      id: node.id,
      depth: node.depth,
      name: node.name,
      hasChildren,
      expanded: hasChildren && this.isExpanded(node),
      parentIndex: this.parents[index],
      count: node.subtreeCount,
      topics: node.topicCount,
    };
    // Made from the node's parts on each read (TrieNode.last): read once.
    const last = node.last;
    if (!last) return row;
    return {
      ...row,
      preview: last.preview,
      retained: last.retain,
      lastAt: last.receivedAt,
      stale: node.stale || undefined,
    };
  }

  private markMatches(trie: TopicTrie): void {
    forEachMatch(trie, this.filterText, (node) => this.markUp(node));
    this.stamp(trie.root);
  }

  private stamp(node: TopicNode): void {
    const id = node.id;
    if (id >= this.marks.length) {
      const grown = new Int32Array(Math.max(id + 1, this.marks.length * 2, 1024));
      grown.set(this.marks);
      this.marks = grown;
    }
    this.marks[id] = this.mark;
  }

  /** A node's children that match the filter, in display order. */
  private matchingChildren(node: TopicNode): TopicNode[] {
    let list = this.matched.get(node);
    if (!list) return [];
    if (list.length > 1 && !this.sorted.has(list)) {
      // Every child matches: the display order cached on the node serves (and is kept for the next filter).
      if (list.length === node.children?.size) this.matched.set(node, (list = sortedChildren(node).slice()));
      else list.sort(compareNames);
      this.sorted.add(list);
    }
    return list;
  }

  /** Marks a matching topic and its ancestors visible, each in its parent's list of matching children. */
  private markUp(node: TopicNode): void {
    for (let n: TopicNode | null = node; n && this.marks[n.id] !== this.mark; n = n.parent) {
      this.stamp(n);
      const parent = n.parent;
      if (!parent) continue;
      const siblings = this.matched.get(parent);
      if (!siblings) this.matched.set(parent, [n]);
      else {
        siblings.push(n);
        if (this.sorted.size) this.sorted.delete(siblings); // a topic arrived while filtering
      }
    }
  }
}

/** "+"/"#" make an MQTT filter; anything else is a case-insensitive substring of the full topic. */
function makeMatcher(text: string): (topic: string) => boolean {
  if (isWildcardFilter(text) && isValidFilter(text)) {
    const m: TopicMatcher = compileFilter(text);
    return m;
  }
  const needle = text.toLowerCase();
  return (topic) => topic.toLowerCase().includes(needle);
}
