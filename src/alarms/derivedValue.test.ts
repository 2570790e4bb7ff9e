import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { compileRule } from './compileRule';
import { EngineHarness, rule } from './alarmEngineHarness';

const SITE = 'site/+/power';

describe('alarms on transformed and aggregated values (issue 15)', () => {
  it('a wildcard rule with aggregate is ONE instance: "site power above 500 kW"', () => {
    const h = new EngineHarness(rule({ id: 'site', topic: SITE, path: 'kw', aggregate: 'sum', setpoint: 500, deadband: 0 }));
    h.engine.onMessage('plant', 'site/a/power', { kw: 200 }, undefined, h.clock.now());
    h.engine.onMessage('plant', 'site/b/power', { kw: 250 }, undefined, h.clock.now());
    expect(h.state('site', SITE)).toBe('normal');
    h.engine.onMessage('plant', 'site/c/power', { kw: 60 }, undefined, h.clock.now());
    expect(h.state('site', SITE)).toBe('unacknowledged');
    expect(h.engine.viewOf(instanceKey('site', SITE))).toMatchObject({ value: 510 });
    // No instance per meter.
    expect(h.engine.viewOf(instanceKey('site', 'site/a/power'))).toBeUndefined();
    // The instance lives on the filter: a rule edit keeps it (its topic matches its own filter).
    h.engine.setRules([rule({ id: 'site', topic: SITE, path: 'kw', aggregate: 'sum', setpoint: 500, deadband: 0, priority: 'critical' })]);
    expect(h.state('site', SITE)).toBe('unacknowledged');
    h.engine.setRules([rule({ id: 'site', topic: 'site/#', path: 'kw', aggregate: 'sum', setpoint: 500, deadband: 0 })]);
    h.engine.onMessage('plant', 'site/a/power', { kw: 1 }, undefined, h.clock.now());
    expect(h.engine.viewOf(instanceKey('site', 'site/#'))).toBeDefined();
  });

  it('site power as the sum of each meter\'s kWh rate; one meter\'s reset does not trip it', () => {
    const h = new EngineHarness(rule({ id: 'kw', topic: 'site/+/energy', path: 'kwh', transform: 'rate', aggregate: 'sum', setpoint: 500 / 3600, deadband: 0 }));
    const send = (m: string, kwh: number) => h.engine.onMessage('plant', `site/${m}/energy`, { kwh }, undefined, h.clock.now());
    send('a', 1000);
    send('b', 5000);
    h.clock.advance(3_600_000); // an hour later: a used 100 kWh, b 300 kWh = 400 kW together
    send('a', 1100);
    send('b', 5300);
    expect(h.state('kw', 'site/+/energy')).toBe('normal');
    send('a', 2); // a's meter was exchanged: +2, not −1098
    expect(h.state('kw', 'site/+/energy')).toBe('normal');
    h.clock.advance(1000);
    send('b', 5300 + 0.2); // 0.2 kWh in a second = 720 kW, plus a's rate
    expect(h.state('kw', 'site/+/energy')).toBe('unacknowledged');
  });

  it('a rate rule without aggregate keeps one counter and one instance per topic', () => {
    const h = new EngineHarness(rule({ id: 'r', topic: 'line/+/count', path: 'n', transform: 'rate', setpoint: 10, deadband: 0 }));
    const send = (m: string, n: number) => h.engine.onMessage('plant', `line/${m}/count`, { n }, undefined, h.clock.now());
    send('a', 0);
    send('b', 0);
    h.clock.advance(1000);
    send('a', 5);
    send('b', 50);
    expect(h.state('r', 'line/a/count')).toBe('normal');
    expect(h.state('r', 'line/b/count')).toBe('unacknowledged');
  });

  it('compiles the derivation, names it in the limit, and refuses a bad interval', () => {
    const r = compileRule({ ...rule({ topic: SITE, aggregate: 'sum', transform: 'increase', interval: '1d', setpoint: 900 }) });
    expect(r.ok && r.rule.derive).toEqual({ transform: 'increase', interval: '1d', aggregate: 'sum', wrapAt: undefined });
    expect(r.ok && r.rule.limit).toBe('sum of increase per 1d > 900 (deadband 2)');
    const bad = compileRule(rule({ transform: 'increase', interval: '7h' }));
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(['interval']);
  });
});
