import { expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { RetryTimer } from './RetryTimer';

it('fires once after the delay, ticking every second until then', () => {
  const clock = new ManualClock();
  const timer = new RetryTimer(clock);
  const events: string[] = [];
  timer.schedule(3500, () => events.push(`fire@${clock.now() % 100_000}`), () => events.push('tick'));
  expect(timer.pending).toBe(true);
  clock.advance(10_000);
  expect(events).toEqual(['tick', 'tick', 'tick', 'fire@3500']);
  expect(timer.pending).toBe(false);
});

it('is replaced by a new schedule and stops when cancelled', () => {
  const clock = new ManualClock();
  const timer = new RetryTimer(clock);
  const fired: number[] = [];
  timer.schedule(1000, () => fired.push(1), () => {});
  timer.schedule(2000, () => fired.push(2), () => {});
  clock.advance(5000);
  expect(fired).toEqual([2]);
  timer.schedule(1000, () => fired.push(3), () => {});
  timer.cancel();
  clock.advance(5000);
  expect(fired).toEqual([2]);
  expect(timer.pending).toBe(false);
});
