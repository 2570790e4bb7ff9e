// A delivery fleet around Rotterdam: trucks drive loop routes out of one depot, stop now and then
// (deliveries, refuelling), and sometimes raise a diagnostic trouble code (DTC). Pure and seeded:
// the same seed and the same step times give the same positions. No MQTT here (see fleet.mjs).
import { createRng } from './prng.mjs';

/** @typedef {'driving' | 'idle' | 'fault'} VehicleState */
/**
 * @typedef {{ id: string, route: Route, dist: number, speed: number, cruise: number, fuel: number,
 *   state: VehicleState, dtc: string | null, until: number, warnUntil: number }} Vehicle
 * @typedef {{ name: string, points: [number, number][], cum: number[], length: number, cruise: [number, number] }} Route
 */

const DEPOT = /** @type {[number, number]} */ ([51.885, 4.43]);
/** Closed loops (lat, lon) from the depot; cruise speed range in km/h. */
const ROUTE_DEFS = /** @type {const} */ ([
  { name: 'port', cruise: [55, 80], points: [DEPOT, [51.893, 4.38], [51.9, 4.32], [51.948, 4.14], [51.955, 4.05], [51.9, 4.04], [51.885, 4.2]] },
  { name: 'city', cruise: [25, 45], points: [DEPOT, [51.905, 4.466], [51.9225, 4.4792], [51.94, 4.49], [51.955, 4.53], [51.935, 4.555], [51.91, 4.52]] },
  { name: 'north', cruise: [50, 85], points: [DEPOT, [51.92, 4.42], [51.97, 4.43], [52.01, 4.36], [52.07, 4.3], [52.04, 4.44], [51.97, 4.47]] },
  { name: 'east', cruise: [50, 80], points: [DEPOT, [51.875, 4.52], [51.84, 4.65], [51.815, 4.67], [51.8, 4.78], [51.86, 4.6]] },
]);

/** Fault codes that stop a truck, and warnings it drives on with (SAE J2012). */
export const FAULT_DTCS = ['P0217', 'P0087', 'P0524', 'U0100'];
export const WARNING_DTCS = ['P0128', 'P0420', 'P2463'];

/** Per-truck odds per second: a delivery stop about every 4 min, a fault about every 45 min, a warning every 30 min. */
const ODDS = { idle: 1 / 240, fault: 1 / 2700, warning: 1 / 1800 };
/** Demo time runs fast for fuel: about 1 % per km, so refuelling and "fuel low" show up within minutes. */
const FUEL_PER_KM = 1;
const REFUEL_BELOW = 20;

const EARTH_M = 6_371_000;
const RAD = Math.PI / 180;

/** @param {[number, number]} a @param {[number, number]} b metres, equirectangular (fine at city scale) */
function distanceM(a, b) {
  const x = (b[1] - a[1]) * RAD * Math.cos(((a[0] + b[0]) / 2) * RAD);
  const y = (b[0] - a[0]) * RAD;
  return Math.hypot(x, y) * EARTH_M;
}

/** @param {[number, number]} a @param {[number, number]} b degrees clockwise from north */
function bearing(a, b) {
  const x = (b[1] - a[1]) * Math.cos(((a[0] + b[0]) / 2) * RAD);
  const y = b[0] - a[0];
  return (Math.atan2(x, y) / RAD + 360) % 360;
}

/** @returns {Route} */
function makeRoute(/** @type {(typeof ROUTE_DEFS)[number]} */ def) {
  const points = /** @type {[number, number][]} */ ([...def.points, DEPOT]);
  const cum = [0];
  for (let i = 1; i < points.length; i++) cum.push(cum[i - 1] + distanceM(points[i - 1], points[i]));
  return { name: def.name, points, cum, length: cum[cum.length - 1], cruise: [def.cruise[0], def.cruise[1]] };
}

/** Where a truck `dist` metres along its loop is, and which way it heads. @param {Route} r @param {number} dist */
export function positionOn(r, dist) {
  const d = ((dist % r.length) + r.length) % r.length;
  let i = 1;
  while (i < r.cum.length - 1 && r.cum[i] < d) i++;
  const a = r.points[i - 1];
  const b = r.points[i];
  const f = (d - r.cum[i - 1]) / (r.cum[i] - r.cum[i - 1] || 1);
  return { lat: a[0] + (b[0] - a[0]) * f, lon: a[1] + (b[1] - a[1]) * f, heading: bearing(a, b) };
}

