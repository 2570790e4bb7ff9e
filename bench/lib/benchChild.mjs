// What the bench's child processes (publisherProcess.mjs, sparkplugEdgeProcess.mjs,
// nodeSubscriberProcess.mjs) share: the MQTT client they start with, messages to the parent, the
// way out, and the pacing of a flood.
import mqtt from 'mqtt';

/** A message to the parent (the bench), when there is one. */
export const send = (/** @type {object} */ msg) => process.send?.(msg);

/**
 * Connects as `bench-<name>-<pid>`, MQTT 3.1.1 unless `extra` says otherwise, never reconnecting (a dropped bench connection is
 * a failed run, not something to hide) and never queueing QoS 0 while offline. Errors go to the parent.
 * @param {string} url @param {string} name @param {Partial<import('mqtt').IClientOptions>} [extra]
 */
export function connectBench(url, name, extra = {}) {
  const client = mqtt.connect(url, { clientId: `bench-${name}-${process.pid}`, protocolVersion: 4, reconnectPeriod: 0, queueQoSZero: false, ...extra });
  client.on('error', (err) => send({ type: 'error', message: err.message }));
  return client;
}

/** `{ type: 'exit' }`: closes the connection and ends the process (within a second, whatever happens). @param {import('mqtt').MqttClient | undefined} client */
export function exitChild(client) {
  if (client) client.end(true, {}, () => process.exit(0));
  else process.exit(0);
  setTimeout(() => process.exit(0), 1000).unref();
}

/**
 * `rate` messages per second until `endAt` or until `current()` says the job was replaced, by a
 * token bucket ticking every 5 ms: smooth enough that data age measures the consumer, not bursts.
 * `batch(n)` publishes n and resolves when the socket has taken them.
 * @param {number} rate @param {number} endAt @param {() => boolean} current @param {(n: number) => Promise<unknown>} batch
 */
export async function publishAtRate(rate, endAt, current, batch) {
  let last = Date.now();
  let budget = 0;
  while (current() && Date.now() < endAt) {
    await new Promise((r) => setTimeout(r, 5));
    const now = Date.now();
    budget = Math.min(budget + ((now - last) * rate) / 1000, Math.max(1, rate / 20));
    last = now;
    const n = Math.floor(budget);
    if (n > 0) {
      budget -= n;
      await batch(n);
    }
  }
}
