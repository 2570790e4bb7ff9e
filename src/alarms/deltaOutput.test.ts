import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness, rule, T } from './alarmEngineHarness';
import { ListPacer, STORM_LIST_MS, STORM_ROWS } from './deltaOutput';

let h: EngineHarness;

describe('AlarmEngine: delta parts', () => {
  it('sends only alarms that are not normal-and-acknowledged, and removes them on return', () => {
    h = new EngineHarness(rule());
    h.send(90);
    let c = h.engine.takeChanges(true);
    expect(c.upsert.map((v) => v.state)).toEqual(['unacknowledged']);
    h.send(91);
    expect(h.engine.takeChanges(false).upsert).toEqual([]);
    expect(h.engine.takeChanges(true).upsert[0].value).toBe(91);
    h.send(10);
    h.engine.acknowledge([instanceKey('t1', T)]);
    c = h.engine.takeChanges(true);
    expect(c).toEqual({ upsert: [], remove: [instanceKey('t1', T)] });
  });

  it('test against the last value, or the next one', () => {
    h = new EngineHarness(rule());
    h.send(85);
    h.engine.test(1, rule({ setpoint: 90 }));
    expect(h.engine.takeTestResults()).toMatchObject([{ reqId: 1, outcome: 'value', value: 85, conditionTrue: false }]);
    h.engine.test(2, rule({ topic: 'plant/other' }));
    expect(h.engine.takeTestResults()).toMatchObject([{ reqId: 2, outcome: 'waiting' }]);
    h.send(99, 'plant/other');
    expect(h.engine.takeTestResults()).toMatchObject([{ reqId: 2, outcome: 'value', value: 99, conditionTrue: true }]);
    h.engine.test(3, rule({ setpoint: 'x' }));
    expect(h.engine.takeTestResults()![0]).toMatchObject({ outcome: 'invalid' });
  });
});

describe('rule tests (ruleProbes)', () => {
  it('a test waiting for a message times out after 30 s', () => {
    h = new EngineHarness(rule());
    h.engine.test(4, rule({ topic: 'plant/never' }));
    h.engine.takeTestResults();
    h.clock.advance(30_000);
    h.engine.tick(h.clock.now());
    expect(h.engine.takeTestResults()).toMatchObject([{ reqId: 4, outcome: 'timeout' }]);
  });
});

describe('ListPacer: the row list in an alarm storm', () => {
  it('lets calm changes out every frame', () => {
    const p = new ListPacer();
    expect(p.wait(1000)).toBe(0);
    p.sent(1000, 3);
    expect(p.wait(1016)).toBe(0);
  });

  it(`after a flush of ${STORM_ROWS} rows or more, holds the list for ${STORM_LIST_MS} ms, then lets it out`, () => {
    const p = new ListPacer();
    p.sent(1000, STORM_ROWS);
    expect(p.wait(1016)).toBe(STORM_LIST_MS - 16);
    expect(p.wait(1000 + STORM_LIST_MS)).toBe(0);
    p.sent(1000 + STORM_LIST_MS, 2);
    expect(p.wait(1000 + STORM_LIST_MS + 16)).toBe(0);
  });
});
