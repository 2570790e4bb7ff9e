// A Sparkplug B 3.0 edge node for the demo plant, encoded with Eclipse Tahu's sparkplug-payload:
// group Plant1, edge node Edge1, devices Press1 and Oven1 (metrics in sparkplugMetrics.mjs).
//
//   spBv1.0/Plant1/NBIRTH/Edge1          bdSeq, Node Control/Rebirth=false, node metrics (name + alias)
//   spBv1.0/Plant1/DBIRTH/Edge1/<device> every device metric (name + alias, engUnit property)
//   spBv1.0/Plant1/NDATA|DDATA/...       changed metrics only, alias only, every Scan Rate ms
//   spBv1.0/Plant1/NDEATH/Edge1          the MQTT will (QoS 1): bdSeq of the session it ends
//   spBv1.0/Plant1/NCMD|DCMD/...         Node Control/Rebirth → new births; writes → applied and
//                                        reported in a DATA at once
//
// Each MQTT session has its own bdSeq (0–255, +1 per CONNECT): mqtt.js' own reconnect would reuse
// the old will, so the node never lets it reconnect and opens a new client instead. Now and then
// it skips a seq (a host should ask for a rebirth) and dies without DISCONNECT (the broker sends
// the will) to come back a few seconds later.
import mqtt from 'mqtt';
import sparkplugPayload from 'sparkplug-payload';
import { createRng, duration } from './prng.mjs';
import { endClient } from './endClient.mjs';
import { DEVICES, coerceWrite, createEdgeMetrics, find, stepEdge, toWire } from './sparkplugMetrics.mjs';

const sp = /** @type {NonNullable<ReturnType<typeof sparkplugPayload.get>>} */ (sparkplugPayload.get('spBv1.0'));

const GROUP = 'Plant1';
const EDGE_NODE = 'Edge1';
export const REBIRTH = 'Node Control/Rebirth';

/** Ranges are [min, max] ms; tests shrink or switch them off (1e9). */
export const DEFAULT_SPARKPLUG_TIMING = {
  tickMs: 100,
  seqSkipEveryMs: /** @type {number | [number, number]} */ ([70_000, 110_000]),
  deathEveryMs: /** @type {number | [number, number]} */ ([180_000, 240_000]),
  downMs: /** @type {number | [number, number]} */ ([8_000, 12_000]),
  /** after a connection the node did not end itself (broker restart) */
  retryMs: 2000,
};

/**
 * @param {{ url: string, clientId: string, seed?: number, group?: string, node?: string,
 *   timing?: Partial<typeof DEFAULT_SPARKPLUG_TIMING> }} opts
 */
