import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { AlarmEngine } from './AlarmEngine';
import { instanceKey, type PersistedInstance } from './AlarmInstance';
import type { AlarmState, JournalEntry } from './types';

const T = 'plant/line1/temp';

let clock: ManualClock;
let journal: JournalEntry[];
let persisted: Map<string, PersistedInstance>;
let services: Map<string, string>;
let engine: AlarmEngine;

function make(): AlarmEngine {
  return new AlarmEngine(clock, {
    journal: (e) => journal.push(e),
    persist: (k, r) => (r ? persisted.set(k, r) : persisted.delete(k)),
    persistService: (id, reason) => (reason === null ? services.delete(id) : services.set(id, reason)),
    wake: () => undefined,
  });
}

function setup(...rules: Record<string, unknown>[]): void {
  clock = new ManualClock();
  journal = [];
  persisted = new Map();
  services = new Map();
  engine = make();
  expect(engine.setRules(rules)).toEqual([]);
}

const rule = (over: Record<string, unknown> = {}) => ({ id: 't1', name: 'Temp high', topic: T, path: 'v', condition: 'above', setpoint: 80, deadband: 2, priority: 'high', ...over });
const send = (v: unknown, topic = T, conn = 'plant') => engine.onMessage(conn, topic, { v }, undefined, clock.now());
const state = (id = 't1', topic = T): AlarmState => engine.viewOf(instanceKey(id, topic))?.state ?? 'normal';
const transitions = () => journal.filter((e) => e.kind === 'transition').map((e) => `${e.from}→${e.to}`);

describe('AlarmEngine: limits and deadband', () => {
  beforeEach(() => setup(rule()));

  it('raises above the setpoint, stays active inside the deadband, returns below setpoint − deadband', () => {
    send(80);
    expect(state()).toBe('normal'); // not > 80
    send(80.5);
    expect(state()).toBe('unacknowledged');
    engine.acknowledge([instanceKey('t1', T)]);
    expect(state()).toBe('acknowledged');
    send(78.5); // inside the deadband (78..80)
    expect(state()).toBe('acknowledged');
    send(78); // = setpoint − deadband: still active
    expect(state()).toBe('acknowledged');
    send(77.9);
    expect(state()).toBe('normal');
    expect(transitions()).toEqual(['normal→unacknowledged', 'acknowledged→normal']);
  });

  it('returns unacknowledged, then normal on acknowledge; re-alarms before the ack', () => {
    send(90);
    send(70);
    expect(state()).toBe('returned-unacknowledged');
    send(90);
    expect(state()).toBe('unacknowledged');
    send(70);
    engine.acknowledge([instanceKey('t1', T)]);
    expect(state()).toBe('normal');
  });

  it('evaluates every message: a crossing and return within one frame still raises', () => {
    send(95);
    send(60);
    expect(state()).toBe('returned-unacknowledged');
  });

  it('keeps the latest value and ignores payloads without a number at the path', () => {
    send(85);
    engine.onMessage('plant', T, { other: 1 }, undefined, clock.now());
    engine.onMessage('plant', T, 'garbage', 'garbage', clock.now());
    expect(engine.viewOf(instanceKey('t1', T))).toMatchObject({ state: 'unacknowledged', value: 85 });
  });

  it('below is mirrored', () => {
    setup(rule({ condition: 'below', setpoint: 10, deadband: 1 }));
    send(9.9);
    expect(state()).toBe('unacknowledged');
    send(10.9);
    expect(state()).toBe('unacknowledged');
    send(11.1);
    expect(state()).toBe('returned-unacknowledged');
  });

  it('journals an acknowledge of a normal alarm as an attempt with no change', () => {
    send(50);
    engine.acknowledge([instanceKey('t1', T)]);
    expect(journal.at(-1)).toMatchObject({ kind: 'action', action: 'acknowledge (no change)', from: 'normal', to: 'normal' });
  });
});

