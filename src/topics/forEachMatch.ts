import { isValidFilter, isWildcardFilter } from './mqttFilter';
import { lowerName, SEP, type NameIndex } from './NameIndex';
import type { TopicNode } from './types';

/** What matching needs of a trie: its root and its name index. */
export interface MatchTarget {
  readonly root: TopicNode;
  readonly names: NameIndex;
}

/**
 * Calls `hit` for every topic (node with messages) of `trie` whose full topic matches the
 * "Filter topics" text, without visiting every node: with 1 000 000 topics a walk over all of
 * them took most of the 200 ms budget (issue 9).
 * - An MQTT filter (`+`, `#`) is matched level by level from the root, looking literal levels up
 *   directly, so only branches that can match are visited.
 * - Other text is a case-insensitive substring of the full topic. Text without `/` is found in
 *   the distinct level names of the trie's NameIndex: a topic contains it exactly when one of its
 *   levels does. Text `x/…/y` spans levels: a level ending in `x`, whole levels in between, a level
 *   starting with `y`. Either way, once a level completes a match its whole subtree matches.
 *   Lower-casing level by level gives the same text as lower-casing the full topic, because no
 *   case mapping looks across a `/` (final sigma only looks at cased and case-ignorable neighbours).
 */
export function forEachMatch(trie: MatchTarget, text: string, hit: (node: TopicNode) => void): void {
  if (isWildcardFilter(text) && isValidFilter(text)) matchFilter(trie.root, text.split('/'), hit);
  else forEachTopicBelow(substringRoots(trie, text.toLowerCase()), hit);
}

function matchFilter(root: TopicNode, levels: readonly string[], hit: (node: TopicNode) => void): void {
  const last = levels.length - 1;
  // Filters starting with a wildcard never match topics starting with `$` (MQTT 5.0 §4.7.2).
  const skipDollar = levels[0] === '+' || levels[0] === '#';
  // Two parallel stacks: a node, and the filter level its children are matched against.
  const nodes: TopicNode[] = [root];
  const at: number[] = [0];
  const visit = (child: TopicNode, level: number): void => {
    if (level === last) {
      if (child.count > 0) hit(child);
    } else if (child.children || levels[level + 1] === '#') {
      nodes.push(child);
      at.push(level + 1);
    }
  };
  while (nodes.length) {
    const node = nodes.pop()!;
    const level = at.pop()!;
    const f = levels[level];
    if (f === '#') {
      // "a/#" also matches "a".
      if (level > 0 && node.count > 0) hit(node);
      const below: TopicNode[] = [];
      for (const c of node.children?.values() ?? []) if (!(level === 0 && skipDollar && c.name.startsWith('$'))) below.push(c);
      forEachTopicBelow(below, hit);
    } else if (f === '+') {
      for (const c of node.children?.values() ?? []) if (!(level === 0 && skipDollar && c.name.startsWith('$'))) visit(c, level);
    } else {
      const c = node.children?.get(f);
      if (c) visit(c, level);
    }
  }
}

/** The levels where a match of `needle` (lower-cased) completes: every topic at and below them matches. */
function substringRoots({ root, names }: MatchTarget, needle: string): TopicNode[] {
  const out: TopicNode[] = [];
  if (needle.length === 0) {
    for (const c of root.children?.values() ?? []) out.push(c);
    return out;
  }
  // Topics never hold U+0000 (MQTT 5.0 §4.7.3), and the index uses it to separate names.
  if (needle.includes(SEP)) return out;
  const parts = needle.split('/');
  if (parts.length === 1) {
    names.find(needle, (n) => out.push(n));
    return out;
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  /** Whether the level before `n` ends with `first`: the root is no level, the topic starts at its children. */
  const afterFirst = (n: TopicNode) => n.parent !== root && lowerName(n.parent!.name).endsWith(first);
  if (parts.length === 2) {
    // "/" alone: every topic of two levels or more; the second levels hold all the others.
    if (!first && !last) return childrenWhere([...(root.children?.values() ?? [])], () => true);
    // "x/y": a level ending in x with a child starting with y. Start from the side with fewer nodes:
    // the longer part is likely the rarer, so collect its side, the other only while it is smaller.
    let ending: TopicNode[] | null = null;
    let starting: TopicNode[] | null = null;
    if (first.length >= last.length) {
      ending = nodesWith(names, first + SEP);
      if (last) starting = nodesWith(names, SEP + last, ending.length - 1);
    } else {
      starting = nodesWith(names, SEP + last);
      if (first) ending = nodesWith(names, first + SEP, starting.length);
    }
    if (starting && (!ending || starting.length < ending.length)) return starting.filter(afterFirst);
    return childrenWhere(ending!, (name) => name.startsWith(last));
  }
  // "x/a/…/y": the levels between are whole names; look the first of them up.
  let level = nodesWith(names, SEP + parts[1] + SEP).filter(afterFirst);
  for (let i = 2; i < parts.length - 1 && level.length; i++) level = childrenWhere(level, (name) => name === parts[i]);
  return childrenWhere(level, (name) => name.startsWith(last));
}

/** The nodes whose name holds `pattern`; null when there are more than `max`. */
function nodesWith(names: NameIndex, pattern: string): TopicNode[];
function nodesWith(names: NameIndex, pattern: string, max: number): TopicNode[] | null;
function nodesWith(names: NameIndex, pattern: string, max = Infinity): TopicNode[] | null {
  const out: TopicNode[] = [];
  names.find(pattern, (n) => out.push(n) <= max);
  return out.length > max ? null : out;
}

/** The children of `nodes` whose lower-cased name passes `test`. */
function childrenWhere(nodes: readonly TopicNode[], test: (lower: string) => boolean): TopicNode[] {
  const out: TopicNode[] = [];
  for (const n of nodes) if (n.children) for (const c of n.children.values()) if (test(lowerName(c.name))) out.push(c);
  return out;
}

/** Every node with messages at and below each of `roots`; a root below another root is not walked twice. */
function forEachTopicBelow(roots: readonly TopicNode[], hit: (node: TopicNode) => void): void {
  let minDepth = Infinity;
  let maxDepth = -Infinity;
  for (const r of roots) {
    if (r.depth < minDepth) minDepth = r.depth;
    if (r.depth > maxDepth) maxDepth = r.depth;
  }
  // Roots all on one level cannot contain each other (the usual case), and the deepest roots hold
  // no others: only the few above them are looked for ("c" finds 'bench' and 1 000 000 leaves).
  let upper: Set<TopicNode> | null = null;
  if (minDepth < maxDepth) {
    upper = new Set();
    for (const r of roots) if (r.depth < maxDepth) upper.add(r);
  }
  const stack: TopicNode[] = [];
  // Roots come with their siblings (NameIndex order): look each parent up once.
  let parent: TopicNode | null = null;
  let covered = false;
  for (const r of roots) {
    if (upper && r.depth > minDepth) {
      if (r.parent !== parent) {
        parent = r.parent;
        covered = isOrBelow(parent!, upper, minDepth);
      }
      if (covered) continue;
    }
    stack.push(r);
    while (stack.length) {
      const n = stack.pop()!;
      if (n.count > 0) hit(n);
      if (n.children) for (const c of n.children.values()) stack.push(c);
    }
  }
}

/** Whether `node` or one of its ancestors down to `minDepth` is in `set`. */
function isOrBelow(node: TopicNode, set: ReadonlySet<TopicNode>, minDepth: number): boolean {
  for (let n: TopicNode | null = node; n && n.depth >= minDepth; n = n.parent) if (set.has(n)) return true;
  return false;
}
