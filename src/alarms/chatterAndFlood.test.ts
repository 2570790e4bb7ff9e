import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness, rule, T } from './alarmEngineHarness';

let h: EngineHarness;

describe('AlarmEngine: chattering and flood', () => {
  it('flags ≥ 3 activations within 60 s as chattering, and clears it when they age out', () => {
    h = new EngineHarness(rule());
    for (let i = 0; i < 3; i++) {
      h.send(90);
      h.send(70);
      h.clock.advance(10_000);
    }
    expect(h.engine.viewOf(instanceKey('t1', T))!.chattering).toBe(true);
    expect(h.journal.some((e) => e.action === 'chattering')).toBe(true);
    h.clock.advance(60_000);
    h.engine.tick(h.clock.now());
    expect(h.engine.viewOf(instanceKey('t1', T))!.chattering).toBe(false);
  });

  it('2 activations in 60 s, or 3 spread over more, are not chattering', () => {
    h = new EngineHarness(rule());
    for (let i = 0; i < 3; i++) {
      h.send(90);
      h.send(70);
      h.clock.advance(31_000);
    }
    expect(h.engine.viewOf(instanceKey('t1', T))!.chattering).toBe(false);
  });

  it('flood: more than 10 new alarms in 10 minutes; ends below 5', () => {
    h = new EngineHarness(rule({ topic: 'plant/+/temp' }));
    for (let i = 0; i < 10; i++) h.send(90, `plant/m${i}/temp`);
    expect(h.engine.takeSummary()!.flood).toBe(false);
    h.send(90, 'plant/m10/temp');
    const s = h.engine.takeSummary()!;
    expect(s.flood).toBe(true);
    expect(s.recentAnnunciations).toBe(11);
    expect(s.unacknowledged.high).toBe(11);
    h.clock.advance(600_001);
    h.engine.tick(h.clock.now());
    expect(h.engine.takeSummary()!.flood).toBe(false);
    expect(h.journal.filter((e) => e.kind === 'system').map((e) => e.action)).toEqual(['alarm flood started', 'alarm flood ended']);
  });
});
