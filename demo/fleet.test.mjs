import { describe, expect, it } from 'vitest';
import { createFleetPublisher } from './fleet.mjs';
import { FAULT_DTCS, WARNING_DTCS } from './fleetModel.mjs';

const T0 = Date.UTC(2026, 0, 12, 9, 0, 0);

/** Runs a publisher for `seconds` in 100 ms ticks and returns every message. */
function run(seed, seconds, count = 50, tickMs = 100) {
  const pub = createFleetPublisher({ seed, count, now: T0 });
  const out = [];
  for (let t = T0; t <= T0 + seconds * 1000; t += tickMs) out.push(...pub.tick(t));
  return { pub, out };
}

describe('fleet simulator', () => {
  it('is deterministic: the same seed gives the same messages', () => {
    expect(run(3, 60).out).toEqual(run(3, 60).out);
    expect(run(3, 60).out).not.toEqual(run(4, 60).out);
  });

  it('sends every truck\'s position at 1 Hz with 5-decimal coordinates near Rotterdam', () => {
    const { out } = run(1, 10);
    const gps = out.filter((m) => m.topic.endsWith('/gps'));
    const trucks = new Set(gps.map((m) => m.topic.split('/')[1]));
    expect(trucks.size).toBe(50);
    expect([...trucks].sort()[0]).toBe('truck-01');
    expect(gps.filter((m) => m.topic === 'fleet/truck-07/gps')).toHaveLength(10); // staggered: 120 ms, 1 120 ms, … 9 120 ms
    for (const { payload: p } of gps) {
      expect(p.lat).toBeGreaterThan(51.7);
      expect(p.lat).toBeLessThan(52.1);
      expect(p.lon).toBeGreaterThan(4);
      expect(p.lon).toBeLessThan(4.8);
      expect(Math.round(p.lat * 1e5) / 1e5).toBe(p.lat);
      expect(p.heading).toBeGreaterThanOrEqual(0);
      expect(p.heading).toBeLessThan(360);
      expect(p.speed).toBeGreaterThanOrEqual(0);
      expect(p.speed).toBeLessThan(110);
    }
  });

  it('moves the trucks along their routes', () => {
    const { out } = run(1, 30);
    const truck = out.filter((m) => m.topic === 'fleet/truck-01/gps').map((m) => m.payload);
    const first = truck[0];
    const last = truck.at(-1);
    expect(Math.hypot(last.lat - first.lat, last.lon - first.lon)).toBeGreaterThan(0.001);
  });

  it('reports status every 5 s with fuel, state and now and then a diagnostic code', () => {
    const { out } = run(2, 3600, 50, 1000); // an hour in 1 s ticks (each truck's status is still every 5 s)
    const status = out.filter((m) => m.topic.endsWith('/status')).map((m) => m.payload);
    expect(status.filter((s) => s.ts === status[0].ts).length).toBeGreaterThan(0);
    const states = new Set(status.map((s) => s.state));
    expect(states).toEqual(new Set(['driving', 'idle', 'fault']));
    const faults = status.filter((s) => s.state === 'fault');
    expect(faults.every((s) => FAULT_DTCS.includes(s.dtc))).toBe(true);
    expect(faults.some((s) => s.speed === 0)).toBe(true); // a faulted truck pulls over
    expect(status.some((s) => s.state === 'driving' && WARNING_DTCS.includes(s.dtc))).toBe(true);
    for (const s of status) {
      expect(s.fuel).toBeGreaterThanOrEqual(0);
      expect(s.fuel).toBeLessThanOrEqual(100);
    }
    // Some trucks run low and refuel: the "fuel low" alarm has something to show, and clears.
    expect(status.some((s) => s.fuel < 15)).toBe(true);
    expect(status.filter((s) => s.state === 'idle').some((s) => s.fuel > 85)).toBe(true);
  }, 30_000);
});
