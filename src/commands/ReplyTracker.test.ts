import { expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { ReplyTracker } from './ReplyTracker';

it('matches by correlation data and topic, and times out', () => {
  const clock = new ManualClock();
  const t = new ReplyTracker(clock);
  const timedOut: number[] = [];
  t.expect(1, 'resp/a', new Uint8Array([1, 2]), 10_000, () => timedOut.push(1));
  t.expect(2, 'resp/a', new Uint8Array([3]), 10_000, () => timedOut.push(2));
  clock.advance(250);
  expect(t.match('resp/other', new Uint8Array([1, 2]))).toBeUndefined();
  expect(t.match('resp/a', new Uint8Array([1, 2]))).toEqual({ reqId: 1, rttMs: 250 });
  expect(t.match('resp/a', new Uint8Array([1, 2]))).toBeUndefined();
  clock.advance(10_000);
  expect(timedOut).toEqual([2]);
  expect(t.size).toBe(0);
});

it('starts the timeout of a queued request only when it is armed', () => {
  const clock = new ManualClock();
  const t = new ReplyTracker(clock);
  const timedOut: number[] = [];
  t.expect(1, 'resp/a', new Uint8Array([9]), 1000, () => timedOut.push(1), false);
  clock.advance(60_000);
  expect(timedOut).toEqual([]);
  t.arm(1);
  clock.advance(400);
  expect(t.match('resp/a', new Uint8Array([9]))).toEqual({ reqId: 1, rttMs: 400 });
  t.expect(2, 'resp/a', new Uint8Array([8]), 1000, () => timedOut.push(2), false);
  t.arm(2);
  clock.advance(1000);
  expect(timedOut).toEqual([2]);
});
