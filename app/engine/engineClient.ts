import type { Delta, FromEngine, FullPayloadResult, PublishResult, ToEngine } from '../../src/engine/protocol';
import { assertNever } from '../lib/assertNever';

type ResultListener = (result: PublishResult) => void;
type DeltaListener = (delta: Delta) => void;
type FatalListener = (message: string) => void;

/** The part of a Worker the bridge uses, so tests can hand it a fake. */
export interface WorkerPort {
  postMessage(msg: ToEngine): void;
  onmessage: ((event: MessageEvent<FromEngine>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** How the bridge gets its worker and its animation frames (injected in tests). */
export interface BridgeEnv {
  createWorker(): WorkerPort;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

const browserEnv: BridgeEnv = {
  createWorker: () => new Worker(new URL('../../src/engine/worker.ts', import.meta.url), { type: 'module', name: 'sightglass-engine' }) as WorkerPort,
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
};

/**
 * The only code that talks to the engine worker. It imports no store: `app/startup.ts` wires
 * `onDelta` to the stores. Each delta is acked on the next animation frame, so the engine sends
 * at most one per painted frame (and merges meanwhile).
 */
export class EngineClient {
  private worker: WorkerPort | null = null;
  private readonly resultListeners = new Map<number, ResultListener>();
  private readonly payloadListeners = new Map<number, (result: FullPayloadResult) => void>();
  private readonly deltaListeners = new Set<DeltaListener>();
  private fatalListener: FatalListener | null = null;
  private nextReqId = 1;
  private ackFrame = 0;

  constructor(private readonly env: BridgeEnv = browserEnv) {}

  /** Starts the worker now (it also starts on the first `send`). */
  start(): void {
    this.ensure();
  }

  private ensure(): WorkerPort {
    if (this.worker) return this.worker;
    const worker = this.env.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => this.fatalListener?.(event.message || 'The engine worker failed to start');
    this.worker = worker;
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

  /** Every delta, in order, before it is acked. */
  onDelta(listener: DeltaListener): () => void {
    this.deltaListeners.add(listener);
    return () => this.deltaListeners.delete(listener);
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

  onFatal(listener: FatalListener): void {
    this.fatalListener = listener;
  }

  private receive(msg: FromEngine): void {
    switch (msg.type) {
      case 'delta': {
        for (const listener of this.deltaListeners) listener(msg);
        const seq = msg.seq;
        this.env.cancelFrame(this.ackFrame);
        this.ackFrame = this.env.requestFrame(() => this.send({ type: 'ack', seq }));
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
      default:
        assertNever(msg, 'message from the engine');
    }
  }
}

export const engine = new EngineClient();
