// The plant's command endpoint: applies `cmd/...` messages to the model and, for
// MQTT 5 requests carrying a responseTopic, answers with the same correlationData
// (the request/response pattern the dashboard uses for command acks).
import mqtt from 'mqtt';
import { SETPOINT_RANGE } from './plantModel.mjs';

/**
 * Pure command semantics, separate from MQTT so the rules are easy to read.
 *   cmd/<site>/<line>/setpoint  {"value":N} (or a bare number)   20..120 °C
 *   cmd/<site>/<line>/start|stop  [{"machine":"press1"}]
 *   cmd/<site>/<line>/<machine>/start|stop
 * @param {import('./plantModel.mjs').PlantModel} model
 * @param {string} topic
 * @param {unknown} received parsed payload (null when empty)
 * @returns {{ ok: boolean, error?: string, changed: import('./plantModel.mjs').Machine[],
 *   line?: import('./plantModel.mjs').Line, setpoint?: boolean }}
 */
export function applyCommand(model, topic, received) {
  const parts = topic.split('/');
  const [, site, lineName] = parts;
  const action = parts.at(-1);
  const fail = (/** @type {string} */ error) => ({ ok: false, error, changed: [] });
  if (parts[0] !== 'cmd' || parts.length < 4 || parts.length > 5) return fail(`unknown command topic ${topic}`);
  const line = model.line(site, lineName);
  if (!line) return fail(`unknown line ${site}/${lineName}`);
  const body = /** @type {Record<string, unknown>} */ (received && typeof received === 'object' ? received : {});

  if (action === 'setpoint' && parts.length === 4) {
    const value = typeof received === 'number' ? received : body.value;
    const [lo, hi] = SETPOINT_RANGE;
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail('setpoint needs {"value": <number>}');
    if (value < lo || value > hi) return fail(`setpoint ${value} °C is out of range ${lo}..${hi} °C`);
    line.setpoint = value;
    return { ok: true, changed: [], line, setpoint: true };
  }
  if (action === 'start' || action === 'stop') {
    const machine = parts.length === 5 ? parts[3] : typeof body.machine === 'string' ? body.machine : undefined;
    if (machine && !line.machines.some((m) => m.name === machine)) return fail(`unknown machine ${site}/${lineName}/${machine}`);
    return { ok: true, changed: model.command(line, machine, action), line };
  }
  return fail(`unknown command ${action}`);
}

/** Empty → null, JSON → value, anything else → the raw text (start/stop ignore it). @param {Buffer} payload */
function parsePayload(payload) {
  const text = payload.toString('utf8');
  if (text.trim() === '') return null;
  try { return JSON.parse(text); } catch { return text; }
}

/**
 * @param {{ url: string, clientId: string, model: import('./plantModel.mjs').PlantModel,
 *   onApplied: (result: ReturnType<typeof applyCommand>) => void }} opts
 * @returns {{ client: import('mqtt').MqttClient, ready: Promise<void> }}
 *   ready resolves once the broker acknowledged the subscription: a command sent
 *   before that would be silently dropped (nothing is retained on cmd/).
 */
export function startCommandResponder({ url, clientId, model, onApplied }) {
  const client = mqtt.connect(url, { protocolVersion: 5, clientId, reconnectPeriod: 1000, connectTimeout: 5000 });
  /** @type {() => void} */
  let subscribed = () => {};
  const ready = new Promise((resolve) => { subscribed = () => resolve(undefined); });
  // nl (No Local): never see our own replies even if a caller points responseTopic into cmd/.
  // Once: mqtt.js' resubscribe (on by default) re-arms it after a reconnect.
  client.once('connect', () => client.subscribe('cmd/#', { qos: 1, nl: true }, (err) => { if (!err) subscribed(); }));
  client.on('error', () => {}); // reconnect handles it; an unhandled 'error' would crash the demo
  client.on('message', (topic, payload, packet) => {
    const received = parsePayload(payload);
    const result = applyCommand(model, topic, received);
    if (result.ok) onApplied(result);
    const responseTopic = packet.properties?.responseTopic;
    if (!responseTopic) return; // MQTT 3.1.1 / fire-and-forget: applied, nobody to tell
    const reply = { ok: result.ok, command: topic, received, ...(result.error ? { error: result.error } : {}), ts: Date.now() };
    const correlationData = packet.properties?.correlationData;
    client.publish(responseTopic, JSON.stringify(reply), {
      qos: packet.qos ? 1 : 0,
      properties: {
        contentType: 'application/json',
        messageExpiryInterval: 30, // an ack older than this is meaningless to an operator
        ...(correlationData ? { correlationData } : {}),
      },
    });
  });
  return { client, ready };
}
