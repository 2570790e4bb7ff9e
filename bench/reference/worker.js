// Bare reference client: mqtt.js's own browser ESM build, in a worker, JSON.parse + count per
// message, nothing else. Served from the repository root by the bench (node_modules is a sibling).
import mqtt from '../../node_modules/mqtt/dist/mqtt.esm.js';

const decoder = new TextDecoder();
const state = { count: 0, bad: 0, connected: false, subscribed: false, error: '' };
self.__bench = state;

self.onmessage = (e) => {
  if (e.data.type !== 'start') return;
  const client = mqtt.connect(e.data.url, { clientId: `bench-bare-${Math.random().toString(36).slice(2, 10)}`, protocolVersion: 4, reconnectPeriod: 0 });
  client.on('error', (err) => { state.error = String(err.message ?? err); });
  client.on('message', (_topic, payload) => {
    state.count++;
    try {
      JSON.parse(decoder.decode(payload));
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
