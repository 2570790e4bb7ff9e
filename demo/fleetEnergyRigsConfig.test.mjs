import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../src/alarms';
import { parseSiteConfig } from '../src/config';
import { demoConfig } from './demoConfig.mjs';

const config = demoConfig({ wsUrl: 'ws://127.0.0.1:9001' });

describe('demo config: Fleet, Energy and Remote rig', () => {
  it('is a valid site config that keeps the new widget fields', () => {
    const parsed = parseSiteConfig(config);
    expect(parsed.ok).toBe(true);
    const byName = Object.fromEntries(parsed.config.dashboards.map((d) => [d.name, d]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['Fleet', 'Energy', 'Remote rig']));
    expect(byName.Fleet.variables).toEqual([{ name: 'vehicle', topic: 'fleet/+/gps' }]);
    const table = byName.Fleet.widgets.find((w) => w.type === 'table');
    expect(table.rows).toEqual({ connection: 'demo', topic: 'fleet/+/status' });
    expect(table.columns.map((c) => c.title)).toEqual(['State', 'Fuel', 'Speed', 'DTC']); // the table adds "Last seen" itself
    expect(byName.Fleet.widgets.find((w) => w.type === 'map').positions).toMatchObject({ topic: 'fleet/+/gps', lat: 'lat', lon: 'lon' });
    expect(byName.Energy.widgets.find((w) => w.id === 'site-power').series[0]).toMatchObject({ transform: 'rate', aggregate: 'sum', topic: 'energy/site1/+/kwh' });
    expect(byName.Energy.widgets.find((w) => w.id === 'meter-hourly').series).toHaveLength(6);
    expect(byName['Remote rig'].widgets.filter((w) => w.type === 'line').every((w) => w.series.every((s) => s.timePath === 'ts'))).toBe(true);
  });

  it('has alarm rules the engine compiles: comm loss per rig (wildcard stale) and fleet fuel low', () => {
    for (const id of ['rig-comm-loss', 'fleet-fuel-low']) {
      const rule = config.alarms.find((a) => a.id === id);
      expect(compileRule(rule).ok, id).toBe(true);
    }
  });

  it('is what public/config.example.json shows', () => {
    const example = JSON.parse(readFileSync(new URL('../public/config.example.json', import.meta.url), 'utf8'));
    expect(example).toEqual(config);
  });
});
