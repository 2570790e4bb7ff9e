// The demo Sparkplug edge node's metrics and their physics, with no MQTT in it
// (sparkplugNode.mjs publishes them). Edge node Edge1 has node metrics and two
// devices, Press1 and Oven1; every metric has a node-wide unique alias (the
// specification's rule), so DATA can carry aliases only.
//
// Values are kept as the wire wants them: numbers, booleans, strings, and BigInt
// for Int64/UInt64 (Lifetime Strokes starts beyond 2^53 so a host that loses
// precision shows it).

/** @typedef {'Int32' | 'Int64' | 'UInt64' | 'Double' | 'Boolean' | 'String'} MetricType */
/**
 * @typedef {{ name: string, alias?: number, type: MetricType, value: number | bigint | boolean | string,
 *   unit?: string, dirty: boolean, min?: number, max?: number }} Metric
 */

export const DEVICES = /** @type {const} */ (['Press1', 'Oven1']);
/** @typedef {typeof DEVICES[number]} DeviceId */

const INT32 = [-2147483648, 2147483647];

/** @param {string} name @param {MetricType} type @param {Metric['value']} value @param {Partial<Metric>} [extra] @returns {Metric} */
const metric = (name, type, value, extra = {}) => ({ name, type, value, dirty: false, ...extra });

/** A fresh set of metrics for one edge node (aliases assigned in order, 1…). */
export function createEdgeMetrics() {
  const node = [
    metric('Node Control/Scan Rate', 'Int32', 1000, { unit: 'ms', min: 100, max: 60_000 }),
    metric('Properties/Hardware Make', 'String', 'Sightglass demo gateway'),
    metric('Uptime', 'Int64', 0n, { unit: 's' }),
  ];
  /** @type {Record<DeviceId, Metric[]>} */
  const devices = {
    Press1: [
      metric('Temperature', 'Double', 64.0, { unit: '°C' }),
      metric('Pressure', 'Double', 35.0, { unit: 'bar' }),
      metric('Setpoint', 'Double', 65.0, { unit: '°C', min: 20, max: 120 }),
      metric('Speed', 'Int32', 40, { unit: 'strokes/min', min: 0, max: 120 }),
      metric('Running', 'Boolean', true),
      metric('Mode', 'String', 'AUTO'),
      metric('Cycle Count', 'Int64', 0n, { unit: 'cycles' }),
      metric('Lifetime Strokes', 'UInt64', 9_007_199_254_740_993n, { unit: 'strokes' }),
    ],
    Oven1: [
      metric('Zone Temperature', 'Double', 180.0, { unit: '°C' }),
      metric('Setpoint', 'Double', 180.0, { unit: '°C', min: 50, max: 260 }),
      metric('Burner On', 'Boolean', true),
      metric('Fan Speed', 'Int32', 1450, { unit: 'rpm', min: 0, max: 3000 }),
      metric('Recipe', 'String', 'Bread-01'),
      metric('Energy', 'Int64', 125_000n, { unit: 'Wh' }),
    ],
  };
  let alias = 1;
  for (const m of [...node, ...DEVICES.flatMap((d) => devices[d])]) m.alias = alias++;
  return { node, devices };
}
/** @typedef {ReturnType<typeof createEdgeMetrics>} EdgeMetrics */

/** @param {Metric[]} list @param {string} name */
export const find = (list, name) => /** @type {Metric} */ (list.find((m) => m.name === name));

/** Set a value, marking the metric for the next DATA only when it changed (report by exception). @param {Metric} m @param {Metric['value']} v */
function set(m, v) {
  if (m.value === v) return;
  m.value = v;
  m.dirty = true;
}

const round = (/** @type {number} */ v) => Math.round(v * 100) / 100;
/** first-order lag, exact for any dt */
const lag = (/** @type {number} */ x, /** @type {number} */ target, /** @type {number} */ tauS, /** @type {number} */ dtS) =>
  target + (x - target) * Math.exp(-dtS / tauS);

/**
 * Advance the simulated press and oven by dtS seconds.
 * @param {EdgeMetrics} edge @param {number} dtS @param {import('./prng.mjs').Rng} rng @param {number} uptimeS
 * @param {{ strokes: number, energy: number }} carry fractional counts kept between steps
 */
