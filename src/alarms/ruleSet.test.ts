import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness, rule, T } from './alarmEngineHarness';
import { compileRules, describeChange } from './ruleSet';

let h: EngineHarness;

describe('AlarmEngine: rule edits', () => {
  it('editing a rule keeps its instances; removing it drops them and journals the change', () => {
    h = new EngineHarness(rule());
    h.send(90);
    h.engine.setRules([rule({ setpoint: 95 })]);
    expect(h.state()).toBe('unacknowledged');
    expect(h.journal.at(-1)).toMatchObject({ action: 'rule changed', reason: 'setpoint 80 → 95' });
    h.engine.setRules([]);
    expect(h.engine.instanceCount).toBe(0);
    expect(h.persisted.size).toBe(0);
  });

  it('reports invalid rules and skips them', () => {
    h = new EngineHarness();
    const errors = h.engine.setRules([rule(), rule({ id: 'bad', setpoint: 'x' }), rule()]);
    expect(errors.map((e) => e.ruleId)).toEqual(['bad', 't1']);
  });
});

describe('AlarmEngine: restore after a reload', () => {
  it('an unacknowledged alarm survives, and an acknowledged one is not raised again', () => {
    h = new EngineHarness(rule(), rule({ id: 't2', topic: 'plant/line2/temp' }));
    h.send(90);
    h.send(90, 'plant/line2/temp');
    h.engine.acknowledge([instanceKey('t2', 'plant/line2/temp')]);
    h.engine.shelve([instanceKey('t1', T)], 60_000, 'x');
    h.engine.unshelve([instanceKey('t1', T)]);
    const saved = [...h.persisted.values()];
    expect(saved).toHaveLength(2);

    // A new worker: restore, then the rules arrive.
    h.journal = [];
    h.engine = h.make();
    h.engine.restore(saved, []);
    h.engine.setRules([rule(), rule({ id: 't2', topic: 'plant/line2/temp' })]);
    expect(h.state('t1', T)).toBe('unacknowledged');
    expect(h.state('t2', 'plant/line2/temp')).toBe('acknowledged');
    h.send(91, 'plant/line2/temp'); // still active: no new annunciation
    expect(h.state('t2', 'plant/line2/temp')).toBe('acknowledged');
    h.send(10);
    expect(h.state('t1', T)).toBe('returned-unacknowledged');
    expect(h.engine.takeSummary()!.annunciationSeq).toBe(0);
  });

  it('a shelf that expired while the page was closed expires at restore', () => {
    h = new EngineHarness(rule());
    h.send(90);
    h.engine.shelve([instanceKey('t1', T)], 5000, 'x');
    const saved = [...h.persisted.values()];
    h.clock.advance(10_000);
    h.engine = h.make();
    h.engine.restore(saved, []);
    h.engine.setRules([rule()]);
    expect(h.state()).toBe('unacknowledged');
  });

  it('forgets stored states of rules that no longer exist', () => {
    h = new EngineHarness(rule());
    h.send(90);
    const saved = [...h.persisted.values()];
    h.engine = h.make();
    h.engine.restore(saved, []);
    h.engine.setRules([]);
    expect(h.persisted.size).toBe(0);
  });
});

describe('compileRules and describeChange', () => {
  it('skips disabled rules silently and names rules without an id by position', () => {
    const { next, errors } = compileRules([rule({ enabled: false }), { topic: 'x' }]);
    expect(next.size).toBe(0);
    expect(errors.map((e) => e.ruleId)).toEqual(['#2']);
  });

  it('lists changed, added and removed fields', () => {
    expect(describeChange('{"setpoint":80,"a":1}', '{"setpoint":85,"b":2}')).toBe('setpoint 80 → 85, a 1 → (none), b (none) → 2');
  });
});
