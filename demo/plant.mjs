// The simulated plant on the wire: samples PlantModel on one timer and publishes
// telemetry, machine states, line rates and retained metadata; wires up the oven3
// device connection, the command responder and the flood load generator.
//
// Topics (all JSON, QoS 0 unless noted):
//   plant/<site>/<line>/<machine>/temperature|pressure|vibration  {"v","unit","ts","q"}  ~5 Hz each
//   plant/<site>/<line>/<machine>/state   {"state":"RUNNING|IDLE|FAULT","ts"}  on change + every 10 s
//   plant/<site>/<line>/<machine>/meta    {"model","firmware","serial"}  retained
//   plant/<site>/<line>/rate              {"v","unit":"units/min","ts","q"}
//   plant/<site>/<line>/setpoint          {"v","unit":"°C","ts"}  retained, changes via cmd/
//   plant/site2/line2/oven3/status        online | offline (retained QoS 1, offline = last will)
//   cmd/<site>/<line>/setpoint|start|stop  → reply on responseTopic (see commandResponder.mjs)
//   fleet/#, energy/#, rigs/#  issue 15's fleet, meters and remote rigs (fleetEnergyRigs.mjs; off with remoteSites: false)
//   spBv1.0/Plant1/...                    a Sparkplug B edge node (see sparkplugNode.mjs)
import mqtt from 'mqtt';
import { PlantModel, QUANTITIES } from './plantModel.mjs';
import { startCommandResponder } from './commandResponder.mjs';
import { createOvenDevice } from './ovenDevice.mjs';
import { startFlood } from './floodPublisher.mjs';
import { endClient } from './endClient.mjs';
import { startFleetEnergyRigs } from './fleetEnergyRigs.mjs';
import { startSparkplugNode } from './sparkplugNode.mjs';

export const SCENARIOS = ['steady', 'flood', 'alarm-storm', 'quiet'];
const OVEN_KEY = 'site2/line2/oven3';
const GOOD = 192; // OPC quality "Good", what a gateway would attach

/** @param {string} name */
function checkScenario(name) {
  if (!SCENARIOS.includes(name)) throw new Error(`Unknown scenario "${name}". Choose one of: ${SCENARIOS.join(', ')}.`);
  return name;
}

/**
 * @param {{ url: string, scenario?: string, clientIdPrefix?: string, seed?: number,
 *   rate?: number, floodRate?: number, floodTopics?: number,
 *   timing?: Partial<import('./plantModel.mjs').Timing>, remoteSites?: boolean,
 *   sparkplug?: false | Partial<typeof import('./sparkplugNode.mjs').DEFAULT_SPARKPLUG_TIMING> }} opts
 *   rate: steady-state telemetry msgs/s (states/meta come on top);
 *   floodRate: extra msgs/s in `flood` (0 = as fast as the socket drains); floodTopics: distinct flood topics.
 */
