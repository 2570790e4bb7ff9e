import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness } from './alarmEngineHarness';

// Issue 15, remote sites: "a 'silent for' alarm condition per wildcard (comm loss per rig, not one rule per rig)".
const RULE = { id: 'comm', name: 'Rig communication lost', topic: 'rigs/+/pressure', path: 'v', condition: 'stale', staleAfterMs: 15_000, priority: 'medium' };

describe('wildcard stale rule: comm loss per rig', () => {
  it('makes one instance per rig that talked, raises after staleAfterMs of silence, clears when it talks again', () => {
    const h = new EngineHarness(RULE);
    const key = (rig: string) => instanceKey('comm', `rigs/${rig}/pressure`);
    const talk = (rig: string) => h.engine.onMessage('plant', `rigs/${rig}/pressure`, { v: 140, ts: h.clock.now() }, undefined, h.clock.now());
    talk('rig-3');
    talk('rig-7');
    h.engine.onMessage('plant', 'rigs/rig-7/flow', { v: 38 }, undefined, h.clock.now()); // not the rule's topic
    expect(h.engine.instanceCount).toBe(2);
    // rig-3 keeps talking every second; rig-7 goes silent.
    for (let s = 0; s < 14; s++) {
      h.clock.advance(1000);
      talk('rig-3');
    }
    h.clock.advance(999);
    expect(h.state('comm', 'rigs/rig-7/pressure')).toBe('normal');
    h.clock.advance(1);
    expect(h.state('comm', 'rigs/rig-7/pressure')).toBe('unacknowledged');
    expect(h.state('comm', 'rigs/rig-3/pressure')).toBe('normal');
    const raised = h.engine.takeChanges(true).upsert.map((v) => v.key);
    expect(raised).toEqual([key('rig-7')]);
    // Its backlog arrives (old timestamps in the payload, received now): the rig talks again.
    talk('rig-7');
    expect(h.state('comm', 'rigs/rig-7/pressure')).toBe('returned-unacknowledged');
    h.engine.acknowledge([key('rig-7')]);
    expect(h.state('comm', 'rigs/rig-7/pressure')).toBe('normal');
    // A rig seen for the first time later is watched from then on.
    talk('rig-9');
    h.clock.advance(15_000);
    expect(h.state('comm', 'rigs/rig-9/pressure')).toBe('unacknowledged');
    expect(h.engine.instanceCount).toBe(3);
  });
});
