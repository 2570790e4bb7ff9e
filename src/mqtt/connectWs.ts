import './shims/nodeGlobals';
import clientModule, { type IClientOptions } from 'mqtt/lib/client';
import { browserStreamBuilder } from 'mqtt/lib/connect/ws';

// lib/client.js is CommonJS with `exports.default = MqttClient`. Vite, Vitest and Node treat our
// modules as Node ES modules ("type": "module"), where a default import is `module.exports`
// itself, not TypeScript's `.default`; take the class from whichever one was handed over.
const MqttClient = (clientModule as unknown as { default?: typeof clientModule }).default ?? clientModule;
type MqttClient = InstanceType<typeof clientModule>;

/**
 * `mqtt.connect(url, options)` for ws:// and wss:// only, built from mqtt.js's CommonJS build
 * instead of its browser bundle (`mqtt/dist/mqtt.esm.js`). The bundle carries everything
 * `connect()` can reach (Node `url`/`punycode` polyfills for URL parsing, TCP/TLS/WeChat/Alipay
 * transports, a second `process` polyfill, worker-timers with the Babel runtime, debug): about
 * 98 kB gzip, the largest part of the engine worker the app waits for at start-up (issue 9).
 * Here the URL is parsed with the platform's `URL` and the client gets mqtt.js's own browser
 * WebSocket stream builder, which is what `connect()` picks in a browser anyway. vite.config.ts
 * swaps three dependencies of the CommonJS build for small shims (see `shims/`).
 *
 * Mirrors lib/connect/index.js for these URLs: host, port, path + query and user info from the
 * URL, `?clientId=` in the query, options given explicitly win over the URL (except user info,
 * as in mqtt.js); the stream builder runs again on every reconnect with the same options.
 */
export function connectWs(brokerUrl: string, options: IClientOptions): MqttClient {
  const url = new URL(brokerUrl);
  const protocol = url.protocol.replace(/:$/, '');
  if (protocol !== 'ws' && protocol !== 'wss') throw new Error(`Unsupported protocol "${protocol}": use ws:// or wss://`);
  const opts: IClientOptions = {
    port: url.port ? Number(url.port) : undefined,
    host: url.hostname,
    path: url.pathname + url.search,
    ...options,
    protocol,
  };
  if (url.username) {
    opts.username = decodeURIComponent(url.username);
    if (url.password) opts.password = decodeURIComponent(url.password);
  }
  const clientId = url.searchParams.get('clientId');
  if (clientId !== null) opts.clientId = clientId;
  if (opts.clean === false && !opts.clientId) throw new Error('Missing clientId for unclean clients');
  opts.defaultProtocol = protocol;
  const client = new MqttClient((c) => browserStreamBuilder(c, opts), opts);
  // As mqtt.connect(): an 'error' without listener must not throw (the session listens anyway).
  client.on('error', () => {});
  return client;
}
