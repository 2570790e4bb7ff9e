import { describe, expect, it } from 'vitest';
import { RingBuffer } from './RingBuffer';

const contents = (r: RingBuffer) => {
  const { t, v } = r.slice();
  return Array.from(t, (time, i) => [time, v[i]]);
};

describe('RingBuffer backfill insertion', () => {
  it('inserts an older point in time order instead of dropping it', () => {
    const r = new RingBuffer(10);
    for (const t of [10, 20, 40, 50]) r.push(t, t);
    expect(r.insert(30, 3)).toBe(2);
    expect(r.insert(5, 0.5)).toBe(0);
    expect(contents(r)).toEqual([[5, 0.5], [10, 10], [20, 20], [30, 3], [40, 40], [50, 50]]);
  });

  it('when full, the oldest point makes room; a point older than all kept is refused', () => {
    const r = new RingBuffer(4);
    for (let t = 1; t <= 6; t++) r.push(t * 10, t); // holds 30..60
    expect(r.insert(45, 4.5)).toBe(1);
    expect(contents(r)).toEqual([[40, 4], [45, 4.5], [50, 5], [60, 6]]);
    expect(r.insert(10, 1)).toBe(-1);
    expect(r.size).toBe(4);
  });

  it('a full ring inserting near its newest end turns instead of moving everything', () => {
    const r = new RingBuffer(5);
    for (let t = 1; t <= 7; t++) r.push(t * 10, t); // holds 30..70, wrapped
    expect(r.insert(65, 6.5)).toBe(3);
    expect(contents(r)).toEqual([[40, 4], [50, 5], [60, 6], [65, 6.5], [70, 7]]);
    expect(r.insert(45, 4.5)).toBe(0);
    expect(contents(r)).toEqual([[45, 4.5], [50, 5], [60, 6], [65, 6.5], [70, 7]]);
  });

  it('upsert replaces a point at the same time (the live bucket) and inserts otherwise', () => {
    const r = new RingBuffer(8);
    expect(r.upsert(100, 1)).toBe('appended');
    expect(r.upsert(100, 2)).toBe('replaced');
    expect(r.upsert(200, 5)).toBe('appended');
    expect(r.upsert(100, 3)).toBe('replaced');
    expect(r.upsert(50, 9)).toBe('inserted');
    expect(contents(r)).toEqual([[50, 9], [100, 3], [200, 5]]);
  });

  it('grows its storage while inserting', () => {
    const r = new RingBuffer(10_000);
    for (let i = 0; i < 256; i++) r.push(i * 2, i);
    r.insert(1, -1);
    expect(r.size).toBe(257);
    expect(r.timeAt(1)).toBe(1);
    expect(r.lastTime).toBe(510);
  });

  it('matches a sorted-array model under random pushes and inserts (fuzz)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const cap of [2, 3, 7, 100]) {
      const r = new RingBuffer(cap);
      let model: [number, number][] = [];
      let newest = 0;
      for (let i = 0; i < 400; i++) {
        const late = rand() < 0.3;
        const t = late ? Math.floor(rand() * newest) : (newest += 1 + Math.floor(rand() * 3));
        const result = r.insert(t, i);
        // Model: stable insert after equal times, then keep the newest `cap`.
        const at = model.findIndex(([mt]) => mt > t);
        const pos = at < 0 ? model.length : at;
        if (model.length === cap && pos === 0) {
          expect(result).toBe(-1);
          continue;
        }
        model.splice(pos, 0, [t, i]);
        if (model.length > cap) model = model.slice(model.length - cap);
        expect(contents(r)).toEqual(model);
      }
    }
  });
});
