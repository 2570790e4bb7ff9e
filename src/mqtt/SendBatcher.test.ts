import { describe, expect, it } from 'vitest';
import { SendBatcher, type SendSocket } from './SendBatcher';

/** A socket that records each frame it was asked to send, and when it was closed. */
function fakeSocket() {
  const frames: number[][] = [];
  const events: string[] = [];
  const socket: SendSocket = {
    send: (data) => {
      const bytes = typeof data === 'string' ? [...new TextEncoder().encode(data)] : [...data];
      frames.push(bytes);
      events.push(`send ${bytes.join(',')}`);
    },
    close: () => void events.push('close'),
  };
  return { socket, frames, events };
}

function setup() {
  const deferred: (() => void)[] = [];
  const batcher = new SendBatcher((fn) => deferred.push(fn));
  const runDeferred = () => {
    while (deferred.length) deferred.shift()!();
  };
  return { batcher, deferred, runDeferred };
}

const bytes = (...b: number[]) => new Uint8Array(b);

describe('SendBatcher', () => {
  it('sends what was written in one turn as one frame, in order', () => {
    const { batcher, deferred, runDeferred } = setup();
    const { socket, frames } = fakeSocket();
    batcher.wrap(socket);
    socket.send(bytes(0x40, 2, 0, 1));
    socket.send(bytes(0x40, 2, 0, 2));
    socket.send('A');
    expect(frames).toEqual([]);
    expect(deferred).toHaveLength(1);
    runDeferred();
    expect(frames).toEqual([[0x40, 2, 0, 1, 0x40, 2, 0, 2, 65]]);
    socket.send(bytes(0xc0, 0));
    runDeferred();
    expect(frames).toEqual([[0x40, 2, 0, 1, 0x40, 2, 0, 2, 65], [0xc0, 0]]);
  });

  it('an early flush (the inbound queue, before the engine works) sends at once; the deferred one finds nothing', () => {
    const { batcher, runDeferred } = setup();
    const { socket, frames } = fakeSocket();
    batcher.wrap(socket);
    socket.send(bytes(1));
    batcher.flush();
    expect(frames).toEqual([[1]]);
    runDeferred();
    expect(frames).toEqual([[1]]);
  });

  it('sends what is held before closing', () => {
    const { batcher } = setup();
    const { socket, events } = fakeSocket();
    batcher.wrap(socket);
    socket.send(bytes(0xe0, 0));
    socket.close();
    expect(events).toEqual(['send 224,0', 'close']);
  });

  it('after a reconnect, bytes held for the old socket go to the old socket, first', () => {
    const { batcher, runDeferred } = setup();
    const old = fakeSocket();
    const next = fakeSocket();
    batcher.wrap(old.socket);
    old.socket.send(bytes(1));
    batcher.wrap(next.socket);
    next.socket.send(bytes(2));
    runDeferred();
    expect(old.frames).toEqual([[1]]);
    expect(next.frames).toEqual([[2]]);
  });
});
