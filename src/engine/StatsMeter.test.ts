import { describe, expect, it } from 'vitest';
import { StatsMeter } from './StatsMeter';

it('reports rates per second and ranks the busiest topics', () => {
  const m = new StatsMeter('c');
  const names = new Map<number, string>([[5000, 'hot']]);
  for (let i = 0; i < 30; i++) m.countIn(5000, 100);
  for (let i = 0; i < 12; i++) {
    names.set(10 + i, `cold/${i}`);
    m.countIn(10 + i, 10);
  }
  m.countIn(-1, 0);
  m.countOut(50);
  const s = m.roll(2000, 13, (id) => names.get(id) ?? '?');
  expect(s.msgsInPerSec).toBe(21.5);
  expect(s.bytesInPerSec).toBe(1560);
  expect(s.msgsOutPerSec).toBe(0.5);
  expect(s.totalIn).toBe(43);
  expect(s.busiest[0]).toEqual({ topic: 'hot', rate: 15, bytesRate: 1500 });
  expect(s.busiest).toHaveLength(10);
  const next = m.roll(1000, 13, () => '?');
  expect(next.msgsInPerSec).toBe(0);
  expect(next.busiest).toEqual([]);
});

describe('cost per subscription filter', () => {
  it('counts a message for every filter it matches, with its bytes', () => {
    const m = new StatsMeter('c');
    m.setFilters(['plant/#', 'plant/+/temp', 'other/x', '$share/g/plant/line1/temp']);
    m.countIn(1, 100, 'plant/line1/temp');
    m.countIn(1, 100, 'plant/line1/temp');
    m.countIn(2, 10, 'plant/line1/state');
    m.countIn(-1, 7, 'other/x');
    const s = m.roll(1000, 3, () => '');
    expect(s.filters).toEqual([
      { filter: 'plant/#', msgsPerSec: 3, bytesPerSec: 210 },
      { filter: 'plant/+/temp', msgsPerSec: 2, bytesPerSec: 200 },
      { filter: 'other/x', msgsPerSec: 1, bytesPerSec: 7 },
      { filter: '$share/g/plant/line1/temp', msgsPerSec: 2, bytesPerSec: 200 },
    ]);
    expect(m.roll(1000, 3, () => '').filters?.map((f) => f.msgsPerSec)).toEqual([0, 0, 0, 0]);
  });

  it('matches a topic once per node id, and again after the filters change', () => {
    const m = new StatsMeter('c');
    m.setFilters(['a/#']);
    m.countIn(5, 1, 'a/b');
    // Node 5 is known to match 'a/#': the topic string is not looked at again.
    m.countIn(5, 1, 'not/matched');
    m.setFilters(['a/#']); // unchanged: the cache stays
    m.countIn(5, 1, 'not/matched');
    expect(m.roll(1000, 1, () => '').filters).toEqual([{ filter: 'a/#', msgsPerSec: 3, bytesPerSec: 3 }]);
    m.setFilters(['x/#']);
    m.countIn(5, 1, 'a/b');
    expect(m.roll(1000, 1, () => '').filters).toEqual([{ filter: 'x/#', msgsPerSec: 0, bytesPerSec: 0 }]);
  });

  it('reports no filters when the connection has none', () => {
    const m = new StatsMeter('c');
    m.countIn(1, 5, 'a');
    expect(m.roll(1000, 1, () => '').filters).toEqual([]);
  });
});
