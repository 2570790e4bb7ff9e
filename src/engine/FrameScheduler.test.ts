import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { ACK_TIMEOUT_MS, FrameScheduler } from './FrameScheduler';
import type { Delta } from './protocol';

function setup(changed = () => true) {
  const clock = new ManualClock();
  const sent: Delta[] = [];
  const frames = new FrameScheduler(clock, (d) => changed() && ((d.stats = []), true), (d) => sent.push(d));
  return { clock, sent, frames };
}

describe('FrameScheduler', () => {
  it('sends one delta per frame however often it is asked', () => {
    const { clock, sent, frames } = setup();
    for (let i = 0; i < 100; i++) frames.schedule();
    clock.advance(20);
    expect(sent.map((d) => d.seq)).toEqual([1]);
  });

  it('sends nothing when nothing changed', () => {
    const { clock, sent, frames } = setup(() => false);
    frames.schedule();
    clock.advance(20);
    expect(sent).toEqual([]);
  });

  it('waits for the ack, or the time cap when none comes', () => {
    const { clock, sent, frames } = setup();
    frames.schedule();
    clock.advance(20);
    frames.schedule();
    clock.advance(500);
    expect(sent).toHaveLength(1);
    frames.ack(99); // not the last seq: ignored
    clock.advance(100);
    expect(sent).toHaveLength(1);
    frames.ack(1);
    clock.advance(20);
    expect(sent.map((d) => d.seq)).toEqual([1, 2]);
    // No ack for seq 2 (hidden tab): the next delta still goes out after the cap.
    frames.schedule();
    clock.advance(ACK_TIMEOUT_MS - 50);
    expect(sent).toHaveLength(2);
    clock.advance(100);
    expect(sent.map((d) => d.seq)).toEqual([1, 2, 3]);
  });
});
