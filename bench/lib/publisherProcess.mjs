// Child process: the load generator. It has its own event loop, so publishing never waits for the
// bench's CDP traffic (and the other way round). Talks to the parent over IPC:
//   → { type: 'connect', url }                              ← { type: 'ready' }
//   → { type: 'flood', prefix, topics, rate, durationMs }   ← { type: 'progress', sent } … { type: 'done', sent, ms }
//   → { type: 'once', prefix, count, credit? }  (each topic once)    ← same; with `credit`, only up
//        to the count last allowed by → { type: 'allow', upTo } (flow control by the consumer)
//   → { type: 'series', topic, fields, count, intervalMs }   backfill: `count` messages with `fields`
//        numbers each, payload times `intervalMs` apart ending now, as fast as possible   ← same
//   → { type: 'series', topic, fields, rate, durationMs }    live: `rate` messages/s stamped now
//   → { type: 'fleet', vehicles, durationMs }  each vehicle's `fleet/<id>/gps` {lat,lon,speed,ts} and
//        `fleet/<id>/status` {fuel,state} once a second, spread evenly over the second   ← same
//   flood/once take `qos` (default 0); flood takes `count` (stop after that many); once takes
//   `deep: true` for 6-level names (lib/topics.mjs deepTopicName; scenario 9)
//   → { type: 'storm', prefix, from, to, value, durationMs }  topics from…to-1 once each, payload
//        {"v":value}, spread evenly over durationMs (alarm storm, scenario 11)   ← same
//   → { type: 'stop' }  ends the current job early          → { type: 'exit' }
// rate 0 = as fast as the socket drains (mqtt.js write callbacks give the backpressure).
import { fleetMessage } from './fleet.mjs';
import { connectBench, exitChild, publishAtRate, send } from './benchChild.mjs';
import { deepTopicName, payload, topicName } from './topics.mjs';

const BATCH = 500;
/** @type {import('mqtt').MqttClient | undefined} */
let client;
let job = 0;
let allowed = Infinity;

process.on('message', (/** @type {any} */ msg) => {
  switch (msg.type) {
    case 'connect':
      client = connectBench(msg.url, 'pub');
      client.once('connect', () => send({ type: 'ready' }));
      return;
    case 'flood':
    case 'once':
      void run(msg, ++job);
      return;
    case 'series':
      void runSeries(msg, ++job);
      return;
    case 'fleet':
      void runFleet(msg, ++job);
      return;
    case 'storm':
      void runStorm(msg, ++job);
      return;
    case 'allow':
      allowed = msg.upTo;
      return;
    case 'stop':
      job++;
      return;
    case 'exit':
      job++;
      exitChild(client);
  }
});

/**
 * @param {{ type: 'flood' | 'once', prefix: string, topics?: number, count?: number, rate?: number, durationMs?: number, credit?: boolean, qos?: 0 | 1, deep?: boolean }} msg
 * @param {number} id
 */
async function run(msg, id) {
  const c = /** @type {import('mqtt').MqttClient} */ (client);
  const once = msg.type === 'once';
  const topics = once ? (msg.count ?? 0) : Math.max(1, msg.topics ?? 1);
  const names = once ? null : Array.from({ length: topics }, (_, i) => topicName(msg.prefix, i));
  const rate = once ? 0 : (msg.rate ?? 0);
  const endAt = once ? Infinity : Date.now() + (msg.durationMs ?? 5000);
  const limit = once ? topics : (msg.count ?? Infinity);
  const qos = msg.qos ?? 0;
  const name = msg.deep ? deepTopicName : topicName;
  const started = Date.now();
  let sent = 0;
  let cursor = 0;
  const progress = setInterval(() => send({ type: 'progress', sent }), 200);

  /** Publishes n messages; resolves when the socket has taken them. */
  const batch = (/** @type {number} */ n) => new Promise((resolve) => {
    const ts = Date.now();
    for (let k = 0; k < n; k++) {
      const i = cursor++ % topics;
      const topic = names ? names[i] : name(msg.prefix, i);
      c.publish(topic, payload(i, ts, sent + k), { qos }, k === n - 1 ? () => resolve(undefined) : undefined);
    }
    sent += n;
  });

  if (rate > 0) {
    await publishAtRate(rate, endAt, () => job === id, batch);
  } else {
    if (msg.credit) allowed = 0;
    while (job === id && Date.now() < endAt && cursor < limit) {
      const n = once ? Math.min(BATCH, topics - cursor, allowed - cursor) : Math.min(BATCH, limit - cursor);
      if (n <= 0) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      await batch(n);
      await new Promise((r) => setImmediate(r));
    }
    allowed = Infinity;
  }
  clearInterval(progress);
  send({ type: 'done', sent, ms: Date.now() - started });
}

