import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { chunkEndTime, indexedDbPersistence, memoryPersistence, type SeriesPersistence } from './seriesPersistence';

let dbSeq = 0;
const implementations: [string, () => SeriesPersistence][] = [
  ['memory', () => memoryPersistence()],
  ['IndexedDB', () => indexedDbPersistence(`series-test-${dbSeq++}`)],
];

describe.each(implementations)('%s series persistence', (_name, make) => {
  it('stores chunks per series, oldest first, and loads only that series', async () => {
    const p = make();
    await p.append('a', Float64Array.of(3, 4), Float64Array.of(30, 40));
    await p.append('a', Float64Array.of(1, 2), Float64Array.of(10, 20));
    await p.append('ab', Float64Array.of(5), Float64Array.of(50));
    const chunks = await p.load('a');
    expect(chunks.map((c) => Array.from(c.t))).toEqual([[1, 2], [3, 4]]);
    expect(Array.from(chunks[1].v)).toEqual([30, 40]);
    expect(chunkEndTime(chunks[1].id)).toBe(4);
  });

  it('removes chunks by id and sweeps old ones', async () => {
    const p = make();
    const id = await p.append('a', Float64Array.of(1000), Float64Array.of(1));
    await p.append('a', Float64Array.of(2000), Float64Array.of(2));
    await p.append('b', Float64Array.of(500), Float64Array.of(3));
    await p.remove([id]);
    expect((await p.load('a')).map((c) => c.t[0])).toEqual([2000]);
    expect(await p.sweep(1500)).toBe(1);
    expect(await p.load('b')).toEqual([]);
    expect((await p.load('a')).length).toBe(1);
  });
});
