// Child process: the Node reference. An mqtt.js subscriber over WebSockets that parses and counts,
// i.e. what the broker can deliver to one client on this machine. Pushes its count every 100 ms:
//   → { type: 'start', url, filter }   ← { type: 'ready' }, then { type: 'count', count, at, bad }
//   → { type: 'exit' }
import mqtt from 'mqtt';

let count = 0;
let bad = 0;
/** @type {import('mqtt').MqttClient | undefined} */
let client;

process.on('message', (/** @type {any} */ msg) => {
  if (msg.type === 'start') {
    client = mqtt.connect(msg.url, { clientId: `bench-node-ref-${process.pid}`, protocolVersion: 5, reconnectPeriod: 0 });
    client.on('error', (err) => process.send?.({ type: 'error', message: err.message }));
    client.on('message', (_topic, payload) => {
      count++;
      try {
        JSON.parse(payload.toString());
      } catch {
        bad++;
      }
    });
    client.once('connect', () => client?.subscribe(msg.filter ?? '#', { qos: 0 }, () => {
      process.send?.({ type: 'ready' });
      setInterval(() => process.send?.({ type: 'count', count, at: Date.now(), bad }), 100);
    }));
  } else if (msg.type === 'exit') {
    if (client) client.end(true, {}, () => process.exit(0));
    else process.exit(0);
    setTimeout(() => process.exit(0), 1000).unref();
  }
});
