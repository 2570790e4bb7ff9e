import { isValidFilter, isWildcardFilter } from './mqttFilter';
import type { TopicNode } from './types';

/**
 * Calls `hit` for every topic (node with messages) below `root` whose full topic matches the
 * "Filter topics" text, without building one topic string per node: with 1 000 000 topics the
 * string-per-node walk took most of a second, the target is 200 ms (issue 9).
 * - An MQTT filter (`+`, `#`) is matched level by level, skipping every branch that cannot match.
 * - Other text is a case-insensitive substring of the full topic, found with a KMP automaton fed
 *   one level name at a time; once a level completes a match, its whole subtree matches.
 *   Names with non-ASCII letters (rare) fall back to lower-casing the full topic, because
 *   lower-casing is not always per character (final sigma).
 */
export function forEachMatch(root: TopicNode, text: string, hit: (node: TopicNode) => void): void {
  if (isWildcardFilter(text) && isValidFilter(text)) matchFilter(root, text.split('/'), hit);
  else matchSubstring(root, text.toLowerCase(), hit);
}

function matchFilter(root: TopicNode, levels: readonly string[], hit: (node: TopicNode) => void): void {
  const last = levels.length - 1;
  const stack: { node: TopicNode; level: number }[] = [];
  for (const c of root.children?.values() ?? []) stack.push({ node: c, level: 0 });
  while (stack.length) {
    const { node, level } = stack.pop()!;
    const f = levels[level];
    // Filters starting with a wildcard never match topics starting with `$` (MQTT 5.0 §4.7.2).
    if (level === 0 && (f === '+' || f === '#') && node.name.startsWith('$')) continue;
    if (f === '#') {
      forEachTopic(node, hit);
      continue;
    }
    if (f !== '+' && f !== node.name) continue;
    if (level === last) {
      if (node.count > 0) hit(node);
      continue;
    }
    // "a/#" also matches "a".
    if (level + 1 === last && levels[last] === '#' && node.count > 0) hit(node);
    if (node.children) for (const c of node.children.values()) stack.push({ node: c, level: level + 1 });
  }
}

function matchSubstring(root: TopicNode, needle: string, hit: (node: TopicNode) => void): void {
  if (needle.length === 0 || !isAscii(needle)) return matchByString(root, needle, hit);
  const fail = failureTable(needle);
  /** Feeds `s` to the automaton from `state`: the new state, -1 on a full match, -2 on a non-ASCII character. */
  const feed = (state: number, s: string, from: number): number => {
    for (let i = from; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c > 127) return -2;
      if (c >= 65 && c <= 90) c += 32;
      while (state > 0 && needle.charCodeAt(state) !== c) state = fail[state - 1];
      if (needle.charCodeAt(state) === c) state++;
      if (state === needle.length) return -1;
    }
    return state;
  };
  // Two parallel stacks rather than an object per node: this visits every node of the tree.
  const nodes: TopicNode[] = [];
  const states: number[] = [];
  for (const c of root.children?.values() ?? []) {
    nodes.push(c);
    states.push(0);
  }
  while (nodes.length) {
    const node = nodes.pop()!;
    const before = states.pop()!;
    const state = feed(before, node.name, 0);
    if (state === -2) {
      matchByString(node, needle, hit, topicBelow(root, node));
      continue;
    }
    if (state < 0) {
      forEachTopic(node, hit);
      continue;
    }
    if (!node.children) continue;
    const next = feed(state, '/', 0);
    for (const c of node.children.values()) {
      if (next < 0) forEachTopic(c, hit);
      else {
        nodes.push(c);
        states.push(next);
      }
    }
  }
}

/**
 * The plain way: build each full topic and look for the needle in its lower-cased form. Used for
 * non-ASCII text. `start` is the full topic of `from` (from itself is then tested too).
 */
function matchByString(from: TopicNode, needle: string, hit: (node: TopicNode) => void, start?: string): void {
  const stack: { node: TopicNode; topic: string }[] = [];
  if (start !== undefined) stack.push({ node: from, topic: start });
  else for (const c of from.children?.values() ?? []) stack.push({ node: c, topic: c.name });
  while (stack.length) {
    const { node, topic } = stack.pop()!;
    if (node.count > 0 && topic.toLowerCase().includes(needle)) hit(node);
    if (node.children) for (const c of node.children.values()) stack.push({ node: c, topic: `${topic}/${c.name}` });
  }
}

/** Every node with messages at and below `node`. */
function forEachTopic(node: TopicNode, hit: (node: TopicNode) => void): void {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.count > 0) hit(n);
    if (n.children) for (const c of n.children.values()) stack.push(c);
  }
}

/** Full topic of `node` below `root` (levels joined by `/`). */
function topicBelow(root: TopicNode, node: TopicNode): string {
  const parts: string[] = [];
  for (let n: TopicNode | null = node; n && n !== root; n = n.parent) parts.push(n.name);
  return parts.reverse().join('/');
}

function failureTable(p: string): Int32Array {
  const fail = new Int32Array(p.length);
  for (let i = 1, k = 0; i < p.length; i++) {
    while (k > 0 && p.charCodeAt(i) !== p.charCodeAt(k)) k = fail[k - 1];
    if (p.charCodeAt(i) === p.charCodeAt(k)) k++;
    fail[i] = k;
  }
  return fail;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
