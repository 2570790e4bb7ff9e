import { beforeEach, describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness, rule, T } from './alarmEngineHarness';

let h: EngineHarness;

describe('AlarmEngine: shelving, service, suppression', () => {
  beforeEach(() => {
    h = new EngineHarness(rule());
  });
  const key = instanceKey('t1', T);

  it('shelve hides the alarm until expiry, then re-annunciates if still active', () => {
    h.send(90);
    h.engine.shelve([key], 10_000, 'sensor being replaced');
    expect(h.engine.viewOf(key)).toMatchObject({ state: 'shelved', shelveReason: 'sensor being replaced', shelvedUntil: h.clock.now() + 10_000 });
    h.send(70);
    h.send(91);
    h.clock.advance(9999);
    expect(h.state()).toBe('shelved');
    h.clock.advance(1);
    expect(h.state()).toBe('unacknowledged');
    expect(h.journal.map((e) => e.action)).toContain('shelve expired');
  });

  it('unshelve of a normal alarm goes back to normal', () => {
    h.send(90);
    h.engine.shelve([key], 60_000, 'x');
    h.send(10);
    h.engine.unshelve([key]);
    expect(h.state()).toBe('normal');
  });

  it('out of service applies to the rule, its instances and later ones', () => {
    h = new EngineHarness(rule({ id: 'w', topic: 'plant/+/temp' }));
    h.send(90, 'plant/a/temp');
    h.engine.setService('w', false, 'maintenance permit 42');
    expect(h.state('w', 'plant/a/temp')).toBe('out-of-service');
    h.send(90, 'plant/b/temp');
    expect(h.state('w', 'plant/b/temp')).toBe('out-of-service');
    expect(h.services.get('w')).toBe('maintenance permit 42');
    h.engine.setService('w', true, '');
    expect(h.state('w', 'plant/b/temp')).toBe('unacknowledged');
  });

  it('suppression by design follows a condition on another topic', () => {
    h = new EngineHarness(rule({ suppressWhen: { topic: 'plant/line1/state', path: '', condition: 'equal', value: 'STOPPED' } }));
    h.engine.onMessage('plant', 'plant/line1/state', undefined, 'STOPPED', h.clock.now());
    h.send(90);
    expect(h.state()).toBe('suppressed');
    h.engine.onMessage('plant', 'plant/line1/state', undefined, 'RUNNING', h.clock.now());
    expect(h.state()).toBe('unacknowledged');
  });
});
