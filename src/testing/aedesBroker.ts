import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';

export interface TestBroker {
  readonly url: string;
  readonly port: number;
  readonly aedes: Aedes;
  /** Drops every connection and stops listening: to clients, the broker went away. */
  close(): Promise<void>;
}

/**
 * An in-process MQTT 5 broker (aedes over WebSockets on 127.0.0.1) for Node tests of the real
 * session code; `port` 0 picks a free one, a given port brings a closed broker back on it.
 * Wired like demo/broker.mjs (subprotocol `mqtt`), without the demo's extras.
 */
export async function startAedesBroker(port = 0, setup?: (aedes: Aedes) => void): Promise<TestBroker> {
  const aedes = await Aedes.createBroker({ maxClientsIdLength: 256 });
  setup?.(aedes);
  const server: Server = createServer();
  const wss = new WebSocketServer({ server, handleProtocols: (offered) => (offered.has('mqtt') ? 'mqtt' : false) });
  wss.on('connection', (ws, req) => {
    const stream = createWebSocketStream(ws);
    stream.on('error', () => {});
    aedes.handle(stream, req);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await closed;
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
    })());
  return { url: `ws://127.0.0.1:${bound}`, port: bound, aedes, close };
}
