// mqtt.js' graceful end() waits for in-flight QoS 1 traffic; if the broker is
// already gone that can take a long time. Shutdown must be quick (Ctrl-C → exit
// within 2 s), so give it a moment and then force the socket closed.

/**
 * @param {import('mqtt').MqttClient | undefined} client
 * @param {number} [graceMs]
 * @returns {Promise<void>}
 */
export function endClient(client, graceMs = 500) {
  if (!client) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => client.end(true, {}, () => resolve()), graceMs);
    client.end(false, {}, () => { clearTimeout(timer); resolve(); });
  });
}
