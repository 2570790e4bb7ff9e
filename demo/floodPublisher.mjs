// Load generator for the `flood` scenario: many topics, as fast as the socket
// drains (rate 0) or at a fixed rate. Separate client so the regular plant
// traffic and command acks are not stuck behind the flood.
import mqtt from 'mqtt';
import { endClient } from './endClient.mjs';

const QS = [['temperature', '°C', 60], ['pressure', 'bar', 6], ['vibration', 'mm/s', 3]];
const BATCH = 500; // publishes between backpressure checks in unlimited mode

/**
 * @param {{ url: string, clientId: string, topics?: number, rate?: number }} opts
 *   topics: distinct topic count; rate: msgs/s, 0 = as fast as possible
 */
export function startFlood({ url, clientId, topics = 1000, rate = 0 }) {
  const client = mqtt.connect(url, { protocolVersion: 5, clientId, reconnectPeriod: 1000, queueQoSZero: false });
  client.on('error', () => {});
  const names = Array.from({ length: Math.max(1, topics) }, (_, i) =>
    `plant/flood/g${Math.floor(i / 100)}/dev${i}/${QS[i % 3][0]}`);
  let cursor = 0;
  let sent = 0;
  let busy = false;
  let stopped = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** Publish n messages; `done` runs once the socket has taken them (mqtt.js waits for 'drain'). */
  const batch = (/** @type {number} */ n, /** @type {() => void} */ done) => {
    const ts = Date.now();
    for (let k = 0; k < n; k++) {
      const i = cursor++ % names.length;
      const [, unit, base] = QS[i % 3];
      const v = Math.round((Number(base) * (1 + 0.1 * Math.sin(ts / 5000 + i))) * 100) / 100;
      client.publish(names[i], `{"v":${v},"unit":"${unit}","ts":${ts},"q":192}`, { qos: 0 }, k === n - 1 ? done : undefined);
    }
    sent += n;
  };

  if (rate > 0) {
    let budget = 0;
    let last = Date.now();
    const tick = () => {
      const now = Date.now();
      budget = Math.min(budget + ((now - last) * rate) / 1000, rate / 4);
      last = now;
      const n = Math.floor(budget);
      if (!busy && client.connected && n > 0) {
        budget -= n;
        busy = true;
        batch(n, () => { busy = false; });
      }
      if (!stopped) timer = setTimeout(tick, 20);
    };
    tick();
  } else {
    const pump = () => {
      if (stopped) return;
      if (!client.connected) { timer = setTimeout(pump, 100); return; }
      batch(BATCH, () => setImmediate(pump));
    };
    pump();
  }

  return {
    get sent() { return sent; },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await endClient(client);
    },
  };
}
