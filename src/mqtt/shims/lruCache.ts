/**
 * The part of `lru-cache` (v10) mqtt.js uses (lib/topic-alias-send.js: the MQTT 5 topic aliases
 * it may send, at most the broker's Topic Alias Maximum): get and set refresh recency, set evicts
 * the least recently used entry past `max`, `keys()` runs from most to least recently used.
 * lru-cache itself is 16 kB (5 kB gzip) of TTL, size and fetch machinery the worker never uses;
 * vite.config.ts resolves mqtt.js's `require("lru-cache")` here. Checked against the real one in
 * lruCache.test.ts.
 */
export class LRUCache<K, V> {
  readonly max: number;
  private readonly map = new Map<K, V>();

  constructor(options: { max: number }) {
    if (!(options.max > 0)) throw new TypeError('max must be a positive integer');
    this.max = options.max;
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const value = this.map.get(key) as V;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V | undefined): this {
    if (value === undefined) {
      this.delete(key);
      return this;
    }
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
    return this;
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  /** Most recently used first. */
  *keys(): Generator<K> {
    yield* [...this.map.keys()].reverse();
  }
}
