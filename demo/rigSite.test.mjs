import { describe, expect, it } from 'vitest';
import { createRig, POOR_LINK } from './rigSite.mjs';

const T0 = Date.UTC(2026, 0, 12, 9, 0, 0);
const LINK = { firstDropAfterMs: 10_000, upMs: 30_000, downMs: 60_000 };

/** Ticks every 100 ms; returns [tick time, messages] for ticks that sent something. */
function run(rig, seconds) {
  const sent = [];
  for (let t = T0; t <= T0 + seconds * 1000; t += 100) {
    const out = rig.tick(t);
    if (out.length) sent.push({ at: t, out });
  }
  return sent;
}

describe('remote rig', () => {
  it('is deterministic and publishes pressure, flow and temp at 1 Hz with their sample time', () => {
    const a = run(createRig({ id: 'rig-3', now: T0 }), 20);
    expect(a).toEqual(run(createRig({ id: 'rig-3', now: T0 }), 20));
    expect(a).toHaveLength(21);
    for (const { at, out } of a) {
      expect(out.map((m) => m.topic)).toEqual(['rigs/rig-3/pressure', 'rigs/rig-3/flow', 'rigs/rig-3/temp']);
      expect(out.every((m) => m.payload.ts === at)).toBe(true);
    }
    expect(a[0].out[0].payload).toMatchObject({ unit: 'bar' });
    expect(a[0].out[0].payload.v).toBeGreaterThan(120);
  });

  it('goes silent for a minute, then sends its backlog with the original timestamps, then live', () => {
    const rig = createRig({ id: 'rig-7', now: T0, link: LINK });
    const sent = run(rig, 99);
    const pressures = (s) => s.out.filter((m) => m.topic === 'rigs/rig-7/pressure').map((m) => m.payload.ts);
    // Live for 10 s (ts 0…9 s), silent from 10 s until 70 s.
    expect(sent.filter((s) => s.at < T0 + 70_000).flatMap(pressures)).toEqual(Array.from({ length: 10 }, (_, i) => T0 + i * 1000));
    const flush = sent.find((s) => s.at >= T0 + 70_000);
    expect(flush.at).toBe(T0 + 70_000);
    // The backlog: every second of the outage, oldest first, each with its own time, then the live sample.
    expect(pressures(flush)).toEqual(Array.from({ length: 61 }, (_, i) => T0 + 10_000 + i * 1000));
    expect(flush.out).toHaveLength(61 * 3);
    expect(rig.backlogSize).toBe(0);
    expect(rig.online).toBe(true);
    // Then live again at 1 Hz.
    const after = sent.filter((s) => s.at > T0 + 70_000).flatMap(pressures);
    expect(after).toEqual(Array.from({ length: after.length }, (_, i) => T0 + 71_000 + i * 1000));
    expect(after.length).toBe(29);
  });

  it('drops again and again (poor link), about a minute each time', () => {
    const rig = createRig({ id: 'rig-7', now: T0, link: POOR_LINK });
    const sent = run(rig, 900);
    const gaps = [];
    for (let i = 1; i < sent.length; i++) if (sent[i].at - sent[i - 1].at > 2000) gaps.push(sent[i].at - sent[i - 1].at);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (const g of gaps) expect(g).toBeGreaterThan(50_000);
    for (const g of gaps) expect(g).toBeLessThan(70_000);
    // Nothing lost: every second of the 15 minutes was sent once.
    const all = sent.flatMap((s) => s.out.filter((m) => m.topic.endsWith('/pressure')).map((m) => m.payload.ts));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length + rig.backlogSize).toBe(901);
  });
});
