import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness, rule } from './alarmEngineHarness';

let h: EngineHarness;

describe('AlarmEngine: on/off delays (timers run between messages)', () => {
  it('on-delay: the condition must hold continuously; a short excursion never raises', () => {
    h = new EngineHarness(rule({ onDelayMs: 5000 }));
    h.send(90);
    h.clock.advance(4999);
    expect(h.state()).toBe('normal');
    h.send(70); // back before the delay ran out
    h.clock.advance(10_000);
    expect(h.state()).toBe('normal');
    expect(h.journal).toEqual([]);
    h.send(90);
    h.clock.advance(2000);
    h.send(91); // still true: the timer keeps running from the first crossing
    h.clock.advance(3000);
    expect(h.state()).toBe('unacknowledged');
    expect(h.journal.at(-1)).toMatchObject({ trigger: 'timer', to: 'unacknowledged' });
  });

  it('on-delay counts continuity through the deadband', () => {
    h = new EngineHarness(rule({ onDelayMs: 1000 }));
    h.send(81);
    h.clock.advance(500);
    h.send(79); // below the setpoint but inside the deadband: condition still holds
    h.clock.advance(500);
    expect(h.state()).toBe('unacknowledged');
  });

  it('off-delay: the return must hold before the alarm clears', () => {
    h = new EngineHarness(rule({ offDelayMs: 3000 }));
    h.send(90);
    h.send(70);
    h.clock.advance(2000);
    expect(h.state()).toBe('unacknowledged');
    h.send(90); // back in alarm: the off-delay starts over
    h.send(70);
    h.clock.advance(2999);
    expect(h.state()).toBe('unacknowledged');
    h.clock.advance(1);
    expect(h.state()).toBe('returned-unacknowledged');
  });
});

describe('AlarmEngine: stale', () => {
  it('raises with no messages, clears on the next message, re-arms lazily', () => {
    h = new EngineHarness({ id: 's1', topic: 'plant/x', condition: 'stale', staleAfterMs: 5000, priority: 'low' });
    h.clock.advance(4999);
    expect(h.state('s1', 'plant/x')).toBe('normal');
    h.clock.advance(1);
    expect(h.state('s1', 'plant/x')).toBe('unacknowledged');
    h.engine.onMessage('plant', 'plant/x', 1, '1', h.clock.now());
    expect(h.state('s1', 'plant/x')).toBe('returned-unacknowledged');
    h.engine.acknowledge([instanceKey('s1', 'plant/x')]);
    h.clock.advance(3000);
    h.engine.onMessage('plant', 'plant/x', 2, '2', h.clock.now());
    h.clock.advance(4000); // 4 s after the last message
    expect(h.state('s1', 'plant/x')).toBe('normal');
    h.clock.advance(1000);
    expect(h.state('s1', 'plant/x')).toBe('unacknowledged');
  });

  it('wildcard stale rules watch every topic seen', () => {
    h = new EngineHarness({ id: 's2', topic: 'plant/+/hb', condition: 'stale', staleAfterMs: 1000 });
    h.engine.onMessage('plant', 'plant/a/hb', 1, '1', h.clock.now());
    h.clock.advance(500);
    h.engine.onMessage('plant', 'plant/b/hb', 1, '1', h.clock.now());
    h.clock.advance(600);
    expect(h.state('s2', 'plant/a/hb')).toBe('unacknowledged');
    expect(h.state('s2', 'plant/b/hb')).toBe('normal');
  });
});
