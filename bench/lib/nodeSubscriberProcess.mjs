// Child process: the Node reference. An mqtt.js subscriber over WebSockets that parses and counts,
// i.e. what the broker can deliver to one client on this machine. Pushes its count every 100 ms:
//   → { type: 'start', url, filter }   ← { type: 'ready' }, then { type: 'count', count, at, bad }
//   → { type: 'exit' }
import { connectBench, exitChild, send } from './benchChild.mjs';

let count = 0;
let bad = 0;
/** @type {import('mqtt').MqttClient | undefined} */
let client;

process.on('message', (/** @type {any} */ msg) => {
  if (msg.type === 'start') {
    client = connectBench(msg.url, 'node-ref', { protocolVersion: 5 });
    client.on('message', (_topic, payload) => {
      count++;
      try {
        JSON.parse(payload.toString());
      } catch {
        bad++;
      }
    });
    client.once('connect', () => client?.subscribe(msg.filter ?? '#', { qos: 0 }, () => {
      send({ type: 'ready' });
      setInterval(() => send({ type: 'count', count, at: Date.now(), bad }), 100);
    }));
  } else if (msg.type === 'exit') {
    exitChild(client);
  }
});
