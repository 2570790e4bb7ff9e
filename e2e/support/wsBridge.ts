/**
 * A small WebSocket-to-TCP bridge in front of Mosquitto's plain MQTT listener, for tests with
 * big payloads: Debian's Mosquitto 2.0.11 websockets listener (libwebsockets) stalls on outgoing
 * messages over ~150 KB, after which the client receives nothing more. The browser app connects
 * to `bridge.url` exactly as to a websockets listener (subprotocol "mqtt"); bytes are piped both
 * ways unchanged, with backpressure.
 *
 *   const bridge = await startWsBridge(broker.tcpPort);
 *   await app.open(configFor({ wsUrl: bridge.url }));
 *   …
 *   await bridge.close();
 */
import net from 'node:net';
// mqtt.js's own packet parser (a dependency of mqtt): lets tests see what the app sent in CONNECT.
import mqttPacket from 'mqtt-packet';
import { WebSocketServer, type WebSocket } from 'ws';

/** What a browser sent in its MQTT CONNECT (computed credentials are checked with this). */
export interface SeenConnect {
  clientId: string;
  username?: string;
  password?: string;
  protocolVersion: number;
  clean: boolean;
}

export interface WsBridge {
  readonly url: string;
  readonly port: number;
  /** Open browser connections. */
  readonly connections: number;
  /** Request path and query of every WebSocket handshake, oldest first. */
  readonly requests: string[];
  /** Every CONNECT packet seen, oldest first. */
  readonly connects: SeenConnect[];
  /** Cuts every open connection (as a network failure would); new ones are still accepted. */
  dropAll(): void;
  /** While held, new WebSocket connections are refused (HTTP 503), as if the broker were unreachable. */
  hold(on: boolean): void;
  close(): Promise<void>;
}

export async function startWsBridge(tcpPort: number, host = '127.0.0.1'): Promise<WsBridge> {
  let held = false;
  const open = new Set<{ ws: WebSocket; tcp: net.Socket }>();
  const requests: string[] = [];
  const connects: SeenConnect[] = [];
  const server = new WebSocketServer({
    host,
    port: 0,
    perMessageDeflate: false,
    maxPayload: 512 * 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has('mqtt') ? 'mqtt' : (protocols.values().next().value ?? false)),
    verifyClient: (_info, done) => (held ? done(false, 503, 'Held by the test') : done(true)),
  });
  server.on('connection', (ws, req) => {
    requests.push(req.url ?? '');
    const tcp = net.connect({ host, port: tcpPort });
    const pair = { ws, tcp };
    open.add(pair);
    tcp.setNoDelay(true);
    // Only the first packet (CONNECT) is parsed; v5 and 3.1.1 share its fixed layout.
    let parser: ReturnType<typeof mqttPacket.parser> | null = mqttPacket.parser({ protocolVersion: 5 });
    parser.on('packet', (packet) => {
      if (packet.cmd === 'connect') {
        connects.push({ clientId: packet.clientId, username: packet.username, password: packet.password?.toString(), protocolVersion: packet.protocolVersion ?? 4, clean: packet.clean !== false });
      }
      parser = null;
    });
    parser.on('error', () => (parser = null));
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      parser?.parse(bytes);
      tcp.write(bytes);
    });
    // Broker → browser, one chunk in flight at a time: a 16 MiB message cannot flood the socket.
    tcp.on('data', (chunk) => {
      tcp.pause();
      ws.send(chunk, { binary: true }, () => tcp.resume());
    });
    const end = () => {
      open.delete(pair);
      tcp.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.terminate();
    };
    ws.on('close', end);
    ws.on('error', end);
    tcp.on('close', end);
    tcp.on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://${host}:${port}`,
    port,
    get connections() {
      return open.size;
    },
    requests,
    connects,
    dropAll() {
      for (const p of [...open]) {
        p.ws.terminate();
        p.tcp.destroy();
      }
    },
    hold(on) {
      held = on;
    },
    close() {
      for (const p of [...open]) {
        p.ws.terminate();
        p.tcp.destroy();
      }
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
