import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../engine';
import { WakeTimer } from './WakeTimer';

describe('WakeTimer', () => {
  it('wakes once after the asked delay', () => {
    const clock = new ManualClock(0);
    const wake = vi.fn();
    new WakeTimer(clock, wake).in(100);
    clock.advance(99);
    expect(wake).not.toHaveBeenCalled();
    clock.advance(1);
    expect(wake).toHaveBeenCalledTimes(1);
    clock.advance(1000);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('keeps the earlier wake when asked for a later one', () => {
    const clock = new ManualClock(0);
    const wake = vi.fn();
    const t = new WakeTimer(clock, wake);
    t.in(50);
    t.in(200);
    clock.advance(50);
    expect(wake).toHaveBeenCalledTimes(1);
    clock.advance(500);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('moves the wake earlier when asked for an earlier one', () => {
    const clock = new ManualClock(0);
    const wake = vi.fn();
    const t = new WakeTimer(clock, wake);
    t.in(200);
    t.in(20);
    clock.advance(20);
    expect(wake).toHaveBeenCalledTimes(1);
    clock.advance(500);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('waits at least 1 ms, and can be armed again after it fired', () => {
    const clock = new ManualClock(0);
    const wake = vi.fn();
    const t = new WakeTimer(clock, wake);
    t.in(-5);
    clock.advance(0);
    expect(wake).not.toHaveBeenCalled();
    clock.advance(1);
    expect(wake).toHaveBeenCalledTimes(1);
    t.in(10);
    clock.advance(10);
    expect(wake).toHaveBeenCalledTimes(2);
  });
});
