import { describe, expect, it, vi } from 'vitest';
import { SeriesHistory } from './SeriesHistory';
import { memoryPersistence, type SeriesPersistence } from './seriesPersistence';
import { TrackedSeries } from './TrackedSeries';

const T0 = 1_700_000_000_000;
const opts = { saveEveryMs: 5000, retentionMs: 60_000 };

function recorded(key: string, n: number): TrackedSeries {
  const s = new TrackedSeries(key, { connection: 'c', topic: key, path: '' }, 100);
  for (let i = 0; i < n; i++) {
    s.ring.push(T0 + i, i);
    s.pending++;
  }
  return s;
}

const failing = (): SeriesPersistence => ({
  load: () => Promise.reject(new Error('blocked')),
  append: () => Promise.reject(new Error('full')),
  remove: () => Promise.reject(new Error('full')),
  sweep: () => Promise.reject(new Error('full')),
});

describe('SeriesHistory', () => {
  it('saves series with new points only when a save is due', async () => {
    const p = memoryPersistence();
    const append = vi.spyOn(p, 'append');
    const h = new SeriesHistory(p, opts, T0);
    const fresh = recorded('a', 3);
    const idle = recorded('b', 0);
    h.tick(T0 + 4999, [fresh, idle], 100);
    expect(append).not.toHaveBeenCalled();
    h.tick(T0 + 5000, [fresh, idle], 100);
    await vi.waitFor(() => expect(p.chunks.size).toBe(1));
    expect(append).toHaveBeenCalledTimes(1);
    expect(append.mock.calls[0][0]).toBe('a');
  });

  it('sweeps history older than the retention at start-up, then every ten minutes', () => {
    const p = memoryPersistence();
    const sweep = vi.spyOn(p, 'sweep');
    const h = new SeriesHistory(p, opts, T0);
    h.tick(T0, [], 100);
    h.tick(T0 + 60_000, [], 100);
    h.tick(T0 + 10 * 60_000, [], 100);
    expect(sweep.mock.calls.map(([olderThan]) => olderThan)).toEqual([T0 - 60_000, T0 + 10 * 60_000 - 60_000]);
  });

  it('restores saved points and hands back the newest restored value', async () => {
    const p = memoryPersistence();
    const a = new SeriesHistory(p, opts, T0);
    a.tick(T0 + 5000, [recorded('a', 3)], 100);
    await vi.waitFor(() => expect(p.chunks.size).toBe(1));
    const s = new TrackedSeries('a', { connection: 'c', topic: 'a', path: '' }, 100);
    const loaded = vi.fn();
    new SeriesHistory(p, opts, T0 + 1000).restore(s, T0 + 1000, loaded);
    expect(s.restoring).toBe(true);
    await vi.waitFor(() => expect(loaded).toHaveBeenCalledTimes(1));
    expect(s.restoring).toBe(false);
    expect(loaded.mock.calls[0][0]).toMatchObject({ key: 'a', value: 2, restored: true });
    expect(s.ring.size).toBeGreaterThanOrEqual(3);
  });

  it('counts storage failures instead of throwing, and does not report a failed restore as loaded', async () => {
    const h = new SeriesHistory(failing(), opts, T0);
    const s = recorded('a', 2);
    h.tick(T0 + 5000, [s], 100);
    const loaded = vi.fn();
    h.restore(new TrackedSeries('b', { connection: 'c', topic: 'b', path: '' }, 100), T0, loaded);
    await vi.waitFor(() => expect(h.errors).toBe(3)); // save, sweep, restore
    expect(loaded).not.toHaveBeenCalled();
  });
});
