// Shared by both pages: N vehicles on a random walk around a depot, each moved once a second
// (all in the same frame: the worst case), with a trail of the last TRAIL positions.
export const N = Number(new URLSearchParams(location.search).get('n') ?? 2000);
export const TRAIL = 10;
export const CENTER = [48.2, 16.37];

export function makeFleet() {
  const lat = new Float64Array(N);
  const lon = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    lat[i] = CENTER[0] + (Math.random() - 0.5) * 0.6;
    lon[i] = CENTER[1] + (Math.random() - 0.5) * 0.9;
  }
  const trails = Array.from({ length: N }, (_, i) => [[lat[i], lon[i]]]);
  return {
    lat,
    lon,
    trails,
    step() {
      for (let i = 0; i < N; i++) {
        lat[i] += (Math.random() - 0.5) * 0.002;
        lon[i] += (Math.random() - 0.5) * 0.003;
        const t = trails[i];
        t.push([lat[i], lon[i]]);
        if (t.length > TRAIL) t.shift();
      }
    },
  };
}

/** rAF intervals from `startMs` for `durationMs`, then resolves with them. */
export function recordFrames(durationMs) {
  return new Promise((resolve) => {
    const frames = [];
    let last = performance.now();
    const end = last + durationMs;
    const tick = (t) => {
      frames.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else resolve(frames);
    };
    requestAnimationFrame(tick);
  });
}
