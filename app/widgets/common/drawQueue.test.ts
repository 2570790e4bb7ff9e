import { describe, expect, it } from 'vitest';
import { createDrawQueue } from './drawQueue';

/** A fake frame driver: draws advance a fake clock by their cost. */
function setup(budgetMs = 8) {
  let t = 0;
  let frames: (() => void)[] = [];
  const queue = createDrawQueue({ budgetMs, now: () => t, requestFrame: (run) => frames.push(run) });
  const drawn: string[][] = [];
  const frame = () => {
    const run = frames;
    frames = [];
    drawn.push([]);
    for (const f of run) f();
  };
  const draw = (name: string, costMs: number) => () => {
    drawn.at(-1)!.push(name);
    t += costMs;
  };
  return { queue, frame, draw, drawn, framesWaiting: () => frames.length };
}

describe('drawQueue', () => {
  it('spreads ten 5 ms chart redraws over frames, at most the budget per frame', () => {
    const { queue, frame, draw, drawn, framesWaiting } = setup(8);
    const owners = Array.from({ length: 10 }, () => ({}));
    owners.forEach((o, i) => queue.schedule(o, draw(`c${i}`, 5)));
    while (framesWaiting()) frame();
    expect(drawn).toEqual([['c0', 'c1'], ['c2', 'c3'], ['c4', 'c5'], ['c6', 'c7'], ['c8', 'c9']]);
  });

  it('draws a chart that alone exceeds the budget, one per frame', () => {
    const { queue, frame, draw, drawn, framesWaiting } = setup(8);
    queue.schedule({}, draw('big1', 30));
    queue.schedule({}, draw('big2', 30));
    while (framesWaiting()) frame();
    expect(drawn).toEqual([['big1'], ['big2']]);
  });

  it('replaces a waiting draw in its place, so the newest points are drawn once and nobody starves', () => {
    const { queue, frame, draw, drawn, framesWaiting } = setup(8);
    const a = {};
    const b = {};
    queue.schedule(a, draw('a-old', 5));
    queue.schedule(b, draw('b', 5));
    queue.schedule(a, draw('a-new', 5));
    expect(framesWaiting()).toBe(1);
    while (framesWaiting()) frame();
    expect(drawn).toEqual([['a-new', 'b']]);
  });

  it('forgets a cancelled chart (unmounted widget)', () => {
    const { queue, frame, draw, drawn, framesWaiting } = setup(8);
    const gone = {};
    queue.schedule(gone, draw('gone', 1));
    queue.schedule({}, draw('kept', 1));
    queue.cancel(gone);
    while (framesWaiting()) frame();
    expect(drawn).toEqual([['kept']]);
  });
});
