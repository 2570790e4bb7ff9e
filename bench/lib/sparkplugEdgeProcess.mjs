// Child process: a Sparkplug B edge node flooding DDATA for the bench's sparkplug scenario, encoded
// with Eclipse Tahu's sparkplug-payload, in its own event loop (like publisherProcess.mjs).
//   → { type: 'connect', url }                 ← { type: 'ready' }
//   → { type: 'flood', rate, durationMs }      NBIRTH + DBIRTHs, then DDATA by alias only until
//                                              durationMs   ← { type: 'progress', sent } … { type: 'done', sent, ms, rebirths }
//                                              (rebirths: NCMD Rebirth requests received while flooding)
//   → { type: 'exit' }
// Group BenchGroup, node BenchEdge, DEVICES devices × METRICS_PER_DEVICE Double metrics (1 000 in
// all, aliases 1…1000). Each DDATA carries METRICS_PER_MESSAGE of one device's metrics, devices in
// turn, seq per the specification (one counter for the node, 255 wraps to 0). An NCMD
// `Node Control/Rebirth` (the app asks when it sees a gap, e.g. after the broker dropped messages
// for a slow client) is answered with new births between batches; they count in `sent`. One that
// comes after the flood is not answered (nothing would count the births): the app, subscribed to
// spBv1.0/#, also receives its own request, so its `lost` may read −1.
// Payloads are encoded once per (device, chunk, seq) and reused: the publisher must outrun the
// clients it measures.
import sparkplugPayload from 'sparkplug-payload';
import { connectBench, exitChild, publishAtRate, send } from './benchChild.mjs';

const sp = /** @type {NonNullable<ReturnType<typeof sparkplugPayload.get>>} */ (sparkplugPayload.get('spBv1.0'));
const GROUP = 'BenchGroup';
const NODE = 'BenchEdge';
const DEVICES = 10;
const METRICS_PER_DEVICE = 100;
const METRICS_PER_MESSAGE = 10;
const CHUNKS = METRICS_PER_DEVICE / METRICS_PER_MESSAGE;
const BATCH = 500;
const REBIRTH = 'Node Control/Rebirth';

/** @type {import('mqtt').MqttClient | undefined} */
let client;
let job = 0;
let seq = 0;
let rebirthWanted = false;
let rebirths = 0;
/** @type {Map<number, Buffer>} */
const cache = new Map();

const topic = (/** @type {string} */ type, /** @type {number} */ d = -1) => `spBv1.0/${GROUP}/${type}/${NODE}${d >= 0 ? `/Device${d}` : ''}`;
const alias = (/** @type {number} */ d, /** @type {number} */ i) => d * METRICS_PER_DEVICE + i + 1;
const value = (/** @type {number} */ d, /** @type {number} */ i, /** @type {number} */ s) => Math.round((20 + 10 * Math.sin((d * 7 + i + s) / 9)) * 100) / 100;

process.on('message', (/** @type {any} */ msg) => {
  switch (msg.type) {
    case 'connect':
      client = connectBench(msg.url, 'sparkplug', {
        clean: true,
        will: { topic: topic('NDEATH'), payload: Buffer.from(sp.encodePayload({ timestamp: Date.now(), metrics: [{ name: 'bdSeq', type: 'Int64', value: 0 }] })), qos: 1, retain: false },
      });
      client.on('message', (_t, payload) => {
        try {
          const p = sp.decodePayload(payload);
          if (p.metrics?.some((m) => m.name === REBIRTH && m.value === true)) {
            rebirthWanted = true;
            rebirths++;
          }
        } catch { /* not Sparkplug: ignore */ }
      });
      client.once('connect', () => {
        /** @type {import('mqtt').MqttClient} */ (client).subscribe(topic('NCMD'), { qos: 0 }, () => send({ type: 'ready' }));
      });
      return;
    case 'flood':
      void flood(msg, ++job);
      return;
    case 'exit':
      job++;
      exitChild(client);
  }
});

/** NBIRTH + every DBIRTH, seq from 0; returns how many messages. @param {import('mqtt').MqttClient} c */
function births(c) {
  const now = Date.now();
  seq = 0;
  const publish = (/** @type {string} */ t, /** @type {any[]} */ metrics) => {
    c.publish(t, Buffer.from(sp.encodePayload({ timestamp: now, seq, metrics })), { qos: 0 });
    seq = (seq + 1) & 255;
  };
  publish(topic('NBIRTH'), [{ name: 'bdSeq', type: 'Int64', value: 0 }, { name: REBIRTH, type: 'Boolean', value: false }]);
  for (let d = 0; d < DEVICES; d++) {
    publish(topic('DBIRTH', d), Array.from({ length: METRICS_PER_DEVICE }, (_, i) => ({
      name: `Line${d}/Sensor${i}`, alias: alias(d, i), type: 'Double', value: value(d, i, 0), timestamp: now,
      properties: { engUnit: { type: 'String', value: '°C' } },
    })));
  }
  return 1 + DEVICES;
}

/** DDATA for message number k (device k % DEVICES, chunk by round), at the current seq. @param {number} k */
function ddata(k) {
  const d = k % DEVICES;
  const chunk = Math.floor(k / DEVICES) % CHUNKS;
  const key = (d * CHUNKS + chunk) * 256 + seq;
  let buf = cache.get(key);
  if (!buf) {
    const metrics = Array.from({ length: METRICS_PER_MESSAGE }, (_, j) => {
      const i = chunk * METRICS_PER_MESSAGE + j;
      return { alias: alias(d, i), type: 'Double', value: value(d, i, seq), timestamp: 1_700_000_000_000 + seq };
    });
    buf = Buffer.from(sp.encodePayload({ timestamp: 1_700_000_000_000 + seq, seq, metrics }));
    cache.set(key, buf);
  }
  seq = (seq + 1) & 255;
  return { topic: topic('DDATA', d), buf };
}

/** @param {{ rate?: number, durationMs?: number }} msg @param {number} id */
async function flood(msg, id) {
  const c = /** @type {import('mqtt').MqttClient} */ (client);
  const rate = msg.rate ?? 0;
  const started = Date.now();
  const endAt = started + (msg.durationMs ?? 5000);
  rebirths = 0;
  rebirthWanted = false;
  let sent = births(c);
  let k = 0;
  const progress = setInterval(() => send({ type: 'progress', sent }), 200);
  /** Publishes n DDATA; resolves when the socket has taken them. */
  const batch = (/** @type {number} */ n) => new Promise((resolve) => {
    if (rebirthWanted) {
      rebirthWanted = false;
      sent += births(c);
    }
    for (let j = 0; j < n; j++) {
      const m = ddata(k++);
      c.publish(m.topic, m.buf, { qos: 0 }, j === n - 1 ? () => resolve(undefined) : undefined);
    }
    sent += n;
  });
  if (rate > 0) {
    await publishAtRate(rate, endAt, () => job === id, batch);
  } else {
    while (job === id && Date.now() < endAt) {
      await batch(BATCH);
      await new Promise((r) => setImmediate(r));
    }
  }
  clearInterval(progress);
  send({ type: 'done', sent, ms: Date.now() - started, rebirths });
}
