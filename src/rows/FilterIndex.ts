interface FilterNode<T> {
  readonly children: Map<string, FilterNode<T>>;
  plus: FilterNode<T> | null;
  /** Entries whose filter ends with `#` below this node. */
  readonly hash: Set<T>;
  /** Entries whose filter ends exactly at this node. */
  readonly here: Set<T>;
}

const node = <T>(): FilterNode<T> => ({ children: new Map(), plus: null, hash: new Set(), here: new Set() });

/**
 * MQTT filters → entries, matched against a topic level by level, so a message costs
 * O(levels) whatever the number of watches (MQTT 5.0 §4.7: `#` also matches the parent level,
 * filters starting with a wildcard never match `$` topics). Exact topics are a hash lookup.
 */
export class FilterIndex<T> {
  private readonly exact = new Map<string, Set<T>>();
  private readonly root = node<T>();
  private wildcards = 0;

  get size(): number {
    let n = this.wildcards;
    for (const s of this.exact.values()) n += s.size;
    return n;
  }

  add(filter: string, entry: T): void {
    if (!filter.includes('+') && !filter.includes('#')) {
      let set = this.exact.get(filter);
      if (!set) this.exact.set(filter, (set = new Set()));
      set.add(entry);
      return;
    }
    this.wildcards++;
    const { set } = this.locate(filter, true)!;
    set.add(entry);
  }

  remove(filter: string, entry: T): void {
    if (!filter.includes('+') && !filter.includes('#')) {
      const set = this.exact.get(filter);
      if (set?.delete(entry) && set.size === 0) this.exact.delete(filter);
      return;
    }
    // Empty nodes stay: watches come and go with the same few filters.
    if (this.locate(filter, false)?.set.delete(entry)) this.wildcards--;
  }

  /** Calls `hit` once per (entry, filter) pair matching `topic`. */
  match(topic: string, hit: (entry: T) => void): void {
    const exact = this.exact.get(topic);
    if (exact) for (const e of exact) hit(e);
    if (this.wildcards === 0) return;
    const levels = topic.split('/');
    const dollar = topic.startsWith('$');
    if (!dollar) for (const e of this.root.hash) hit(e);
    const first = this.root.children.get(levels[0]);
    if (first) walk(first, levels, 1, hit);
    if (!dollar && this.root.plus) walk(this.root.plus, levels, 1, hit);
  }

  private locate(filter: string, create: boolean): { set: Set<T> } | null {
    let n = this.root;
    const levels = filter.split('/');
    for (const level of levels) {
      if (level === '#') return { set: n.hash };
      let next: FilterNode<T> | null | undefined;
      if (level === '+') next = n.plus ?? (create ? (n.plus = node()) : null);
      else {
        next = n.children.get(level);
        if (!next && create) n.children.set(level, (next = node()));
      }
      if (!next) return null;
      n = next;
    }
    return { set: n.here };
  }
}

function walk<T>(n: FilterNode<T>, levels: readonly string[], i: number, hit: (entry: T) => void): void {
  for (const e of n.hash) hit(e);
  if (i === levels.length) {
    for (const e of n.here) hit(e);
    return;
  }
  const child = n.children.get(levels[i]);
  if (child) walk(child, levels, i + 1, hit);
  if (n.plus) walk(n.plus, levels, i + 1, hit);
}