/** One payload with `fields` numbers (v0 … v{fields-1}): slow sines, so charts look like plant data. */
function seriesPayload(/** @type {number} */ fields, /** @type {number} */ ts) {
  let out = `{"ts":${ts}`;
  for (let f = 0; f < fields; f++) out += `,"v${f}":${(50 + 40 * Math.sin(ts / (20_000 + f * 1500) + f)).toFixed(2)}`;
  return `${out}}`;
}

/**
 * @param {{ topic: string, fields: number, count?: number, intervalMs?: number, rate?: number, durationMs?: number }} msg
 * @param {number} id
 */
async function runSeries(msg, id) {
  const c = /** @type {import('mqtt').MqttClient} */ (client);
  const started = Date.now();
  let sent = 0;
  const progress = setInterval(() => send({ type: 'progress', sent }), 200);
  if (msg.count) {
    const end = Date.now();
    const step = msg.intervalMs ?? 100;
    while (job === id && sent < msg.count) {
      const n = Math.min(BATCH, msg.count - sent);
      await new Promise((resolve) => {
        for (let k = 0; k < n; k++) {
          const ts = end - (msg.count - 1 - (sent + k)) * step;
          c.publish(msg.topic, seriesPayload(msg.fields, ts), { qos: 0 }, k === n - 1 ? () => resolve(undefined) : undefined);
        }
      });
      sent += n;
      await new Promise((r) => setImmediate(r));
    }
  } else {
    const period = 1000 / (msg.rate ?? 10);
    const endAt = started + (msg.durationMs ?? 10_000);
    let next = Date.now();
    while (job === id && Date.now() < endAt) {
      c.publish(msg.topic, seriesPayload(msg.fields, Date.now()), { qos: 0 });
      sent++;
      next += period;
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
    }
  }
  clearInterval(progress);
  send({ type: 'done', sent, ms: Date.now() - started });
}

/**
 * 2 messages per vehicle per second, paced every 5 ms to what is due by now, so vehicle v
 * publishes at v/vehicles of each second: a steady stream, not a burst on the second.
 * @param {{ vehicles: number, durationMs?: number }} msg @param {number} id
 */
async function runFleet(msg, id) {
  const c = /** @type {import('mqtt').MqttClient} */ (client);
  const started = Date.now();
  const perSecond = msg.vehicles * 2;
  const endAt = started + (msg.durationMs ?? 10_000);
  let sent = 0;
  const progress = setInterval(() => send({ type: 'progress', sent }), 200);
  while (job === id && Date.now() < endAt) {
    const now = Date.now();
    const due = Math.floor(((now - started) * perSecond) / 1000);
    for (; sent < due; sent++) {
      const [topic, body] = fleetMessage(sent, msg.vehicles, now);
      c.publish(topic, body, { qos: 0 });
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  clearInterval(progress);
  send({ type: 'done', sent, ms: Date.now() - started });
}

/**
 * Topics `from`…`to - 1` once each with value `value`, paced every 5 ms to what is due by now,
 * so the whole set goes out evenly over `durationMs` (an alarm storm, not one burst).
 * @param {{ prefix: string, from: number, to: number, value: number, durationMs: number }} msg @param {number} id
 */
async function runStorm(msg, id) {
  const c = /** @type {import('mqtt').MqttClient} */ (client);
  const started = Date.now();
  const total = msg.to - msg.from;
  let sent = 0;
  const progress = setInterval(() => send({ type: 'progress', sent }), 200);
  while (job === id && sent < total) {
    const now = Date.now();
    const due = Math.min(total, Math.ceil(((now - started + 5) * total) / Math.max(1, msg.durationMs)));
    for (; sent < due; sent++) c.publish(topicName(msg.prefix, msg.from + sent), `{"v":${msg.value},"ts":${now}}`, { qos: 0 });
    await new Promise((r) => setTimeout(r, 5));
  }
  clearInterval(progress);
  send({ type: 'done', sent, ms: Date.now() - started });
}
