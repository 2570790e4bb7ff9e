// A remote rig on a poor link (issue 15): samples every second, always. While its link is up it
// publishes live; while it is down (about a minute, every few minutes) it buffers (store and
// forward), and when the link returns it first sends the backlog with the ORIGINAL sample times,
// then goes on live. A rig with a good link never drops. Retained (see fleet.mjs DemoMessage).
//   rigs/<rig>/pressure  {"v","unit":"bar","ts"}
//   rigs/<rig>/flow      {"v","unit":"m³/h","ts"}
//   rigs/<rig>/temp      {"v","unit":"°C","ts"}
import { createRng, duration } from './prng.mjs';

const SAMPLE_EVERY_MS = 1000;
/** A day of samples at most: an edge device's buffer is finite, the oldest go first. */
const MAX_BACKLOG = 86_400;

/**
 * @typedef {{ ts: number, pressure: number, flow: number, temp: number }} RigSample
 * @typedef {{ firstDropAfterMs: number | [number, number], upMs: number | [number, number], downMs: number | [number, number] }} LinkTiming
 */

/** @type {LinkTiming} */
export const POOR_LINK = { firstDropAfterMs: 90_000, upMs: [150_000, 210_000], downMs: [55_000, 65_000] };

/**
 * @param {{ id: string, seed?: number, now: number, link?: LinkTiming | null }} opts
 *   link: null = a good link that never drops.
 */
export function createRig({ id, seed = 7, now, link = null }) {
  const rng = createRng(seed);
  /** @type {RigSample[]} */
  const backlog = [];
  let nextSample = Math.ceil(now / SAMPLE_EVERY_MS) * SAMPLE_EVERY_MS;
  let downAt = link ? now + duration(rng, link.firstDropAfterMs) : Infinity;
  let upAt = Infinity;
  let dropped = 0;
  // Slow process states: wellhead pressure drifts, flow follows it, temperature lags.
  let pressure = 142 + 4 * rng.gauss();
  let temp = 67;

  /** @param {number} ts @returns {RigSample} */
  function sample(ts) {
    pressure += 0.15 * rng.gauss() + 0.02 * (142 - pressure) + 0.03 * Math.sin((2 * Math.PI * ts) / 600_000);
    const flow = 38 + 0.22 * (pressure - 142) + 0.4 * rng.gauss();
    temp += 0.05 * (64 + 0.08 * flow - temp) + 0.05 * rng.gauss();
    const r = (/** @type {number} */ v, /** @type {number} */ d) => Math.round(v * 10 ** d) / 10 ** d;
    return { ts, pressure: r(pressure, 2), flow: r(flow, 2), temp: r(temp, 2) };
  }

  /** @param {RigSample} s @returns {import('./fleet.mjs').DemoMessage[]} */
  const messages = (s) => [
    { topic: `rigs/${id}/pressure`, payload: { v: s.pressure, unit: 'bar', ts: s.ts }, retain: true },
    { topic: `rigs/${id}/flow`, payload: { v: s.flow, unit: 'm³/h', ts: s.ts }, retain: true },
    { topic: `rigs/${id}/temp`, payload: { v: s.temp, unit: '°C', ts: s.ts }, retain: true },
  ];

  return {
    id,
    /** Whether the link is up at the last tick. */
    get online() { return upAt === Infinity; },
    /** Samples lost because the backlog was full. */
    get dropped() { return dropped; },
    get backlogSize() { return backlog.length; },
    /**
     * Samples everything due by `t` and returns what goes on the wire now: nothing while the link is
     * down; on its return the backlog (original times, oldest first), then the live samples.
     * @param {number} t @returns {import('./fleet.mjs').DemoMessage[]}
     */
    tick(t) {
      /** @type {import('./fleet.mjs').DemoMessage[]} */
      const out = [];
      for (; nextSample <= t; nextSample += SAMPLE_EVERY_MS) {
        const ts = nextSample;
        if (link && upAt === Infinity && ts >= downAt) upAt = ts + duration(rng, link.downMs);
        if (link && upAt !== Infinity && ts >= upAt) {
          for (const s of backlog) out.push(...messages(s));
          backlog.length = 0;
          downAt = upAt + duration(rng, link.upMs);
          upAt = Infinity;
        }
        const s = sample(ts);
        if (upAt === Infinity) out.push(...messages(s));
        else if (backlog.push(s) > MAX_BACKLOG) {
          backlog.shift();
          dropped++;
        }
      }
      return out;
    },
  };
}