export function startPlant({
  url, scenario = 'steady', clientIdPrefix = 'demo-plant', seed = 1,
  rate = 200, floodRate = 0, floodTopics = 1000, timing = {}, remoteSites = true, sparkplug = {},
}) {
  let current = checkScenario(scenario);
  const start = Date.now();
  const model = new PlantModel({ seed, now: start, timing });
  const t = model.timing;
  const base = (/** @type {{ site: string, line: string }} */ x) => `plant/${x.site}/${x.line}`;

  const main = mqtt.connect(url, {
    protocolVersion: 5, clientId: `${clientIdPrefix}-telemetry`, reconnectPeriod: 1000, connectTimeout: 5000,
    queueQoSZero: false, // never replay stale telemetry after a reconnect
  });
  main.on('error', () => {});
  const oven = createOvenDevice({ url, clientId: `${clientIdPrefix}-oven3`, baseTopic: `plant/${OVEN_KEY}`, rng: model.rng, timing: t, now: start });
  const { client: responder, ready: responderReady } = startCommandResponder({
    url, clientId: `${clientIdPrefix}-commands`, model,
    onApplied: (res) => {
      const now = Date.now();
      for (const m of res.changed) publishState(m, now);
      if (res.setpoint && res.line) publishSetpoint(res.line, now);
    },
  });
  /** @type {ReturnType<typeof startFlood> | undefined} */
  let flood;
  const remote = remoteSites ? startFleetEnergyRigs({ url, clientId: `${clientIdPrefix}-remote`, seed }) : undefined;
  remote?.setQuiet(current === 'quiet');
  // Sparkplug edge node Plant1/Edge1 (issue 13): its own connection, births, DATA by alias, NDEATH will.
  const edge = sparkplug === false ? undefined
    : startSparkplugNode({ url, clientId: `${clientIdPrefix}-sparkplug`, seed: seed + 12, timing: sparkplug });

  /** @param {import('./plantModel.mjs').Machine} m */
  const clientFor = (m) => (m.key === OVEN_KEY ? oven.client : main.connected ? main : undefined);

  /** @param {import('./plantModel.mjs').Machine} m @param {number} now */
  function publishState(m, now) {
    nextState.set(m, now + t.stateHeartbeatMs);
    clientFor(m)?.publish(`${base(m)}/${m.name}/state`, JSON.stringify({ state: m.state, ts: now }));
  }
  /** @param {import('./plantModel.mjs').Line} l @param {number} now */
  function publishSetpoint(l, now) {
    if (main.connected) main.publish(`${base(l)}/setpoint`, JSON.stringify({ v: l.setpoint, unit: '°C', ts: now }), { retain: true });
  }

  main.on('connect', () => {
    const now = Date.now();
    for (const m of model.machines) {
      main.publish(`${base(m)}/${m.name}/meta`, JSON.stringify({ model: m.profile.model, firmware: '2.4.1', serial: m.serial }), { retain: true });
    }
    for (const l of model.lines) publishSetpoint(l, now);
  });

  // Round-robin over every sampled topic, ordered so consecutive messages come
  // from different machines: the load is spread evenly instead of in bursts.
  const samples = [
    ...QUANTITIES.flatMap((q) => model.machines.map((m) => ({ m, q, l: undefined }))),
    ...model.lines.map((l) => ({ l, m: undefined, q: undefined })),
  ];
  /** Staggered state heartbeats, so 12 machines do not all report in the same tick. */
  const nextState = new Map(model.machines.map((m, i) => [m, start + (i * t.stateHeartbeatMs) / model.machines.length]));
  let cursor = 0;
  let budget = 0;
  let last = start;

  const tick = () => {
    const now = Date.now();
    const changed = model.step(now, current);
    oven.tick(now, current !== 'quiet');
    const dt = now - last;
    last = now;
    if (current === 'quiet') return;
    for (const m of changed) publishState(m, now);
    for (const [m, due] of nextState) if (now >= due) publishState(m, now);
    // Rate by elapsed time, not tick count: late timers on a busy machine still
    // average out to `rate`. Capped at 1 s worth so a long stall does not cause a burst.
    budget = Math.min(budget + (dt * rate) / 1000, rate);
    let n = Math.floor(budget);
    for (let tries = n + samples.length; n > 0 && tries > 0; tries--) {
      const s = samples[cursor++ % samples.length];
      const client = s.m ? clientFor(s.m) : main.connected ? main : undefined;
      if (!client) continue; // device offline: its topics go silent, like a real one
      const r = s.m && s.q ? model.reading(s.m, s.q) : model.rateReading(/** @type {import('./plantModel.mjs').Line} */ (s.l));
      const topic = s.m ? `${base(s.m)}/${s.m.name}/${s.q}` : `${base(/** @type {{ site: string, line: string }} */ (s.l))}/rate`;
      client.publish(topic, JSON.stringify({ v: r.v, unit: r.unit, ts: now, q: GOOD }));
      n--;
      budget--;
    }
  };
  const timer = setInterval(tick, t.tickMs);

  const syncFlood = () => {
    if (current === 'flood' && !flood) flood = startFlood({ url, clientId: `${clientIdPrefix}-flood`, topics: floodTopics, rate: floodRate });
    if (current !== 'flood' && flood) { void flood.stop(); flood = undefined; }
  };
  syncFlood();

  let stopping;
  return {
    /** resolves once telemetry and oven are connected and commands are subscribed (handy in tests) */
    ready: Promise.all([oncePromise(main), responderReady, oven.ready, remote?.ready, edge?.ready]).then(() => undefined),
    model,
    get scenario() { return current; },
    /** @param {string} name */
    setScenario(name) {
      current = checkScenario(name);
      remote?.setQuiet(current === 'quiet');
      // Switching to alarm-storm should show a storm now, not in ~20 s.
      if (current === 'alarm-storm') model.nextStorm = Date.now();
      syncFlood();
    },
    /** @returns {Promise<void>} */
    stop() {
      return (stopping ??= (async () => {
        clearInterval(timer);
        await Promise.all([endClient(main), endClient(responder), oven.stop(), flood?.stop(), remote?.stop(), edge?.stop()]);
        flood = undefined;
      })());
    },
  };
}

/** @param {import('mqtt').MqttClient} c */
const oncePromise = (c) => (c.connected ? Promise.resolve() : new Promise((resolve) => c.once('connect', resolve)));
