import { describe, expect, it, vi } from 'vitest';
import type { Delta, FromEngine, ToEngine } from '../../src/engine/protocol';
import { EngineClient, type BridgeEnv, type WorkerPort } from './engineClient';

/** A Worker stand-in: records what the bridge posts; `emit` plays a message from the engine. */
class FakeWorker implements WorkerPort {
  readonly posted: ToEngine[] = [];
  onmessage: ((event: MessageEvent<FromEngine>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(msg: ToEngine): void {
    this.posted.push(msg);
  }
  emit(msg: FromEngine): void {
    this.onmessage?.({ data: msg } as MessageEvent<FromEngine>);
  }
}

/** A bridge on a fake worker with animation frames run by hand (`frame()`). */
function setup() {
  const workers: FakeWorker[] = [];
  let frames = new Map<number, () => void>();
  let nextFrame = 1;
  const env: BridgeEnv = {
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    requestFrame: (cb) => {
      frames.set(nextFrame, cb);
      return nextFrame++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
  };
  const frame = () => {
    const due = frames;
    frames = new Map();
    for (const cb of due.values()) cb();
  };
  const client = new EngineClient(env);
  return { client, workers, frame, worker: () => workers[0] };
}

const delta = (seq: number, extra: Partial<Delta> = {}): Delta => ({ type: 'delta', seq, at: seq * 100, ...extra });

describe('EngineClient (the bridge)', () => {
  it('starts one worker, lazily on the first send or at once with start()', () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    client.start();
    client.send({ type: 'treeFilter', text: 'a' });
    client.start();
    expect(workers).toHaveLength(1);
    expect(workers[0].posted).toEqual([{ type: 'treeFilter', text: 'a' }]);
  });

  it('hands every delta to each onDelta listener, in order, until unsubscribed', () => {
    const { client, worker } = setup();
    const a: number[] = [];
    const b: number[] = [];
    client.onDelta((d) => a.push(d.seq));
    const stopB = client.onDelta((d) => b.push(d.seq));
    client.start();
    worker().emit(delta(1));
    stopB();
    worker().emit(delta(2));
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1]);
  });

  it('acks once per animation frame, with the newest delta seq', () => {
    const { client, worker, frame } = setup();
    client.onDelta(() => undefined);
    client.start();
    worker().emit(delta(1));
    worker().emit(delta(2));
    worker().emit(delta(3));
    expect(worker().posted).toEqual([]);
    frame();
    expect(worker().posted).toEqual([{ type: 'ack', seq: 3 }]);
    frame();
    expect(worker().posted).toHaveLength(1);
    worker().emit(delta(4));
    frame();
    expect(worker().posted).toEqual([{ type: 'ack', seq: 3 }, { type: 'ack', seq: 4 }]);
  });

  it('routes publish results by reqId, and stops after unsubscribe', () => {
    const { client, worker } = setup();
    const first = vi.fn();
    const second = vi.fn();
    const r1 = client.newRequestId();
    const r2 = client.newRequestId();
    expect(r2).toBe(r1 + 1);
    const stop = client.onResult(r1, first);
    client.onResult(r2, second);
    client.start();
    worker().emit({ type: 'publishResult', reqId: r2, outcome: 'sent', at: 1 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(expect.objectContaining({ reqId: r2, outcome: 'sent' }));
    stop();
    worker().emit({ type: 'publishResult', reqId: r1, outcome: 'delivered', at: 2 });
    expect(first).not.toHaveBeenCalled();
  });

  it('fullPayload asks with a fresh reqId and resolves with the matching answer only', async () => {
    const { client, worker } = setup();
    const answer = client.fullPayload(42);
    const sent = worker().posted[0];
    expect(sent).toMatchObject({ type: 'fullPayload', id: 42 });
    const reqId = (sent as { reqId: number }).reqId;
    worker().emit({ type: 'fullPayload', reqId: reqId + 100, error: 'someone else' });
    worker().emit({ type: 'fullPayload', reqId, payload: new Uint8Array([1, 2]), receivedAt: 7 });
    await expect(answer).resolves.toMatchObject({ reqId, receivedAt: 7 });
  });

  it('reports a fatal message and a worker that failed to start', () => {
    const { client, worker } = setup();
    const fatal = vi.fn();
    client.onFatal(fatal);
    client.start();
    worker().emit({ type: 'fatal', message: 'out of memory' });
    worker().onerror?.({ message: '' } as ErrorEvent);
    expect(fatal.mock.calls).toEqual([['out of memory'], ['The engine worker failed to start']]);
  });

  it('throws on a message type it does not know (assertNever)', () => {
    const { client, worker } = setup();
    client.start();
    expect(() => worker().emit({ type: 'mystery' } as unknown as FromEngine)).toThrow(/Unexpected message from the engine/);
  });
});
