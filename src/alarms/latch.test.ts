import { beforeEach, describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness, rule, T } from './alarmEngineHarness';
import { NORMAL, stateOf, transition, type AlarmEvent, type MachineState } from './AlarmStateMachine';
import type { AlarmState } from './types';

// ISA-18.2 latching (E/F): iiot-standards.md §1 "latched variant: B→E CLEAR, C→F CLEAR, E→F ACK, F→A RESET".
const L = {
  B: { ...NORMAL, active: true, acked: false },
  C: { ...NORMAL, active: true, acked: true },
  E: { ...NORMAL, acked: false, latched: true },
  F: { ...NORMAL, acked: true, latched: true },
  'G(F)': { ...NORMAL, acked: true, latched: true, shelvedUntil: 1000 },
  'G(active)': { ...NORMAL, active: true, shelvedUntil: 1000 },
} satisfies Record<string, MachineState>;

const ev: Record<string, AlarmEvent> = {
  latchClear: { type: 'clear', latch: true },
  activate: { type: 'activate' },
  acknowledge: { type: 'acknowledge' },
  reset: { type: 'reset' },
  unshelve: { type: 'unshelve' },
  suppress: { type: 'suppress' },
};

const table: [keyof typeof L, keyof typeof ev, AlarmState][] = [
  ['B', 'latchClear', 'latched-unacknowledged'],
  ['C', 'latchClear', 'latched-acknowledged'],
  ['B', 'reset', 'unacknowledged'],
  ['C', 'reset', 'acknowledged'],
  ['E', 'acknowledge', 'latched-acknowledged'],
  // Reset needs the acknowledgement first (F → A only).
  ['E', 'reset', 'latched-unacknowledged'],
  ['F', 'reset', 'normal'],
  // The condition comes back while latched: a new activation, annunciated again.
  ['E', 'activate', 'unacknowledged'],
  ['F', 'activate', 'unacknowledged'],
  ['F', 'latchClear', 'latched-acknowledged'],
  ['F', 'suppress', 'suppressed'],
  // The latch is kept through shelving; reset does nothing while shelved.
  ['G(F)', 'reset', 'shelved'],
  ['G(F)', 'unshelve', 'latched-acknowledged'],
  // A clear while shelved does not latch: the operator never saw that activation.
  ['G(active)', 'latchClear', 'shelved'],
];

describe('AlarmStateMachine: latching', () => {
  it.each(table)('%s --%s--> %s', (from, event, to) => {
    expect(stateOf(transition(L[from], ev[event]))).toBe(to);
  });

  it('a clear while shelved leaves no latch behind', () => {
    expect(stateOf(transition(transition(L['G(active)'], ev.latchClear), ev.unshelve))).toBe('normal');
  });
});

let h: EngineHarness;
const key = instanceKey('t1', T);

describe('AlarmEngine: latched alarms', () => {
  beforeEach(() => {
    h = new EngineHarness(rule({ latch: true }));
  });

  it('stays after its condition clears, until acknowledged and reset; the journal says so', () => {
    h.send(90);
    h.send(10);
    expect(h.engine.viewOf(key)).toMatchObject({ state: 'latched-unacknowledged', active: false, latch: true });
    // Reset before acknowledging is refused, and journalled as an attempt.
    expect(h.engine.reset([key])).toEqual([]);
    expect(h.state()).toBe('latched-unacknowledged');
    h.engine.acknowledge([key]);
    expect(h.state()).toBe('latched-acknowledged');
    expect(h.engine.takeSummary()).toMatchObject({ unacknowledged: { high: 0 }, active: { high: 1 } });
    expect(h.engine.reset([key])).toEqual([key]);
    expect(h.state()).toBe('normal');
    expect(h.transitions()).toEqual(['normal→unacknowledged', 'unacknowledged→latched-unacknowledged']);
    expect(h.journal.filter((e) => e.kind === 'action').map((e) => [e.action, e.from, e.to])).toEqual([
      ['reset (no change)', 'latched-unacknowledged', 'latched-unacknowledged'],
      ['acknowledge', 'latched-unacknowledged', 'latched-acknowledged'],
      ['reset', 'latched-acknowledged', 'normal'],
    ]);
  });

  it('cannot be reset while the condition is still active', () => {
    h.send(90);
    h.engine.acknowledge([key]);
    expect(h.engine.reset([key])).toEqual([]);
    expect(h.state()).toBe('acknowledged');
  });

  it('counts as unacknowledged until acknowledged (banner and horn)', () => {
    h.send(90);
    h.engine.acknowledge([key]);
    h.send(10);
    expect(h.state()).toBe('latched-acknowledged');
    h.send(90);
    expect(h.state()).toBe('unacknowledged');
    h.send(10);
    expect(h.engine.takeSummary()).toMatchObject({ unacknowledged: { high: 1 }, active: { high: 1 } });
  });

  it('a rule without latch returns to normal as before', () => {
    h = new EngineHarness(rule());
    h.send(90);
    h.engine.acknowledge([key]);
    h.send(10);
    expect(h.state()).toBe('normal');
  });

  it('the latch survives a reload', () => {
    h.send(90);
    h.send(10);
    h.engine.acknowledge([key]);
    const saved = [...h.persisted.values()];
    expect(saved).toMatchObject([{ key, latched: true, active: false, acked: true }]);
    h.engine = h.make();
    h.engine.restore(saved, []);
    h.engine.setRules([rule({ latch: true })]);
    expect(h.state()).toBe('latched-acknowledged');
    h.engine.reset([key]);
    expect(h.state()).toBe('normal');
    expect(h.persisted.size).toBe(0);
  });
});
