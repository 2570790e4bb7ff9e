import { expect, it } from 'vitest';
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
