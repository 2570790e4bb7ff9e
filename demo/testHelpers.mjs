// Shared bits for the demo/*.test.mjs files (not a test file itself).
import mqtt from 'mqtt';

/** @param {string} url @param {Partial<import('mqtt').IClientOptions>} [opts] */
export function connect(url, opts = {}) {
  return mqtt.connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 5000, ...opts });
}

/**
 * Resolve with the first message matching `predicate`. Register before triggering.
 * @param {import('mqtt').MqttClient} client
 * @param {(topic: string, payload: Buffer, packet: import('mqtt').IPublishPacket) => boolean} predicate
 * @param {number} [timeoutMs]
 * @returns {Promise<{ topic: string, payload: Buffer, packet: import('mqtt').IPublishPacket }>}
 */
export function nextMessage(client, predicate, timeoutMs = 8000) {
  return new Promise((resolve, reject) => {
    const onMessage = (/** @type {string} */ topic, /** @type {Buffer} */ payload, /** @type {import('mqtt').IPublishPacket} */ packet) => {
      if (!predicate(topic, payload, packet)) return;
      cleanup();
      resolve({ topic, payload, packet });
    };
    const timer = setTimeout(() => { cleanup(); reject(new Error(`no matching message within ${timeoutMs} ms`)); }, timeoutMs);
    const cleanup = () => { clearTimeout(timer); client.off('message', onMessage); };
    client.on('message', onMessage);
  });
}

export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
