// Bare reference client: mqtt.js's own browser ESM build, in a worker, JSON.parse + count per
// message, nothing else — except noting the payload's `ts` (publish time) for a data-age
// reference, sampled the way the engine samples it (src/engine/DataAge.ts). `?qos=1` subscribes at
// QoS 1 (scenario 9): mqtt.js acks each message after its 'message' handler. Served from the
// repository root by the bench (node_modules is a sibling).
import mqtt from '../../node_modules/mqtt/dist/mqtt.esm.js';

const decoder = new TextDecoder();
const state = { count: 0, bad: 0, connected: false, subscribed: false, error: '', ageP50: null, ageP95: null, ageAt: 0 };
self.__bench = state;

let ages = [];
let seen = 0;

self.onmessage = (e) => {
  if (e.data.type !== 'start') return;
  const client = mqtt.connect(e.data.url, { clientId: `bench-bare-${Math.random().toString(36).slice(2, 10)}`, protocolVersion: 5, reconnectPeriod: 0 });
  client.on('error', (err) => { state.error = String(err.message ?? err); });
  client.on('message', (_topic, payload) => {
    state.count++;
    let json;
    try {
      json = JSON.parse(decoder.decode(payload));
    } catch {
      state.bad++;
      return;
    }
    if (json && typeof json.ts === 'number') {
      const age = Date.now() - json.ts;
      seen++;
      if (ages.length < 512) ages.push(age);
      else {
        const j = Math.floor(Math.random() * seen);
        if (j < 512) ages[j] = age;
      }
    }
  });
  client.on('connect', () => {
    state.connected = true;
    client.subscribe(e.data.filter, { qos: e.data.qos ?? 0 }, () => { state.subscribed = true; });
  });
  setInterval(() => {
    const s = ages.sort((a, b) => a - b);
    state.ageP50 = s.length ? s[s.length >> 1] : null;
    state.ageP95 = s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] : null;
    state.ageAt = Date.now();
    ages = [];
    seen = 0;
  }, 1000);
  setInterval(() => self.postMessage({ ...state }), 250);
};
