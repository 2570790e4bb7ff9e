import { createMacrotask } from './macrotask';

/** What the batcher needs of a WebSocket (the browser's, or a fake in tests). */
export interface SendSocket {
  send(data: Uint8Array<ArrayBuffer> | string): void;
  close(code?: number, reason?: string): void;
}

/**
 * Joins what mqtt.js writes to the WebSocket within one turn of the worker's task queue into a
 * single `send`. Mosquitto sends every PUBLISH as a WebSocket frame of its own, so mqtt.js acks
 * each QoS 1 message in a task of its own; one `send` per PUBACK was 22 % of the worker's time in
 * a QoS 1 burst (a send crosses to the browser's network process), where the bare reference page,
 * whose nextTick is a setTimeout, joins them and spent 2.5 % (issue 17, scenario 9). MQTT over
 * WebSocket lets a frame carry several control packets (MQTT 5.0 §6.0), and brokers read it as a
 * byte stream. Order is kept: bytes leave in the order written, and `close` sends what is held
 * first. `flush()` lets the inbound queue put the acks on the wire before the engine's work.
 */
export class SendBatcher {
  private held: Uint8Array<ArrayBuffer>[] = [];
  private heldBytes = 0;
  private socket: SendSocket | null = null;
  private scheduled = false;

  constructor(private readonly defer: (fn: () => void) => void = createMacrotask()) {}

  /** mqtt.js `createWebsocket`: the browser's WebSocket, its sends batched. */
  readonly open = (url: string, protocols: string[]): WebSocket => this.wrap(new WebSocket(url, protocols));

  /** Routes `socket`'s sends through the batcher (mqtt.js `createWebsocket` hook; a reconnect brings a new socket). */
  wrap<S extends SendSocket>(socket: S): S {
    this.flush();
    const send = socket.send.bind(socket);
    const close = socket.close.bind(socket);
    const direct = { send, close };
    socket.send = (data) => this.hold(direct, data);
    socket.close = (code, reason) => {
      if (this.socket === direct) this.flush();
      close(code, reason);
    };
    return socket;
  }

  /** Sends everything held, now, as one frame. */
  flush(): void {
    this.scheduled = false;
    const socket = this.socket;
    if (!socket || !this.held.length) return;
    const parts = this.held;
    const bytes = parts.length === 1 ? parts[0] : concat(parts, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    socket.send(bytes);
  }

  private hold(socket: SendSocket, data: Uint8Array<ArrayBuffer> | string): void {
    // Bytes held for an older socket leave before the first byte of this one.
    if (this.socket !== socket) this.flush();
    this.socket = socket;
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(() => this.flush());
  }
}

function concat(parts: readonly Uint8Array<ArrayBuffer>[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
