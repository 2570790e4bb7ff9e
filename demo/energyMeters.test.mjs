import { describe, expect, it } from 'vitest';
import { createEnergySite } from './energyMeters.mjs';

const T0 = new Date(2026, 0, 12, 9, 0, 0).getTime(); // local 09:00: both lines running

function run(seconds, opts = {}) {
  const site = createEnergySite({ now: T0, ...opts });
  const out = [];
  for (let t = T0; t <= T0 + seconds * 1000; t += 100) out.push(...site.tick(t));
  return { site, out };
}

describe('energy meters', () => {
  it('is deterministic', () => {
    expect(run(120).out).toEqual(run(120).out);
  });

  it('publishes six kWh counters every 2 s that only grow, except meter-6 which resets to 0', () => {
    const { out } = run(600, { resetEveryMs: 240_000 });
    const byMeter = new Map();
    for (const m of out) byMeter.set(m.topic, [...(byMeter.get(m.topic) ?? []), m.payload]);
    expect([...byMeter.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6].map((i) => `energy/site1/meter-${i}/kwh`));
    for (const [topic, readings] of byMeter) {
      expect(readings.length).toBeGreaterThanOrEqual(300);
      const drops = readings.filter((r, i) => i > 0 && r.kwh < readings[i - 1].kwh);
      expect(drops.length, topic).toBe(topic.includes('meter-6') ? 2 : 0);
      for (const d of drops) expect(d.kwh).toBeLessThan(0.1);
    }
  });

  it('has realistic loads: the counters grow as the site total in kW says', () => {
    const { site, out } = run(3600);
    const first = new Map();
    const last = new Map();
    for (const m of out) {
      if (!first.has(m.topic)) first.set(m.topic, m.payload.kwh);
      last.set(m.topic, m.payload.kwh);
    }
    const line1 = last.get('energy/site1/meter-3/kwh') - first.get('energy/site1/meter-3/kwh');
    expect(line1).toBeGreaterThan(180); // ~210 kW for an hour
    expect(line1).toBeLessThan(240);
    expect(site.totalKw).toBeGreaterThan(250);
    expect(site.totalKw).toBeLessThan(700);
  });
});
