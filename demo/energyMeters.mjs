// Smart energy meters (issue 15): ever-growing kWh counters, as an energy manager's meters send them.
//   energy/<site>/meter-1..6/kwh   {"kwh","ts"}   every 2 s per meter (staggered)
// Loads are believable for a mid-size plant (site total ~300–600 kW): compressors cycling, HVAC,
// two production lines on a two-shift pattern (local time), lighting, and EV chargers whose
// sub-meter resets to 0 every few minutes (a rebooting meter), so `rate`/`increase` must cope.
import { createRng } from './prng.mjs';

const PUBLISH_EVERY_MS = 2000;
const DEFAULT_RESET_EVERY_MS = 4 * 60_000;

/** @typedef {{ id: string, name: string, kwh: number, kw: number, load: (t: number, rng: import('./prng.mjs').Rng) => number }} Meter */

/** 06:00–22:00 two shifts; a 30-minute break at 12:00 and 18:00; night: standby. @param {number} t */
function shiftFactor(t) {
  const d = new Date(t);
  const h = d.getHours() + d.getMinutes() / 60;
  if (h < 6 || h >= 22) return 0.12;
  if ((h >= 12 && h < 12.5) || (h >= 18 && h < 18.5)) return 0.35;
  return 1;
}

/** @returns {Omit<Meter, 'kwh' | 'kw'>[]} */
const METERS = () => [
  // Screw compressors: load/unload cycle of about a minute.
  { id: 'meter-1', name: 'Compressed air', load: (t, r) => (Math.floor(t / 40_000) % 3 === 0 ? 38 : 112) + 3 * r.gauss() },
  { id: 'meter-2', name: 'HVAC', load: (t, r) => 55 + 18 * Math.sin((2 * Math.PI * t) / 3_600_000) + 2 * r.gauss() },
  { id: 'meter-3', name: 'Line 1', load: (t, r) => 210 * shiftFactor(t) + 8 * r.gauss() },
  { id: 'meter-4', name: 'Line 2', load: (t, r) => 175 * shiftFactor(t) + 7 * r.gauss() },
  { id: 'meter-5', name: 'Lighting', load: (t) => (shiftFactor(t) > 0.2 ? 18 : 6) },
  // Up to four 11 kW chargers, sessions come and go every few minutes.
  { id: 'meter-6', name: 'EV chargers', load: (t) => 11 * (Math.floor(t / 150_000) % 5) },
];

/**
 * @param {{ seed?: number, site?: string, now: number, resetEveryMs?: number, resetMeter?: string }} opts
 */
export function createEnergySite({ seed = 42, site = 'site1', now, resetEveryMs = DEFAULT_RESET_EVERY_MS, resetMeter = 'meter-6' }) {
  const rng = createRng(seed);
  /** @type {Meter[]} */
  const meters = METERS().map((m) => ({ ...m, kw: 0, kwh: m.id === resetMeter ? rng.uniform(0, 5) : Math.round(rng.uniform(120_000, 900_000)) }));
  let last = now;
  let nextReset = now + resetEveryMs;
  const next = meters.map((_, i) => now + Math.floor((i * PUBLISH_EVERY_MS) / meters.length));

  /** Integrates every load up to `t` (1 s steps); the reset meter starts over from 0 on schedule. @param {number} t */
  function step(t) {
    while (last < t) {
      const to = Math.min(t, last + 1000);
      for (const m of meters) {
        m.kw = Math.max(0, m.load(to, rng));
        m.kwh += (m.kw * (to - last)) / 3_600_000;
      }
      last = to;
      if (to >= nextReset) {
        const m = meters.find((x) => x.id === resetMeter);
        if (m) m.kwh = 0;
        nextReset += resetEveryMs;
      }
    }
  }

  return {
    meters,
    /** The site's momentary load in kW (what a `sum` of `rate`s should show, ×3600). */
    get totalKw() { return meters.reduce((s, m) => s + m.kw, 0); },
    /** @param {number} t @returns {import('./fleet.mjs').DemoMessage[]} */
    tick(t) {
      step(t);
      /** @type {import('./fleet.mjs').DemoMessage[]} */
      const out = [];
      meters.forEach((m, i) => {
        if (t < next[i]) return;
        next[i] = Math.max(next[i] + PUBLISH_EVERY_MS, t + 1);
        // 0.1 Wh resolution, like a class 1 meter's register.
        out.push({ topic: `energy/${site}/${m.id}/kwh`, payload: { kwh: Math.round(m.kwh * 10_000) / 10_000, ts: t } });
      });
      return out;
    },
  };
}
