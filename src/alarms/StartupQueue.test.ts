import { describe, expect, it } from 'vitest';
import { MAX_STARTUP_QUEUE, StartupQueue } from './StartupQueue';

const msg = (i: number) => ({ connectionId: 'c', topic: `t/${i}`, json: i, text: undefined, now: i });

describe('StartupQueue', () => {
  it('holds messages in order and hands them over once', () => {
    const q = new StartupQueue();
    q.push(msg(1));
    q.push(msg(2));
    const seen: string[] = [];
    q.drain((m) => seen.push(m.topic));
    q.drain((m) => seen.push(m.topic));
    expect(seen).toEqual(['t/1', 't/2']);
    expect(q.takeDropped()).toBeUndefined();
  });

  it('drops beyond its bound, counts the drops and reports the count once per change', () => {
    const q = new StartupQueue();
    for (let i = 0; i < MAX_STARTUP_QUEUE + 3; i++) q.push(msg(i));
    expect(q.takeDropped()).toBe(3);
    expect(q.takeDropped()).toBeUndefined();
    let n = 0;
    q.drain(() => n++);
    expect(n).toBe(MAX_STARTUP_QUEUE);
  });
});
