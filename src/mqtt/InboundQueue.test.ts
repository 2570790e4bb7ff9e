import { describe, expect, it } from 'vitest';
import { InboundQueue, type InboundMessage } from './InboundQueue';

const msg = (topic: string): InboundMessage => ({ topic, payload: new Uint8Array([1]), qos: 1, retain: false, properties: undefined });

/** A queue whose deferred flushes run only when the test says so. */
function setup(deliver: (m: InboundMessage) => void) {
  const deferred: (() => void)[] = [];
  const queue = new InboundQueue(deliver, (fn) => deferred.push(fn));
  const runDeferred = () => {
    while (deferred.length) deferred.shift()!();
  };
  return { queue, deferred, runDeferred };
}

describe('InboundQueue', () => {
  it('delivers nothing inside push; a single deferred flush delivers the whole batch in order', () => {
    const got: string[] = [];
    const { queue, deferred, runDeferred } = setup((m) => got.push(m.topic));
    queue.push(msg('a'));
    queue.push(msg('b'));
    queue.push(msg('c'));
    expect(got).toEqual([]);
    expect(deferred).toHaveLength(1);
    runDeferred();
    expect(got).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(0);
  });

  it('a synchronous flush (another session event) delivers first; the deferred one then finds nothing', () => {
    const got: string[] = [];
    const { queue, runDeferred } = setup((m) => got.push(m.topic));
    queue.push(msg('a'));
    queue.flush();
    expect(got).toEqual(['a']);
    runDeferred();
    expect(got).toEqual(['a']);
    queue.push(msg('b'));
    runDeferred();
    expect(got).toEqual(['a', 'b']);
  });

  it('a listener that throws loses no other message', () => {
    const got: string[] = [];
    const { queue, runDeferred } = setup((m) => {
      if (m.topic === 'bad') throw new Error('boom');
      got.push(m.topic);
    });
    for (const t of ['a', 'bad', 'b', 'c']) queue.push(msg(t));
    expect(runDeferred).toThrow('boom');
    expect(got).toEqual(['a']);
    runDeferred();
    expect(got).toEqual(['a', 'b', 'c']);
  });

  it('puts the held acks on the wire (beforeDeliver) before the first message reaches the engine', () => {
    const order: string[] = [];
    const deferred: (() => void)[] = [];
    const queue = new InboundQueue((m) => order.push(m.topic), (fn) => deferred.push(fn), () => order.push('acks sent'));
    queue.push(msg('a'));
    queue.push(msg('b'));
    deferred.shift()!();
    expect(order).toEqual(['acks sent', 'a', 'b']);
  });

  it('clear forgets what is held', () => {
    const got: string[] = [];
    const { queue, runDeferred } = setup((m) => got.push(m.topic));
    queue.push(msg('a'));
    queue.clear();
    runDeferred();
    expect(got).toEqual([]);
  });

  it('by default delivers in a task of its own, after the microtasks (mqtt.js ticks, acks) queued behind the push', async () => {
    const order: string[] = [];
    let delivered = () => {};
    const both = new Promise<void>((resolve) => (delivered = resolve));
    const queue = new InboundQueue((m) => {
      order.push(m.topic);
      if (m.topic === 'b') delivered();
    });
    queue.push(msg('a'));
    queueMicrotask(() => queueMicrotask(() => order.push('ack')));
    queue.push(msg('b'));
    await both;
    expect(order).toEqual(['ack', 'a', 'b']);
  });
});