describe('AlarmEngine: on/off delays (timers run between messages)', () => {
  it('on-delay: the condition must hold continuously; a short excursion never raises', () => {
    setup(rule({ onDelayMs: 5000 }));
    send(90);
    clock.advance(4999);
    expect(state()).toBe('normal');
    send(70); // back before the delay ran out
    clock.advance(10_000);
    expect(state()).toBe('normal');
    expect(journal).toEqual([]);
    send(90);
    clock.advance(2000);
    send(91); // still true: the timer keeps running from the first crossing
    clock.advance(3000);
    expect(state()).toBe('unacknowledged');
    expect(journal.at(-1)).toMatchObject({ trigger: 'timer', to: 'unacknowledged' });
  });

  it('on-delay counts continuity through the deadband', () => {
    setup(rule({ onDelayMs: 1000 }));
    send(81);
    clock.advance(500);
    send(79); // below the setpoint but inside the deadband: condition still holds
    clock.advance(500);
    expect(state()).toBe('unacknowledged');
  });

  it('off-delay: the return must hold before the alarm clears', () => {
    setup(rule({ offDelayMs: 3000 }));
    send(90);
    send(70);
    clock.advance(2000);
    expect(state()).toBe('unacknowledged');
    send(90); // back in alarm: the off-delay starts over
    send(70);
    clock.advance(2999);
    expect(state()).toBe('unacknowledged');
    clock.advance(1);
    expect(state()).toBe('returned-unacknowledged');
  });
});

describe('AlarmEngine: stale', () => {
  it('raises with no messages, clears on the next message, re-arms lazily', () => {
    setup({ id: 's1', topic: 'plant/x', condition: 'stale', staleAfterMs: 5000, priority: 'low' });
    clock.advance(4999);
    expect(state('s1', 'plant/x')).toBe('normal');
    clock.advance(1);
    expect(state('s1', 'plant/x')).toBe('unacknowledged');
    engine.onMessage('plant', 'plant/x', 1, '1', clock.now());
    expect(state('s1', 'plant/x')).toBe('returned-unacknowledged');
    engine.acknowledge([instanceKey('s1', 'plant/x')]);
    clock.advance(3000);
    engine.onMessage('plant', 'plant/x', 2, '2', clock.now());
    clock.advance(4000); // 4 s after the last message
    expect(state('s1', 'plant/x')).toBe('normal');
    clock.advance(1000);
    expect(state('s1', 'plant/x')).toBe('unacknowledged');
  });

  it('wildcard stale rules watch every topic seen', () => {
    setup({ id: 's2', topic: 'plant/+/hb', condition: 'stale', staleAfterMs: 1000 });
    engine.onMessage('plant', 'plant/a/hb', 1, '1', clock.now());
    clock.advance(500);
    engine.onMessage('plant', 'plant/b/hb', 1, '1', clock.now());
    clock.advance(600);
    expect(state('s2', 'plant/a/hb')).toBe('unacknowledged');
    expect(state('s2', 'plant/b/hb')).toBe('normal');
  });
});

describe('AlarmEngine: rules', () => {
  it('wildcard rules give one instance per matching topic', () => {
    setup(rule({ id: 'w', topic: 'plant/+/temp' }));
    send(90, 'plant/a/temp');
    send(70, 'plant/b/temp');
    send(99, 'plant/a/b/temp');
    expect(engine.instanceCount).toBe(2);
    expect(state('w', 'plant/a/temp')).toBe('unacknowledged');
    expect(state('w', 'plant/b/temp')).toBe('normal');
  });

  it('honours the connection filter', () => {
    setup(rule({ connection: 'plant' }));
    send(90, T, 'lab');
    expect(state()).toBe('normal');
    send(90, T, 'plant');
    expect(state()).toBe('unacknowledged');
  });

  it.each([
    [{ condition: 'equal', setpoint: 3 }, [1, 3], ['normal', 'unacknowledged']],
    [{ condition: 'not-equal', setpoint: 'RUN', path: 'v' }, ['RUN', 'STOP'], ['normal', 'unacknowledged']],
    [{ condition: 'state', setpoint: 'FAULT', states: ['ESTOP'] }, ['RUNNING', 'ESTOP'], ['normal', 'unacknowledged']],
    [{ condition: 'equal', setpoint: true }, [false, true], ['normal', 'unacknowledged']],
  ])('%j', (over, values, states) => {
    setup(rule(over));
    values.forEach((v, i) => {
      send(v);
      expect(state()).toBe(states[i]);
    });
  });

  it('state match on a plain text payload with path ""', () => {
    setup({ id: 'st', topic: 'plant/m/state', path: '', condition: 'state', setpoint: 'FAULT' });
    engine.onMessage('plant', 'plant/m/state', undefined, 'FAULT', clock.now());
    expect(state('st', 'plant/m/state')).toBe('unacknowledged');
  });

  it('rate of change per second, with deadband', () => {
    setup(rule({ condition: 'rate-above', setpoint: 2, deadband: 0.5 }));
    send(10);
    clock.advance(1000);
    send(13); // 3/s
    expect(state()).toBe('unacknowledged');
    clock.advance(1000);
    send(14.8); // 1.8/s: inside the deadband
    expect(state()).toBe('unacknowledged');
    clock.advance(1000);
    send(15); // 0.2/s
    expect(state()).toBe('returned-unacknowledged');
  });

  it('editing a rule keeps its instances; removing it drops them and journals the change', () => {
    setup(rule());
    send(90);
    engine.setRules([rule({ setpoint: 95 })]);
    expect(state()).toBe('unacknowledged');
    expect(journal.at(-1)).toMatchObject({ action: 'rule changed', reason: 'setpoint 80 → 95' });
    engine.setRules([]);
    expect(engine.instanceCount).toBe(0);
    expect(persisted.size).toBe(0);
  });

  it('reports invalid rules and skips them', () => {
    setup();
    const errors = engine.setRules([rule(), rule({ id: 'bad', setpoint: 'x' }), rule()]);
    expect(errors.map((e) => e.ruleId)).toEqual(['bad', 't1']);
  });
});

