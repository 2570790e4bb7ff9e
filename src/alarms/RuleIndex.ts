import type { CompiledRule } from './compileRule';

interface FilterNode {
  readonly children: Map<string, FilterNode>;
  plus: FilterNode | null;
  /** Rules whose filter ends with `#` below this node. */
  readonly hash: CompiledRule[];
  /** Rules whose filter ends exactly at this node. */
  readonly rules: CompiledRule[];
}

const node = (): FilterNode => ({ children: new Map(), plus: null, hash: [], rules: [] });

/**
 * Finds the rules for a topic without looking at every rule: exact topics by hash lookup,
 * wildcard filters in a small trie walked level by level (MQTT 5.0 §4.7 semantics: `#` also
 * matches the parent level; filters starting with a wildcard never match `$` topics).
 */
export class RuleIndex {
  private readonly exact = new Map<string, CompiledRule[]>();
  private readonly root = node();
  private wildcards = 0;

  constructor(rules: Iterable<CompiledRule>) {
    for (const rule of rules) this.add(rule);
  }

  get wildcardCount(): number {
    return this.wildcards;
  }

  private add(rule: CompiledRule): void {
    if (!rule.wildcard) {
      const list = this.exact.get(rule.topic);
      if (list) list.push(rule);
      else this.exact.set(rule.topic, [rule]);
      return;
    }
    this.wildcards++;
    let n = this.root;
    const levels = rule.topic.split('/');
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      if (level === '#') {
        n.hash.push(rule);
        return;
      }
      if (level === '+') n = n.plus ??= node();
      else {
        let child = n.children.get(level);
        if (!child) n.children.set(level, (child = node()));
        n = child;
      }
    }
    n.rules.push(rule);
  }

  /** Every rule whose topic or filter matches `topic` (a fresh array; empty when none). */
  match(topic: string): CompiledRule[] {
    const out: CompiledRule[] = [];
    const exact = this.exact.get(topic);
    if (exact) for (const r of exact) out.push(r);
    if (this.wildcards) {
      const levels = topic.split('/');
      const dollar = topic.startsWith('$');
      if (!dollar) for (const r of this.root.hash) out.push(r);
      const first = this.root.children.get(levels[0]);
      if (first) walk(first, levels, 1, out);
      if (!dollar && this.root.plus) walk(this.root.plus, levels, 1, out);
    }
    return out;
  }
}

function walk(n: FilterNode, levels: readonly string[], i: number, out: CompiledRule[]): void {
  for (const r of n.hash) out.push(r);
  if (i === levels.length) {
    for (const r of n.rules) out.push(r);
    return;
  }
  const child = n.children.get(levels[i]);
  if (child) walk(child, levels, i + 1, out);
  if (n.plus) walk(n.plus, levels, i + 1, out);
}
