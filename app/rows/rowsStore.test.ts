import { describe, expect, it } from 'vitest';
import type { RowView } from '../../src/rows';
import { applyRowsDelta, closeRows, openRows, rowsSnapshot, subscribeRows } from './rowsStore';

const row = (topic: string, v: number): RowView => ({ connectionId: 'p', topic, key: topic, values: [v], lastSeen: 1 });

describe('rowsStore', () => {
  it('takes the full set, then patches changed and removed rows, telling only that watch', () => {
    openRows('a');
    openRows('b');
    let heardA = 0;
    let heardB = 0;
    const offA = subscribeRows('a', () => heardA++);
    const offB = subscribeRows('b', () => heardB++);
    applyRowsDelta({ watches: { a: { full: true, rows: [row('x', 1), row('y', 2)], total: 2 } } });
    applyRowsDelta({ watches: { a: { full: false, rows: [row('y', 3)], removed: ['x'], total: 1, dropped: 4 } } });
    const snap = rowsSnapshot('a');
    expect([...snap.rows.values()].map((r) => [r.topic, r.values[0]])).toEqual([['y', 3]]);
    expect(snap).toMatchObject({ total: 1, dropped: 4, version: 2 });
    expect([heardA, heardB]).toEqual([2, 0]);
    offA();
    offB();
    closeRows('a');
    closeRows('b');
  });

  it('ignores updates for a watch that was closed while the delta was on its way', () => {
    openRows('c');
    closeRows('c');
    applyRowsDelta({ watches: { c: { full: true, rows: [row('x', 1)], total: 1 } } });
    expect(rowsSnapshot('c').rows.size).toBe(0);
  });
});
