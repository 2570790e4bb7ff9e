// The fleet on the wire (issue 15): which messages are due at a given time. Each truck sends
//   fleet/<truck-NN>/gps     {"lat","lon","speed","heading","ts"}          1 Hz
//   fleet/<truck-NN>/status  {"fuel","speed","state","dtc","ts"}           every 5 s and on a state/DTC change, retained
// spread over the second (staggered by truck), so 50 trucks are a steady trickle, not a burst.
import { createFleet } from './fleetModel.mjs';

const GPS_EVERY_MS = 1000;
const STATUS_EVERY_MS = 5000;

/**
 * retain: the last known value, so a screen opened later (or during an outage) knows the device
 * exists: its table row, its "last seen" and its comm-loss alarm (a stale rule counts from the first
 * message the screen sees).
 * @typedef {{ topic: string, payload: object, retain?: boolean }} DemoMessage
 */

/**
 * @param {{ seed?: number, count?: number, now: number }} opts
 */
export function createFleetPublisher({ seed, count, now }) {
  const fleet = createFleet({ seed, count, now });
  const n = fleet.vehicles.length;
  const nextGps = fleet.vehicles.map((_, i) => now + Math.floor((i * GPS_EVERY_MS) / n));
  const nextStatus = fleet.vehicles.map((_, i) => now + Math.floor((i * STATUS_EVERY_MS) / n));
  return {
    fleet,
    /**
     * Everything due by `t`. A late tick sends one message per truck (its latest), never a backlog.
     * @param {number} t @returns {DemoMessage[]}
     */
    tick(t) {
      const changed = new Set(fleet.step(t));
      /** @type {DemoMessage[]} */
      const out = [];
      fleet.vehicles.forEach((v, i) => {
        if (t >= nextGps[i]) {
          out.push({ topic: `fleet/${v.id}/gps`, payload: fleet.gps(v, t) });
          nextGps[i] = Math.max(nextGps[i] + GPS_EVERY_MS, t + 1);
        }
        if (t >= nextStatus[i] || changed.has(v)) {
          out.push({ topic: `fleet/${v.id}/status`, payload: fleet.status(v, t), retain: true });
          if (t >= nextStatus[i]) nextStatus[i] = Math.max(nextStatus[i] + STATUS_EVERY_MS, t + 1);
        }
      });
      return out;
    },
  };
}