describe('AlarmEngine: shelving, service, suppression', () => {
  beforeEach(() => setup(rule()));
  const key = instanceKey('t1', T);

  it('shelve hides the alarm until expiry, then re-annunciates if still active', () => {
    send(90);
    engine.shelve([key], 10_000, 'sensor being replaced');
    expect(engine.viewOf(key)).toMatchObject({ state: 'shelved', shelveReason: 'sensor being replaced', shelvedUntil: clock.now() + 10_000 });
    send(70);
    send(91);
    clock.advance(9999);
    expect(state()).toBe('shelved');
    clock.advance(1);
    expect(state()).toBe('unacknowledged');
    expect(journal.map((e) => e.action)).toContain('shelve expired');
  });

  it('unshelve of a normal alarm goes back to normal', () => {
    send(90);
    engine.shelve([key], 60_000, 'x');
    send(10);
    engine.unshelve([key]);
    expect(state()).toBe('normal');
  });

  it('out of service applies to the rule, its instances and later ones', () => {
    setup(rule({ id: 'w', topic: 'plant/+/temp' }));
    send(90, 'plant/a/temp');
    engine.setService('w', false, 'maintenance permit 42');
    expect(state('w', 'plant/a/temp')).toBe('out-of-service');
    send(90, 'plant/b/temp');
    expect(state('w', 'plant/b/temp')).toBe('out-of-service');
    expect(services.get('w')).toBe('maintenance permit 42');
    engine.setService('w', true, '');
    expect(state('w', 'plant/b/temp')).toBe('unacknowledged');
  });

  it('suppression by design follows a condition on another topic', () => {
    setup(rule({ suppressWhen: { topic: 'plant/line1/state', path: '', condition: 'equal', value: 'STOPPED' } }));
    engine.onMessage('plant', 'plant/line1/state', undefined, 'STOPPED', clock.now());
    send(90);
    expect(state()).toBe('suppressed');
    engine.onMessage('plant', 'plant/line1/state', undefined, 'RUNNING', clock.now());
    expect(state()).toBe('unacknowledged');
  });
});

