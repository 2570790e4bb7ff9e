// Scenario 8's vehicle fleet: topic names and payloads (publisher) and the topics to subscribe
// (clients). Message k of the stream is vehicle (k / 2) mod N, alternately gps and status.

export const FLEET_FILTERS = ['fleet/+/gps', 'fleet/+/status'];

/** v0001 … v2000 @param {number} i */
const vehicleId = (i) => `v${String(i + 1).padStart(4, '0')}`;

const STATES = ['driving', 'idle', 'loading', 'parked'];

/**
 * The k-th message of the stream: [topic, payload]. Vehicles circle slowly around points of a
 * grid over the Netherlands (a plausible map), each at its own speed.
 * @param {number} k @param {number} vehicles @param {number} ts ms since epoch
 * @returns {[string, string]}
 */
export function fleetMessage(k, vehicles, ts) {
  const i = Math.floor(k / 2) % vehicles;
  const id = vehicleId(i);
  if (k % 2 === 1) {
    const fuel = 100 - ((ts / 60_000 + i * 7) % 90);
    return [`fleet/${id}/status`, `{"fuel":${fuel.toFixed(1)},"state":"${STATES[i % STATES.length]}"}`];
  }
  const angle = ts / (30_000 + (i % 17) * 1000) + i;
  const lat = 51.4 + (Math.floor(i / 50) % 40) * 0.04 + 0.01 * Math.sin(angle);
  const lon = 3.8 + (i % 50) * 0.05 + 0.015 * Math.cos(angle);
  const speed = 40 + (i % 50) + 10 * Math.sin(angle * 3);
  return [`fleet/${id}/gps`, `{"lat":${lat.toFixed(5)},"lon":${lon.toFixed(5)},"speed":${speed.toFixed(1)},"ts":${ts}}`];
}
