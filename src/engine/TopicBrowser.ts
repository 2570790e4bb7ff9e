import { TreeView, type TopicNode, type TopicTrie } from '../topics';
import type { TopicDetail, TreeSnapshot } from './protocol';
import { topicDetail } from './topicDetail';

/** Tree values (counts, previews) refresh at most this often (4×/s is as fast as anyone reads a count;
 * each refresh re-lays out every visible row); structure and user actions go out next frame. */
const TREE_VALUE_MS = 250;
const DETAIL_MS = 200;

type Owner = { readonly connectionId: string; readonly trie: TopicTrie } | undefined;

/**
 * What the UI looks at in the topic tree: the visible window of rows, expansion and filter, the
 * selected topic and its detail; and when each of those is due in the next delta.
 */
export class TopicBrowser {
  readonly tree: TreeView;
  private start = 0;
  private count = 0;
  private revealIndex: number | undefined;
  private structureDirty = true;
  private valuesDirty = false;
  private lastValuesAt = 0;
  private selectedNode: TopicNode | null = null;
  private detailDirty = false;
  private lastDetailAt = 0;

  /** @param ownerOf the connection (id and trie) whose tree holds a node */
  constructor(
    tries: () => readonly TopicTrie[],
    private readonly ownerOf: (node: TopicNode) => Owner,
  ) {
    this.tree = new TreeView(tries);
  }

  get selected(): TopicNode | null {
    return this.selectedNode;
  }

  setWindow(start: number, count: number): void {
    this.start = start;
    this.count = count;
    this.structureDirty = true;
  }

  setExpanded(node: TopicNode | undefined, expanded: boolean): void {
    if (node) this.tree.setExpanded(node, expanded);
    this.structureDirty = true;
  }

  setFilter(text: string): void {
    this.tree.setFilter(text);
    this.structureDirty = true;
  }

  select(node: TopicNode | null): void {
    this.selectedNode = node;
    this.detailDirty = true;
    this.lastDetailAt = 0;
  }

  /** Expands the way to `node`, selects it, and has the UI scroll to its row. */
  reveal(node: TopicNode | null, now: number): void {
    if (node) this.revealIndex = this.tree.reveal(node, now);
    this.structureDirty = true;
    this.select(node);
  }

  /** A connection came or went: the row list changes now. */
  connectionsChanged(): void {
    this.tree.markDirty();
    this.structureDirty = true;
  }

  /** A message was stored on `node` (`structural` when it made a new topic or level). */
  onMessage(node: TopicNode, topic: string, structural: boolean): void {
    if (structural) this.tree.onStructureChange(node, topic);
    if (node === this.selectedNode) this.detailDirty = true;
    this.valuesDirty = true;
  }

  /** Counts, rates or stale marks changed without a message (tick, stale after reconnect, topic cap). */
  valuesChanged(): void {
    this.valuesDirty = true;
  }

  /**
   * The tree part of the next delta, or undefined when none is due. `later` asks for another
   * frame when something changed but is not due yet.
   */
  snapshot(now: number, later: () => void): TreeSnapshot | undefined {
    // New topics change the row list, but like values they go out at most every TREE_VALUE_MS
    // (a flood of new topics otherwise rebuilt and re-rendered the tree every frame); the user's
    // own actions (expand, filter, reveal: structureDirty) go out in the next frame.
    const due = now - this.lastValuesAt >= TREE_VALUE_MS;
    const userAction = this.structureDirty;
    const rebuilt = (userAction || due) && this.tree.rebuildIfNeeded(now);
    if (!rebuilt && !userAction && !(this.valuesDirty && due)) {
      if (this.valuesDirty || this.tree.needsRebuild) later();
      return undefined;
    }
    this.structureDirty = false;
    this.valuesDirty = false;
    this.lastValuesAt = now;
    const snapshot: TreeSnapshot = {
      total: this.tree.rowCount,
      start: this.start,
      rows: this.tree.window(this.start, this.count, now),
      version: this.tree.version,
      revealIndex: this.revealIndex,
    };
    this.revealIndex = undefined;
    return snapshot;
  }

  /** The detail part of the next delta (`null` = selection cleared), or undefined when none is due. */
  detail(now: number, later: () => void): TopicDetail | null | undefined {
    if (!this.detailDirty) return undefined;
    if (now - this.lastDetailAt < DETAIL_MS) {
      later();
      return undefined;
    }
    this.detailDirty = false;
    this.lastDetailAt = now;
    const node = this.selectedNode;
    return node ? topicDetail(node, this.ownerOf(node), now) : null;
  }
}
