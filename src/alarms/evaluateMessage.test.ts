import { beforeEach, describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness, rule, T } from './alarmEngineHarness';

let h: EngineHarness;

describe('AlarmEngine: limits and deadband', () => {
  beforeEach(() => {
    h = new EngineHarness(rule());
  });

  it('raises above the setpoint, stays active inside the deadband, returns below setpoint − deadband', () => {
    h.send(80);
    expect(h.state()).toBe('normal'); // not > 80
    h.send(80.5);
    expect(h.state()).toBe('unacknowledged');
    h.engine.acknowledge([instanceKey('t1', T)]);
    expect(h.state()).toBe('acknowledged');
    h.send(78.5); // inside the deadband (78..80)
    expect(h.state()).toBe('acknowledged');
    h.send(78); // = setpoint − deadband: still active
    expect(h.state()).toBe('acknowledged');
    h.send(77.9);
    expect(h.state()).toBe('normal');
    expect(h.transitions()).toEqual(['normal→unacknowledged', 'acknowledged→normal']);
  });

  it('returns unacknowledged, then normal on acknowledge; re-alarms before the ack', () => {
    h.send(90);
    h.send(70);
    expect(h.state()).toBe('returned-unacknowledged');
    h.send(90);
    expect(h.state()).toBe('unacknowledged');
    h.send(70);
    h.engine.acknowledge([instanceKey('t1', T)]);
    expect(h.state()).toBe('normal');
  });

  it('evaluates every message: a crossing and return within one frame still raises', () => {
    h.send(95);
    h.send(60);
    expect(h.state()).toBe('returned-unacknowledged');
  });

  it('keeps the latest value and ignores payloads without a number at the path', () => {
    h.send(85);
    h.engine.onMessage('plant', T, { other: 1 }, undefined, h.clock.now());
    h.engine.onMessage('plant', T, 'garbage', 'garbage', h.clock.now());
    expect(h.engine.viewOf(instanceKey('t1', T))).toMatchObject({ state: 'unacknowledged', value: 85 });
  });

  it('below is mirrored', () => {
    h = new EngineHarness(rule({ condition: 'below', setpoint: 10, deadband: 1 }));
    h.send(9.9);
    expect(h.state()).toBe('unacknowledged');
    h.send(10.9);
    expect(h.state()).toBe('unacknowledged');
    h.send(11.1);
    expect(h.state()).toBe('returned-unacknowledged');
  });

  it('journals an acknowledge of a normal alarm as an attempt with no change', () => {
    h.send(50);
    h.engine.acknowledge([instanceKey('t1', T)]);
    expect(h.journal.at(-1)).toMatchObject({ kind: 'action', action: 'acknowledge (no change)', from: 'normal', to: 'normal' });
  });
});

describe('AlarmEngine: rules', () => {
  it('wildcard rules give one instance per matching topic', () => {
    h = new EngineHarness(rule({ id: 'w', topic: 'plant/+/temp' }));
    h.send(90, 'plant/a/temp');
    h.send(70, 'plant/b/temp');
    h.send(99, 'plant/a/b/temp');
    expect(h.engine.instanceCount).toBe(2);
    expect(h.state('w', 'plant/a/temp')).toBe('unacknowledged');
    expect(h.state('w', 'plant/b/temp')).toBe('normal');
  });

  it('honours the connection filter', () => {
    h = new EngineHarness(rule({ connection: 'plant' }));
    h.send(90, T, 'lab');
    expect(h.state()).toBe('normal');
    h.send(90, T, 'plant');
    expect(h.state()).toBe('unacknowledged');
  });

  it.each([
    [{ condition: 'equal', setpoint: 3 }, [1, 3], ['normal', 'unacknowledged']],
    [{ condition: 'not-equal', setpoint: 'RUN', path: 'v' }, ['RUN', 'STOP'], ['normal', 'unacknowledged']],
    [{ condition: 'state', setpoint: 'FAULT', states: ['ESTOP'] }, ['RUNNING', 'ESTOP'], ['normal', 'unacknowledged']],
    [{ condition: 'equal', setpoint: true }, [false, true], ['normal', 'unacknowledged']],
  ])('%j', (over, values, states) => {
    h = new EngineHarness(rule(over));
    values.forEach((v, i) => {
      h.send(v);
      expect(h.state()).toBe(states[i]);
    });
  });

  it('state match on a plain text payload with path ""', () => {
    h = new EngineHarness({ id: 'st', topic: 'plant/m/state', path: '', condition: 'state', setpoint: 'FAULT' });
    h.engine.onMessage('plant', 'plant/m/state', undefined, 'FAULT', h.clock.now());
    expect(h.state('st', 'plant/m/state')).toBe('unacknowledged');
  });

  it('rate of change per second, with deadband', () => {
    h = new EngineHarness(rule({ condition: 'rate-above', setpoint: 2, deadband: 0.5 }));
    h.send(10);
    h.clock.advance(1000);
    h.send(13); // 3/s
    expect(h.state()).toBe('unacknowledged');
    h.clock.advance(1000);
    h.send(14.8); // 1.8/s: inside the deadband
    expect(h.state()).toBe('unacknowledged');
    h.clock.advance(1000);
    h.send(15); // 0.2/s
    expect(h.state()).toBe('returned-unacknowledged');
  });
});
