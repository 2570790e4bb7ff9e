import { expect, it } from 'vitest';
import { StatsMeter } from './StatsMeter';

it('reports rates per second and ranks the busiest topics', () => {
  const m = new StatsMeter('c');
  for (let i = 0; i < 30; i++) m.countIn('hot', 100);
  for (let i = 0; i < 12; i++) m.countIn(`cold/${i}`, 10);
  m.countOut(50);
  const s = m.roll(2000, 13);
  expect(s.msgsInPerSec).toBe(21);
  expect(s.bytesInPerSec).toBe(1560);
  expect(s.msgsOutPerSec).toBe(0.5);
  expect(s.busiest[0]).toEqual({ topic: 'hot', rate: 15, bytesRate: 1500 });
  expect(s.busiest).toHaveLength(10);
  expect(m.roll(1000, 13).msgsInPerSec).toBe(0);
});
