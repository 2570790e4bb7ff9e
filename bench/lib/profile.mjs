// CPU profiles (CDP Profiler) taken where a target is missed: the full profile goes to
// .tmp/bench-profiles/ (open it in Chromium DevTools → Performance → Load profile), a short
// self-time summary goes into the results file.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Self time per function, heaviest first.
 * @param {any} profile a Profiler.Profile @param {number} top
 */
export function profileSummary(profile, top) {
  /** @type {Map<number, any>} */
  const byId = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<string, number>} */
  const self = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const cf = byId.get(profile.samples[i])?.callFrame;
    if (!cf) continue;
    const file = cf.url ? cf.url.split('/').pop() : '';
    const key = `${cf.functionName || '(anonymous)'} ${file ? `${file}:${cf.lineNumber + 1}:${cf.columnNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), pct: total ? Math.round((1000 * us) / total) / 10 : 0 }));
}

/** @param {any} ctx @param {string} name @param {any} profile */
export async function saveProfile(ctx, name, profile) {
  const dir = path.join(ctx.repoRoot, '.tmp', 'bench-profiles');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${ctx.stamp}-${name}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  return path.relative(ctx.repoRoot, file);
}

/** CPU time per wall-clock second that was not idle, from a CDP CPU profile. @param {any} profile */
export function busyMsPerSecond(profile) {
  const idle = new Set(profile.nodes.filter((/** @type {any} */ n) => n.callFrame.functionName === '(idle)').map((/** @type {any} */ n) => n.id));
  let busy = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    total += dt;
    if (!idle.has(profile.samples[i])) busy += dt;
  }
  return total ? (busy / total) * 1000 : NaN;
}
