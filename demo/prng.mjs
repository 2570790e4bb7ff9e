// Seeded pseudo-random numbers so the demo plant behaves the same way on every
// run (same excursion order, same serial numbers) — reproducible demos and tests.

/**
 * mulberry32: tiny, fast, good enough for simulation (not for crypto).
 * @param {number} seed
 */
export function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** uniform in [min, max) */
    uniform: (/** @type {number} */ min, /** @type {number} */ max) => min + (max - min) * next(),
    /** standard normal (Box–Muller) */
    gauss: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    /** exponential with the given mean: memoryless waits between random events */
    exp: (/** @type {number} */ mean) => -mean * Math.log(1 - next()),
    /** @template T @param {T[]} list @returns {T} */
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/** @typedef {ReturnType<typeof createRng>} Rng */

/**
 * A duration option is either a fixed number of ms or a [min, max] range.
 * @param {Rng} rng @param {number | [number, number]} spec
 */
export function duration(rng, spec) {
  return Array.isArray(spec) ? rng.uniform(spec[0], spec[1]) : spec;
}