const round = (/** @type {number} */ v, /** @type {number} */ digits) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * @param {{ seed?: number, count?: number, now: number }} opts
 */
export function createFleet({ seed = 15, count = 50, now }) {
  const rng = createRng(seed);
  const routes = ROUTE_DEFS.map(makeRoute);
  /** @type {Vehicle[]} */
  const vehicles = Array.from({ length: count }, (_, i) => {
    const route = routes[i % routes.length];
    const cruise = rng.uniform(route.cruise[0], route.cruise[1]);
    return {
      id: `truck-${String(i + 1).padStart(2, '0')}`, route, dist: rng.uniform(0, route.length), speed: cruise, cruise,
      // A few start low on fuel, so the "fuel low" alarm has something to say from the first minute.
      fuel: i % 17 === 3 ? rng.uniform(9, 14) : rng.uniform(30, 95),
      state: /** @type {VehicleState} */ ('driving'), dtc: null, until: 0, warnUntil: 0,
    };
  });
  let last = now;

  /** One second (or less) of one truck. @param {Vehicle} v @param {number} t @param {number} dt seconds */
  function stepVehicle(v, t, dt) {
    const before = `${v.state}|${v.dtc}`;
    if (v.state !== 'driving' && t >= v.until) {
      if (v.state === 'idle' && v.fuel < REFUEL_BELOW) v.fuel = rng.uniform(90, 98);
      v.state = 'driving';
      v.dtc = null;
    }
    if (v.state === 'driving') {
      if (v.warnUntil && t >= v.warnUntil) { v.dtc = null; v.warnUntil = 0; }
      const roll = rng.next();
      if (roll < ODDS.fault * dt) {
        v.state = 'fault';
        v.dtc = rng.pick(FAULT_DTCS);
        v.until = t + rng.uniform(60_000, 180_000);
        v.warnUntil = 0;
      } else if (roll < (ODDS.fault + ODDS.idle) * dt || v.fuel < REFUEL_BELOW / 2) {
        v.state = 'idle';
        v.until = t + rng.uniform(20_000, 90_000);
      } else if (!v.dtc && roll > 1 - ODDS.warning * dt) {
        v.dtc = rng.pick(WARNING_DTCS);
        v.warnUntil = t + rng.uniform(60_000, 240_000);
      }
    }
    const target = v.state === 'driving' ? v.cruise + 6 * rng.gauss() : 0;
    // Trucks neither jump to speed nor stop dead: about 2 m/s² either way.
    const maxChange = 7 * dt;
    v.speed = Math.max(0, v.speed + Math.max(-maxChange, Math.min(maxChange, target - v.speed)));
    const metres = (v.speed / 3.6) * dt;
    v.dist = (v.dist + metres) % v.route.length;
    v.fuel = Math.max(0, v.fuel - (metres / 1000) * FUEL_PER_KM);
    return before !== `${v.state}|${v.dtc}`;
  }

  return {
    vehicles,
    /**
     * Advances every truck to `t` in steps of at most 1 s; returns the trucks whose state or DTC changed.
     * @param {number} t
     */
    step(t) {
      /** @type {Set<Vehicle>} */
      const changed = new Set();
      while (last < t) {
        const next = Math.min(t, last + 1000);
        const dt = (next - last) / 1000;
        for (const v of vehicles) if (stepVehicle(v, next, dt)) changed.add(v);
        last = next;
      }
      return [...changed];
    },
    /** `fleet/<id>/gps` payload: 5 decimals (about 1 m). @param {Vehicle} v @param {number} ts */
    gps(v, ts) {
      const p = positionOn(v.route, v.dist);
      return { lat: round(p.lat, 5), lon: round(p.lon, 5), speed: round(v.speed, 1), heading: Math.round(p.heading) % 360, ts };
    },
    /** `fleet/<id>/status` payload. @param {Vehicle} v @param {number} ts */
    status(v, ts) {
      return { fuel: round(v.fuel, 1), speed: round(v.speed, 1), state: v.state, dtc: v.dtc, ts };
    },
  };
}

/** @typedef {ReturnType<typeof createFleet>} Fleet */