describe('AlarmEngine: chattering and flood', () => {
  it('flags ≥ 3 activations within 60 s as chattering, and clears it when they age out', () => {
    setup(rule());
    for (let i = 0; i < 3; i++) {
      send(90);
      send(70);
      clock.advance(10_000);
    }
    expect(engine.viewOf(instanceKey('t1', T))!.chattering).toBe(true);
    expect(journal.some((e) => e.action === 'chattering')).toBe(true);
    clock.advance(60_000);
    engine.tick(clock.now());
    expect(engine.viewOf(instanceKey('t1', T))!.chattering).toBe(false);
  });

  it('2 activations in 60 s, or 3 spread over more, are not chattering', () => {
    setup(rule());
    for (let i = 0; i < 3; i++) {
      send(90);
      send(70);
      clock.advance(31_000);
    }
    expect(engine.viewOf(instanceKey('t1', T))!.chattering).toBe(false);
  });

  it('flood: more than 10 new alarms in 10 minutes; ends below 5', () => {
    setup(rule({ topic: 'plant/+/temp' }));
    for (let i = 0; i < 10; i++) send(90, `plant/m${i}/temp`);
    expect(engine.takeSummary()!.flood).toBe(false);
    send(90, 'plant/m10/temp');
    const s = engine.takeSummary()!;
    expect(s.flood).toBe(true);
    expect(s.recentAnnunciations).toBe(11);
    expect(s.unacknowledged.high).toBe(11);
    clock.advance(600_001);
    engine.tick(clock.now());
    expect(engine.takeSummary()!.flood).toBe(false);
    expect(journal.filter((e) => e.kind === 'system').map((e) => e.action)).toEqual(['alarm flood started', 'alarm flood ended']);
  });
});

describe('AlarmEngine: restore after a reload', () => {
  it('an unacknowledged alarm survives, and an acknowledged one is not raised again', () => {
    setup(rule(), rule({ id: 't2', topic: 'plant/line2/temp' }));
    send(90);
    send(90, 'plant/line2/temp');
    engine.acknowledge([instanceKey('t2', 'plant/line2/temp')]);
    engine.shelve([instanceKey('t1', T)], 60_000, 'x');
    engine.unshelve([instanceKey('t1', T)]);
    const saved = [...persisted.values()];
    expect(saved).toHaveLength(2);

    // A new worker: restore, then the rules arrive.
    journal = [];
    engine = make();
    engine.restore(saved, []);
    engine.setRules([rule(), rule({ id: 't2', topic: 'plant/line2/temp' })]);
    expect(state('t1', T)).toBe('unacknowledged');
    expect(state('t2', 'plant/line2/temp')).toBe('acknowledged');
    send(91, 'plant/line2/temp'); // still active: no new annunciation
    expect(state('t2', 'plant/line2/temp')).toBe('acknowledged');
    send(10);
    expect(state('t1', T)).toBe('returned-unacknowledged');
    expect(engine.takeSummary()!.annunciationSeq).toBe(0);
  });

  it('a shelf that expired while the page was closed expires at restore', () => {
    setup(rule());
    send(90);
    engine.shelve([instanceKey('t1', T)], 5000, 'x');
    const saved = [...persisted.values()];
    clock.advance(10_000);
    engine = make();
    engine.restore(saved, []);
    engine.setRules([rule()]);
    expect(state()).toBe('unacknowledged');
  });

  it('forgets stored states of rules that no longer exist', () => {
    setup(rule());
    send(90);
    const saved = [...persisted.values()];
    engine = make();
    engine.restore(saved, []);
    engine.setRules([]);
    expect(persisted.size).toBe(0);
  });
});

describe('AlarmEngine: delta parts', () => {
  it('sends only alarms that are not normal-and-acknowledged, and removes them on return', () => {
    setup(rule());
    send(90);
    let c = engine.takeChanges(true);
    expect(c.upsert.map((v) => v.state)).toEqual(['unacknowledged']);
    send(91);
    expect(engine.takeChanges(false).upsert).toEqual([]);
    expect(engine.takeChanges(true).upsert[0].value).toBe(91);
    send(10);
    engine.acknowledge([instanceKey('t1', T)]);
    c = engine.takeChanges(true);
    expect(c).toEqual({ upsert: [], remove: [instanceKey('t1', T)] });
  });

  it('test against the last value, or the next one', () => {
    setup(rule());
    send(85);
    engine.test(1, rule({ setpoint: 90 }));
    expect(engine.takeTestResults()).toMatchObject([{ reqId: 1, outcome: 'value', value: 85, conditionTrue: false }]);
    engine.test(2, rule({ topic: 'plant/other' }));
    expect(engine.takeTestResults()).toMatchObject([{ reqId: 2, outcome: 'waiting' }]);
    send(99, 'plant/other');
    expect(engine.takeTestResults()).toMatchObject([{ reqId: 2, outcome: 'value', value: 99, conditionTrue: true }]);
    engine.test(3, rule({ setpoint: 'x' }));
    expect(engine.takeTestResults()![0]).toMatchObject({ outcome: 'invalid' });
  });
});