export function startSparkplugNode({ url, clientId, seed = 13, group = GROUP, node = EDGE_NODE, timing = {} }) {
  const t = { ...DEFAULT_SPARKPLUG_TIMING, ...timing };
  const rng = createRng(seed);
  const edge = createEdgeMetrics();
  const carry = { strokes: 0, energy: 0 };
  const started = Date.now();
  let lastStep = started;
  let nextBdSeq = 0;
  let bdSeq = 0;
  let seq = 0;
  let skipNext = false;
  /** @type {import('mqtt').MqttClient | undefined} */
  let client;
  let born = false;
  let stopped = false;
  let nextDataAt = 0;
  let backAt = 0;
  let nextSkipAt = started + duration(rng, t.seqSkipEveryMs);
  let nextDeathAt = started + duration(rng, t.deathEveryMs);
  /** @type {() => void} */
  let firstBirth = () => {};
  const ready = new Promise((resolve) => { firstBirth = () => resolve(undefined); });

  const topic = (/** @type {string} */ type, /** @type {string} */ device = '') => `spBv1.0/${group}/${type}/${node}${device ? `/${device}` : ''}`;
  /** @param {import('mqtt').MqttClient} c @param {string} type @param {string} device @param {object[]} metrics */
  const send = (c, type, device, metrics) => {
    const payload = sp.encodePayload({ timestamp: Date.now(), seq, metrics: /** @type {any} */ (metrics) });
    seq = (seq + 1) & 255; // one counter for the node and its devices, 255 wraps to 0
    c.publish(topic(type, device), Buffer.from(payload), { qos: 0, retain: false });
  };
  const deathPayload = (/** @type {number} */ id) =>
    Buffer.from(sp.encodePayload({ timestamp: Date.now(), metrics: [{ name: 'bdSeq', type: 'Int64', value: id }] }));

  /** NBIRTH then every DBIRTH, from seq 0: the whole current state, by name and alias. @param {import('mqtt').MqttClient} c */
  function births(c) {
    const now = Date.now();
    seq = 0;
    skipNext = false;
    send(c, 'NBIRTH', '', [
      { name: 'bdSeq', type: 'Int64', value: bdSeq, timestamp: now },
      { name: REBIRTH, type: 'Boolean', value: false, timestamp: now }, // never aliased: any host may send it by name
      ...edge.node.map((m) => toWire(m, true, now)),
    ]);
    for (const d of DEVICES) send(c, 'DBIRTH', d, edge.devices[d].map((m) => toWire(m, true, now)));
    for (const m of [...edge.node, ...DEVICES.flatMap((d) => edge.devices[d])]) m.dirty = false;
    nextDataAt = now + scanRate();
  }

  /** NDATA/DDATA with what changed since the last report, aliases only. @param {import('mqtt').MqttClient} c */
  function data(c) {
    const now = Date.now();
    const parts = /** @type {Array<[string, string, import('./sparkplugMetrics.mjs').Metric[]]>} */ ([
      ['NDATA', '', edge.node], ...DEVICES.map((d) => /** @type {const} */ (['DDATA', d, edge.devices[d]])),
    ]);
    for (const [type, device, list] of parts) {
      const changed = list.filter((m) => m.dirty);
      if (!changed.length) continue;
      if (skipNext) { seq = (seq + 1) & 255; skipNext = false; } // the hiccup a host must notice
      send(c, type, device, changed.map((m) => toWire(m, false, now)));
      for (const m of changed) m.dirty = false;
    }
  }

  const scanRate = () => /** @type {number} */ (find(edge.node, 'Node Control/Scan Rate').value);

  /** @param {import('mqtt').MqttClient} c @param {string} cmdTopic @param {Buffer} payload */
  function onCommand(c, cmdTopic, payload) {
    const [, , type, , device] = cmdTopic.split('/');
    const list = type === 'NCMD' ? edge.node : type === 'DCMD' && DEVICES.includes(/** @type {any} */ (device))
      ? edge.devices[/** @type {import('./sparkplugMetrics.mjs').DeviceId} */ (device)] : undefined;
    if (!list || !born) return;
    let decoded;
    try { decoded = sp.decodePayload(payload); } catch { return; } // not Sparkplug: ignore, as a real node would
    let wrote = false;
    for (const m of decoded.metrics ?? []) {
      if (type === 'NCMD' && m.name === REBIRTH) {
        if (m.value === true) births(c);
        continue;
      }
      const alias = m.alias === undefined || m.alias === null ? undefined : Number(String(m.alias));
      const target = m.name ? list.find((x) => x.name === m.name) : list.find((x) => x.alias === alias);
      const value = target && coerceWrite(target, m.value);
      if (!target || value === undefined) continue;
      target.value = value;
      target.dirty = true; // reported even when unchanged: the writer sees its value confirmed
      wrote = true;
    }
    if (wrote) data(c);
  }

  function connect() {
    bdSeq = nextBdSeq;
    nextBdSeq = (nextBdSeq + 1) & 255;
    const c = mqtt.connect(url, {
      protocolVersion: 5, clientId, clean: true, reconnectPeriod: 0, connectTimeout: 5000, queueQoSZero: false,
      will: { topic: topic('NDEATH'), payload: deathPayload(bdSeq), qos: 1, retain: false },
    });
    client = c;
    c.on('error', () => {}); // the close handler schedules the next attempt
    c.on('message', (tp, payload) => onCommand(c, tp, payload));
    c.on('close', () => {
      if (client !== c) return;
      client = undefined;
      born = false;
      backAt = Date.now() + t.retryMs;
    });
    c.on('connect', () => {
      // Commands first, then births: a host that reacts to the birth at once can already write.
      c.subscribe([topic('NCMD'), `${topic('DCMD')}/+`], { qos: 0 }, (err) => {
        if (err || client !== c || stopped) return;
        births(c);
        born = true;
        firstBirth();
      });
    });
  }

  /** End the link abruptly, no DISCONNECT: the broker publishes the NDEATH will. */
  function die() {
    const c = client;
    client = undefined;
    born = false;
    backAt = Date.now() + duration(rng, t.downMs);
    c?.stream?.destroy();
    c?.end(true);
  }

  const tick = () => {
    const now = Date.now();
    if (!client) {
      if (!stopped && now >= backAt) connect();
      return;
    }
    if (!born) return;
    if (now >= nextDeathAt) {
      nextDeathAt = now + duration(rng, t.deathEveryMs);
      die();
      return;
    }
    if (now < nextDataAt) return;
    stepEdge(edge, (now - lastStep) / 1000, rng, (now - started) / 1000, carry);
    lastStep = now;
    if (now >= nextSkipAt) {
      skipNext = true;
      nextSkipAt = now + duration(rng, t.seqSkipEveryMs);
    }
    data(client);
    nextDataAt = now + scanRate();
  };
  connect();
  const timer = setInterval(tick, t.tickMs);

  /** @type {Promise<void> | undefined} */
  let stopping;
  return {
    /** resolves after the first NBIRTH/DBIRTHs went out */
    ready,
    metrics: edge,
    /** bdSeq of the current (or last) session */
    get bdSeq() { return bdSeq; },
    get online() { return born; },
    /** die now (tests; the demo does it on its own schedule) */
    die,
    /** skip one seq in the next DATA (tests) */
    skipSeq() { skipNext = true; },
    /** @returns {Promise<void>} */
    stop() {
      return (stopping ??= (async () => {
        stopped = true;
        clearInterval(timer);
        const c = client;
        client = undefined;
        // A clean shutdown still says the node is gone (the will only fires on a broken link).
        if (c?.connected && born) c.publish(topic('NDEATH'), deathPayload(bdSeq), { qos: 1 });
        born = false;
        await endClient(c);
      })());
    },
  };
}
