import type { FromEngine, FullPayloadResult, PublishResult, ToEngine } from '../../src/engine/protocol';
import { applyDelta } from '../state/engineStore';

type ResultListener = (result: PublishResult) => void;

/**
 * The only code that talks to the engine worker. Deltas are applied to the stores as they come,
 * and acked on the next animation frame, so the engine sends at most one per painted frame.
 */
class EngineClient {
  private worker: Worker | null = null;
  private resultListeners = new Map<number, ResultListener>();
  private nextReqId = 1;
  private ackFrame = 0;
  private fatalListener: ((message: string) => void) | null = null;
  private payloadListeners = new Map<number, (result: FullPayloadResult) => void>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../../src/engine/worker.ts', import.meta.url), { type: 'module', name: 'sightglass-engine' });
    worker.onmessage = (event: MessageEvent<FromEngine>) => this.receive(event.data);
    worker.onerror = (event) => this.fatalListener?.(event.message || 'The engine worker failed to start');
    this.worker = worker;
    // The browser knows before any keepalive that the network is gone (or back): tell the engine.
    const network = () => this.send({ type: 'network', online: navigator.onLine });
    window.addEventListener('online', network);
    window.addEventListener('offline', network);
    if (!navigator.onLine) worker.postMessage({ type: 'network', online: false } satisfies ToEngine);
    return worker;
  }

  send(msg: ToEngine): void {
    this.ensure().postMessage(msg);
  }

  newRequestId(): number {
    return this.nextReqId++;
  }

  onResult(reqId: number, listener: ResultListener): () => void {
    this.resultListeners.set(reqId, listener);
    return () => this.resultListeners.delete(reqId);
  }

  /** The whole last payload of a tree node (its display copy was cut at 256 KiB). */
  fullPayload(id: number): Promise<FullPayloadResult> {
    const reqId = this.newRequestId();
    return new Promise((resolve) => {
      this.payloadListeners.set(reqId, (r) => {
        this.payloadListeners.delete(reqId);
        resolve(r);
      });
      this.send({ type: 'fullPayload', reqId, id });
    });
  }

  onFatal(listener: (message: string) => void): void {
    this.fatalListener = listener;
  }

  private receive(msg: FromEngine): void {
    switch (msg.type) {
      case 'delta': {
        applyDelta(msg);
        const seq = msg.seq;
        cancelAnimationFrame(this.ackFrame);
        this.ackFrame = requestAnimationFrame(() => this.send({ type: 'ack', seq }));
        return;
      }
      case 'publishResult':
        this.resultListeners.get(msg.reqId)?.(msg);
        return;
      case 'fullPayload':
        this.payloadListeners.get(msg.reqId)?.(msg);
        return;
      case 'fatal':
        this.fatalListener?.(msg.message);
        return;
    }
  }
}

export const engine = new EngineClient();