export function stepEdge(edge, dtS, rng, uptimeS, carry) {
  set(find(edge.node, 'Uptime'), BigInt(Math.floor(uptimeS)));
  const p = edge.devices.Press1;
  const running = /** @type {boolean} */ (find(p, 'Running').value);
  const speed = running ? /** @type {number} */ (find(p, 'Speed').value) : 0;
  const temp = find(p, 'Temperature');
  const target = running ? /** @type {number} */ (find(p, 'Setpoint').value) : 25;
  set(temp, round(lag(/** @type {number} */ (temp.value), target, 20, dtS) + rng.gauss() * 0.15));
  set(find(p, 'Pressure'), round(running ? 35 + rng.gauss() * 0.6 : 5 + rng.gauss() * 0.1));
  carry.strokes += (speed * dtS) / 60;
  const strokes = Math.floor(carry.strokes);
  carry.strokes -= strokes;
  if (strokes > 0) {
    for (const name of ['Cycle Count', 'Lifetime Strokes']) {
      const m = find(p, name);
      set(m, /** @type {bigint} */ (m.value) + BigInt(strokes));
    }
  }

  const o = edge.devices.Oven1;
  const burner = /** @type {boolean} */ (find(o, 'Burner On').value);
  const zone = find(o, 'Zone Temperature');
  const oTarget = burner ? /** @type {number} */ (find(o, 'Setpoint').value) : 25;
  set(zone, round(lag(/** @type {number} */ (zone.value), oTarget, 60, dtS) + rng.gauss() * 0.3));
  set(find(o, 'Fan Speed'), burner ? 1450 + Math.round(rng.gauss() * 5) : 0);
  carry.energy += burner ? (45_000 * dtS) / 3600 : 0; // a 45 kW burner, in Wh
  const wh = Math.floor(carry.energy);
  carry.energy -= wh;
  if (wh > 0) {
    const e = find(o, 'Energy');
    set(e, /** @type {bigint} */ (e.value) + BigInt(wh));
  }
}

/** Long-like (long.js), bigint, number or decimal text → bigint, or undefined. @param {unknown} v */
function toBigInt(v) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : undefined;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (v && typeof v === 'object' && 'low' in v && 'high' in v) return BigInt(String(v)); // long.js toString() is exact
  return undefined;
}

/**
 * A value received in an NCMD/DCMD, typed by the metric's BIRTH datatype; undefined when it does
 * not fit (a real controller ignores such a write, and so does the demo).
 * @param {Metric} m @param {unknown} v @returns {Metric['value'] | undefined}
 */
export function coerceWrite(m, v) {
  const inRange = (/** @type {number} */ n) => (m.min === undefined || n >= m.min) && (m.max === undefined || n <= m.max);
  switch (m.type) {
    case 'Boolean': return typeof v === 'boolean' ? v : undefined;
    case 'String': return typeof v === 'string' ? v : undefined;
    case 'Double': return typeof v === 'number' && Number.isFinite(v) && inRange(v) ? v : undefined;
    case 'Int32': return typeof v === 'number' && Number.isInteger(v) && v >= INT32[0] && v <= INT32[1] && inRange(v) ? v : undefined;
    case 'Int64':
    case 'UInt64': {
      const b = toBigInt(v);
      return b === undefined || (m.type === 'UInt64' && b < 0n) ? undefined : b;
    }
    default: return undefined;
  }
}

/** A metric as sparkplug-payload encodes it: with name (BIRTH) or alias only (DATA). @param {Metric} m @param {boolean} birth @param {number} now */
export function toWire(m, birth, now) {
  const value = typeof m.value === 'bigint' ? m.value.toString() : m.value; // protobufjs takes decimal text for 64-bit exactly
  return birth
    ? { name: m.name, alias: m.alias, type: m.type, value, timestamp: now, ...(m.unit ? { properties: { engUnit: { type: 'String', value: m.unit } } } : {}) }
    : { alias: m.alias, type: m.type, value, timestamp: now };
}
