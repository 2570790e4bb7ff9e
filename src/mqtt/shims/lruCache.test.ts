import { LRUCache as RealLRUCache } from 'lru-cache';
import { describe, expect, it } from 'vitest';
import { LRUCache } from './lruCache';

type Op = ['set', number, string] | ['get', number] | ['clear'];

/** Runs the same operations on both and compares what mqtt.js's topic-alias-send.js reads. */
function both(max: number, ops: Op[]) {
  const real = new RealLRUCache<number, string>({ max });
  const ours = new LRUCache<number, string>({ max });
  for (const op of ops) {
    if (op[0] === 'set') {
      real.set(op[1], op[2]);
      ours.set(op[1], op[2]);
    } else if (op[0] === 'get') {
      expect(ours.get(op[1])).toBe(real.get(op[1]));
    } else {
      real.clear();
      ours.clear();
    }
    expect(ours.size).toBe(real.size);
    expect([...ours.keys()]).toEqual([...real.keys()]);
  }
}

describe('LRUCache shim matches lru-cache for what mqtt.js uses', () => {
  it.each<[string, number, Op[]]>([
    ['evicts the least recently set', 2, [['set', 1, 'a'], ['set', 2, 'b'], ['set', 3, 'c'], ['get', 1], ['get', 3]]],
    ['get refreshes recency', 2, [['set', 1, 'a'], ['set', 2, 'b'], ['get', 1], ['set', 3, 'c'], ['get', 2], ['get', 1]]],
    ['set of an existing key refreshes it', 3, [['set', 1, 'a'], ['set', 2, 'b'], ['set', 1, 'z'], ['set', 3, 'c'], ['set', 4, 'd'], ['get', 1], ['get', 2]]],
    ['clear empties', 2, [['set', 1, 'a'], ['clear'], ['get', 1], ['set', 2, 'b']]],
    ['max 1', 1, [['set', 1, 'a'], ['set', 2, 'b'], ['get', 1], ['get', 2]]],
  ])('%s', (_name, max, ops) => both(max, ops));

  it('agrees with lru-cache on random operations', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const ops: Op[] = [];
    for (let i = 0; i < 2000; i++) {
      const r = rnd(10);
      ops.push(r < 5 ? ['set', rnd(12), `t${i}`] : r < 9 ? ['get', rnd(12)] : ['clear']);
    }
    both(8, ops);
  });
});
