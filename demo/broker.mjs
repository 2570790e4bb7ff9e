// Embedded MQTT 5 broker for the demo and tests: aedes 2.0.0-beta.1 behind a
// WebSocket listener (what the browser worker connects to) and an optional
// plain TCP listener (handy for mosquitto_sub / MQTT Explorer).
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { Aedes } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { listen } from './listen.mjs';
import { fixDedupe } from './aedesDedupeFix.mjs';

// mqtt.js offers 'mqtt' (MQTT 3.1.1/5) or 'mqttv3.1' (legacy MQIsdp). A browser
// aborts the handshake unless the server echoes one of the offered protocols,
// so pick explicitly instead of relying on ws' "first offered" default.
const SUBPROTOCOLS = ['mqtt', 'mqttv3.1'];

/** @param {string} host */
const urlHost = (host) => (host.includes(':') ? `[${host}]` : host);

/**
 * @param {{ wsPort?: number, tcpPort?: number, host?: string }} [opts]
 *   wsPort 0 picks a free port; tcpPort 0 means "no TCP listener".
 * @returns {Promise<{ wsUrl: string, wsPort: number, tcpUrl?: string, tcpPort?: number,
 *   aedes: import('aedes').Aedes, close(): Promise<void> }>}
 */
export async function startBroker({ wsPort = 9001, tcpPort = 0, host = '127.0.0.1' } = {}) {
  // 1.x+/2.x API: the constructor no longer sets up persistence; createBroker awaits it.
  // aedes defaults to the MQTT 3.1 23-char client-id limit, which rejects typical
  // browser ids like `sightglass-<uuid>`; MQTT 3.1.1/5 let servers accept longer ones.
  const aedes = await Aedes.createBroker({ maxClientsIdLength: 256 });
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const track = (/** @type {import('node:net').Socket} */ s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  };

  const http = createHttpServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' });
    res.end('Sightglass demo MQTT broker: connect with an MQTT client over WebSocket (subprotocol "mqtt").\n');
  });
  http.on('connection', track);
  // noServer mode: bind errors surface on the http server only, where listen() handles them.
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => SUBPROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  http.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = createWebSocketStream(ws);
      // aedes listens for stream errors itself once handed over; this guards the
      // window before that and after it detaches on close.
      stream.on('error', () => {});
      fixDedupe(aedes.handle(stream, req));
    });
  });

  /** @type {import('node:net').Server | undefined} */
  let tcp;
  try {
    const boundWs = await listen(http, { port: wsPort, host, what: 'broker WebSocket listener', flag: '--broker-port' });
    /** @type {{ wsUrl: string, wsPort: number, tcpUrl?: string, tcpPort?: number }} */
    const urls = { wsUrl: `ws://${urlHost(host)}:${boundWs}`, wsPort: boundWs };
    if (tcpPort) {
      tcp = createNetServer((socket) => { track(socket); fixDedupe(aedes.handle(socket)); });
      const boundTcp = await listen(tcp, { port: tcpPort, host, what: 'broker TCP listener', flag: '--broker-tcp-port' });
      Object.assign(urls, { tcpUrl: `mqtt://${urlHost(host)}:${boundTcp}`, tcpPort: boundTcp });
    }
    let closing;
    const close = () => (closing ??= shutdown());
    return { ...urls, aedes, close };
  } catch (err) {
    await shutdown();
    throw err;
  }

  async function shutdown() {
    // Stop accepting first, then drop live connections (browsers hold WebSockets
    // open forever, which would keep server.close() pending), then stop aedes.
    const closed = [http, tcp].filter((s) => s?.listening).map(
      (s) => new Promise((resolve) => s?.close(() => resolve(undefined))));
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    for (const s of sockets) s.destroy();
    await Promise.all(closed);
    await new Promise((resolve) => aedes.close(() => resolve(undefined)));
  }
}
