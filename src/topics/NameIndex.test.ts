import { describe, expect, it } from 'vitest';
import { NameIndex, SEP } from './NameIndex';
import { makeNode, NodeRegistry } from './TopicTrie';
import type { TopicNode } from './types';

function found(index: NameIndex, pattern: string): number[] {
  const out: number[] = [];
  index.find(pattern, (n) => out.push(n.id));
  return out.sort((a, b) => a - b);
}

/** What find means: the pattern in "\0name\0", name lower-cased. */
function naive(nodes: readonly TopicNode[], pattern: string): number[] {
  return nodes.filter((n) => (SEP + n.name.toLowerCase() + SEP).includes(pattern)).map((n) => n.id);
}

describe('NameIndex', () => {
  it.each([
    ['line', ['line1', 'Line2', 'line10']],
    [`${SEP}line1`, ['line1', 'line10']],
    [`1${SEP}`, ['line1']],
    [`${SEP}line1${SEP}`, ['line1']],
    [`${SEP}${SEP}`, ['']],
    ['temp', ['TEMP', 'temp']],
    ['x', []],
  ])('%j finds %j', (pattern, names) => {
    const registry = new NodeRegistry();
    const index = new NameIndex();
    const nodes = ['line1', 'Line2', 'line10', '', 'TEMP', 'temp', 'a\0b'].map((name) => makeNode(registry, name, null));
    for (const n of nodes) index.add(n);
    const got: string[] = [];
    index.find(pattern, (n) => got.push(n.name));
    expect(got.sort()).toEqual([...names].sort());
  });

  it('agrees with a naive model across chunks, with finds between adds (fuzz)', () => {
    let seed = 3;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const letters = ['a', 'B', 'b', '1', '', 'é', 'Σ'];
    const registry = new NodeRegistry();
    const index = new NameIndex();
    const nodes: TopicNode[] = [];
    const patterns = ['a', 'ab', 'b1', `${SEP}a`, `b${SEP}`, `${SEP}ab${SEP}`, `${SEP}${SEP}`, 'é', 'σ', `1${SEP}`];
    for (let round = 0; round < 30; round++) {
      const count = rnd(3) === 0 ? 3000 : rnd(50);
      for (let i = 0; i < count; i++) {
        const node = makeNode(registry, Array.from({ length: rnd(4) }, () => letters[rnd(letters.length)]).join(''), null);
        nodes.push(node);
        index.add(node);
      }
      const pattern = patterns[rnd(patterns.length)];
      expect(found(index, pattern), pattern).toEqual(naive(nodes, pattern));
    }
    for (const pattern of patterns) expect(found(index, pattern), pattern).toEqual(naive(nodes, pattern));
  });

  it('finds nodes in the order they were added, whatever their names', () => {
    const registry = new NodeRegistry();
    const index = new NameIndex();
    const nodes = Array.from({ length: 5000 }, (_, i) => makeNode(registry, `c${i % 7}`, null));
    for (const n of nodes) index.add(n);
    const got: TopicNode[] = [];
    index.find('c', (n) => got.push(n));
    expect(got).toEqual(nodes);
  });
});
