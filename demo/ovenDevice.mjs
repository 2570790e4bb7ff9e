// plant/site2/line2/oven3 as its own device connection, so the dashboard can show
// a device going offline the way real ones do: the TCP/WebSocket link dies without
// an MQTT DISCONNECT and the broker publishes the device's last will.
import mqtt from 'mqtt';
import { duration } from './prng.mjs';
import { endClient } from './endClient.mjs';

/**
 * @param {{ url: string, clientId: string, baseTopic: string, rng: import('./prng.mjs').Rng,
 *   timing: import('./plantModel.mjs').Timing, now: number }} opts
 */
export function createOvenDevice({ url, clientId, baseTopic, rng, timing, now }) {
  const statusTopic = `${baseTopic}/status`;
  /** @type {import('mqtt').MqttClient | undefined} */
  let client;
  let nextDropAt = now + duration(rng, timing.ovenDropEveryMs);
  let backAt = 0;

  const connect = () => {
    const c = mqtt.connect(url, {
      protocolVersion: 5, clientId, reconnectPeriod: 1000, connectTimeout: 5000, queueQoSZero: false,
      will: { topic: statusTopic, payload: Buffer.from('offline'), qos: 1, retain: true },
    });
    c.on('connect', () => c.publish(statusTopic, 'online', { qos: 1, retain: true }));
    c.on('error', () => {}); // reconnect handles it
    client = c;
    return c;
  };
  const firstConnect = new Promise((resolve) => connect().once('connect', resolve));

  /** Kill the link abruptly: no DISCONNECT packet, so the broker sends the will. */
  const drop = () => {
    const c = client;
    client = undefined;
    c?.stream?.destroy();
    c?.end(true); // stop mqtt.js from reconnecting by itself; we come back on our own schedule
  };

  return {
    ready: firstConnect,
    /** the connection to publish oven3 data on, or undefined while it is down */
    get client() { return client?.connected ? client : undefined; },
    /** @param {number} t @param {boolean} dropsEnabled */
    tick(t, dropsEnabled) {
      // Only an online device can drop off; one still connecting would leave no will.
      if (client?.connected && dropsEnabled && t >= nextDropAt) {
        drop();
        backAt = t + duration(rng, timing.ovenDownMs);
        nextDropAt = Math.max(t + duration(rng, timing.ovenDropEveryMs), backAt + 1000);
      } else if (!client && t >= backAt) {
        connect();
      }
    },
    async stop() {
      const c = client;
      client = undefined;
      // A clean shutdown still tells the dashboard the device is gone.
      if (c?.connected) c.publish(statusTopic, 'offline', { qos: 0, retain: true });
      await endClient(c);
    },
  };
}
