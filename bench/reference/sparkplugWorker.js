// Bare Sparkplug reference client (bench scenario 7): worker.js with the app's own Sparkplug
// decoder (`decodeSparkplugPayload`, src/sparkplug) in place of JSON.parse — mqtt.js's browser
// build, decode + count per message, nothing else (no alias resolution, no host model). Bundled by
// bench/lib/sparkplugReference.mjs into .tmp/bench-reference/sparkplug-worker.js, because the
// decoder is TypeScript.
import mqtt from '../../node_modules/mqtt/dist/mqtt.esm.js';
import { decodeSparkplugPayload } from '../../src/sparkplug/index.ts';

const state = { count: 0, bad: 0, metrics: 0, connected: false, subscribed: false, error: '' };
self.__bench = state;

self.onmessage = (e) => {
  if (e.data.type !== 'start') return;
  const client = mqtt.connect(e.data.url, { clientId: `bench-bare-sp-${Math.random().toString(36).slice(2, 10)}`, protocolVersion: 5, reconnectPeriod: 0 });
  client.on('error', (err) => { state.error = String(err.message ?? err); });
  client.on('message', (_topic, payload) => {
    state.count++;
    try {
      state.metrics += decodeSparkplugPayload(payload).metrics.length;
    } catch {
      state.bad++;
    }
  });
  client.on('connect', () => {
    state.connected = true;
    client.subscribe(e.data.filter, { qos: 0 }, () => { state.subscribed = true; });
  });
  setInterval(() => self.postMessage({ ...state }), 250);
};
