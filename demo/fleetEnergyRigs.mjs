// Issue 15's simulated users on one MQTT connection: the fleet (fleet.mjs), the energy meters
// (energyMeters.mjs) and two remote rigs (rigSite.mjs: rig-3 on a good link, rig-7 on a poor one
// that drops for about a minute every few minutes and then sends its backlog). Every 100 ms it
// publishes whatever is due; while `quiet` it publishes nothing (the rigs still buffer).
import mqtt from 'mqtt';
import { endClient } from './endClient.mjs';
import { createEnergySite } from './energyMeters.mjs';
import { createFleetPublisher } from './fleet.mjs';
import { createRig, POOR_LINK } from './rigSite.mjs';

const TICK_MS = 100;

/**
 * @param {{ url: string, clientId: string, seed?: number, vehicles?: number }} opts
 */
export function startFleetEnergyRigs({ url, clientId, seed = 15, vehicles = 50 }) {
  const now = Date.now();
  const fleet = createFleetPublisher({ seed, count: vehicles, now });
  const energy = createEnergySite({ seed: seed + 1, now });
  const rigs = [createRig({ id: 'rig-3', seed: seed + 2, now }), createRig({ id: 'rig-7', seed: seed + 3, now, link: POOR_LINK })];
  const client = mqtt.connect(url, {
    protocolVersion: 5, clientId, reconnectPeriod: 1000, connectTimeout: 5000,
    queueQoSZero: false, // never replay stale positions after a reconnect
  });
  client.on('error', () => {});
  let quiet = false;

  const timer = setInterval(() => {
    const t = Date.now();
    const due = [...fleet.tick(t), ...energy.tick(t), ...rigs.flatMap((r) => r.tick(t))];
    if (quiet || !client.connected) return;
    for (const m of due) client.publish(m.topic, JSON.stringify(m.payload), { retain: m.retain ?? false });
  }, TICK_MS);

  return {
    ready: client.connected ? Promise.resolve() : new Promise((resolve) => client.once('connect', () => resolve(undefined))),
    fleet: fleet.fleet,
    energy,
    rigs,
    /** @param {boolean} q */
    setQuiet(q) { quiet = q; },
    stop() {
      clearInterval(timer);
      return endClient(client);
    },
  };
}
