import type { TopicNode } from './types';

/** Separates names in the index text. MQTT topics never contain U+0000 (MQTT 5.0 §4.7.3). */
export const SEP = '\0';

/** Names per chunk: small enough to rebuild one cheaply, large enough that few indexOf calls scan everything. */
const CHUNK_NAMES = 4096;

interface Chunk {
  /** The chunk's distinct lower-cased names, each between separators: "\0name\0name\0". */
  readonly text: string;
  /** Where each distinct name starts in `text`. */
  readonly starts: Int32Array;
  /** The nodes in the order they were added, which keeps siblings together. */
  readonly nodes: readonly TopicNode[];
  /** Per node, which distinct name it has. */
  readonly nameOf: Uint16Array;
}

/**
 * Every level of a trie by its lower-cased name, as text that native `indexOf` searches.
 * "Filter topics" finds its text among the names and visits only the levels found, instead of
 * walking every node: with 1 000 000 bench topics that walk was the whole cost of a filter
 * (issue 9). Names repeat a lot (1 000 000 bench topics have ~300 distinct names), so each chunk
 * of 4096 nodes keeps each name once. Text rather than one map of all distinct names, because
 * device ids make most names unique: such a map would cost ~50 bytes per node and a JS loop over
 * a million keys per filter; this costs a name's characters plus ~10 bytes (pointer compression)
 * and scans at native speed. Found nodes come in the order they were added, not grouped by name:
 * the caller then marks siblings one after the other ("c" finds 1 000 000 bench leaves: 6× faster
 * so). Nodes are never removed from a trie, so neither are they from here.
 */
export class NameIndex {
  private readonly chunks: Chunk[] = [];
  private pendingNames: string[] = [];
  private pendingNodes: TopicNode[] = [];

  add(node: TopicNode): void {
    this.pendingNames.push(indexName(node.name));
    this.pendingNodes.push(node);
    if (this.pendingNames.length >= CHUNK_NAMES) this.seal();
  }

  /**
   * Calls `fn` once for every node whose lower-cased name contains `pattern`. A leading SEP
   * anchors the pattern at the start of a name, a trailing one at its end (SEP + name + SEP: exactly
   * that name). A lone SEP is no pattern. Stops when `fn` returns false.
   */
  find(pattern: string, fn: (node: TopicNode) => unknown): void {
    this.seal();
    const lead = pattern.startsWith(SEP);
    const trail = pattern.length > 1 && pattern.endsWith(SEP);
    // Search the pattern without its separators and check them after: a separator comes first in
    // every name, so indexOf would stop at each one.
    const core = pattern.slice(lead ? 1 : 0, trail ? -1 : pattern.length);
    const found = new Uint8Array(CHUNK_NAMES);
    for (const chunk of this.chunks) {
      const { text, starts, nodes, nameOf } = chunk;
      let any = false;
      if (core === '') {
        // Exactly the empty name: two separators in a row.
        const at = text.indexOf(SEP + SEP);
        if (at >= 0) {
          found[nameAt(starts, at + 1)] = 1;
          any = true;
        }
      } else {
        let at = text.indexOf(core);
        while (at >= 0) {
          const i = nameAt(starts, at);
          /** Position of the separator after name i. */
          const end = (i + 1 < starts.length ? starts[i + 1] : text.length) - 1;
          const ok = (!lead || at === starts[i]) && (!trail || at + core.length === end);
          if (ok) {
            found[i] = 1;
            any = true;
          }
          // Once found, or when it had to be at the name's start, go on with the next name.
          at = text.indexOf(core, ok || lead ? end : at + 1);
        }
      }
      if (!any) continue;
      for (let k = 0; k < nodes.length; k++) if (found[nameOf[k]] && fn(nodes[k]) === false) return;
      found.fill(0, 0, starts.length);
    }
  }

  /** Moves the pending names into a chunk, topping up the last chunk when it is small. */
  private seal(): void {
    if (this.pendingNames.length === 0) return;
    const last = this.chunks.at(-1);
    if (last && last.nodes.length + this.pendingNames.length <= CHUNK_NAMES) {
      const distinct: string[] = [];
      for (let i = 0; i < last.starts.length; i++) {
        distinct.push(last.text.slice(last.starts[i], (i + 1 < last.starts.length ? last.starts[i + 1] : last.text.length) - 1));
      }
      const names = Array.from(last.nameOf, (i) => distinct[i]);
      this.chunks[this.chunks.length - 1] = makeChunk([...names, ...this.pendingNames], [...last.nodes, ...this.pendingNodes]);
    } else this.chunks.push(makeChunk(this.pendingNames, this.pendingNodes));
    this.pendingNames = [];
    this.pendingNodes = [];
  }
}

function makeChunk(names: readonly string[], nodes: TopicNode[]): Chunk {
  const nameOf = new Uint16Array(names.length);
  const distinct = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    let g = distinct.get(names[i]);
    if (g === undefined) distinct.set(names[i], (g = distinct.size));
    nameOf[i] = g;
  }
  const starts = new Int32Array(distinct.size);
  let offset = 1;
  let g = 0;
  for (const name of distinct.keys()) {
    starts[g++] = offset;
    offset += name.length + 1;
  }
  return { text: SEP + [...distinct.keys()].join(SEP) + SEP, starts, nodes, nameOf };
}

/** Lower-cased name; the same string when it has no capitals, so no copy is kept. */
export function lowerName(name: string): string {
  const lower = name.toLowerCase();
  return lower === name ? name : lower;
}

/** The name as the index holds it: lower-cased, a (forbidden) U+0000 replaced so it cannot split the name. */
function indexName(name: string): string {
  const lower = lowerName(name);
  return lower.includes(SEP) ? lower.replaceAll(SEP, '\uFFFD') : lower;
}

/** Index of the name holding position `at`: the last start at or before it. */
function nameAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
