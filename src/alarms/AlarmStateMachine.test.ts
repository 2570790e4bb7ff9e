import { describe, expect, it } from 'vitest';
import { NORMAL, stateOf, transition, type AlarmEvent, type MachineState } from './AlarmStateMachine';
import type { AlarmState } from './types';

const UNTIL = 1_000;
const S = {
  A: NORMAL,
  B: { ...NORMAL, active: true, acked: false },
  C: { ...NORMAL, active: true, acked: true },
  D: { ...NORMAL, active: false, acked: false },
  'G(active)': { ...NORMAL, active: true, shelvedUntil: UNTIL },
  'G(normal)': { ...NORMAL, shelvedUntil: UNTIL },
  'H(active)': { ...NORMAL, active: true, suppressed: true },
  'H(normal)': { ...NORMAL, suppressed: true },
  'I(active)': { ...NORMAL, active: true, outOfService: true },
  'I(normal)': { ...NORMAL, outOfService: true },
  'G+H(active)': { ...NORMAL, active: true, shelvedUntil: UNTIL, suppressed: true },
} satisfies Record<string, MachineState>;

const E: Record<string, AlarmEvent> = {
  activate: { type: 'activate' },
  clear: { type: 'clear' },
  acknowledge: { type: 'acknowledge' },
  reset: { type: 'reset' },
  shelve: { type: 'shelve', until: UNTIL },
  unshelve: { type: 'unshelve' },
  'shelve-expired': { type: 'shelve-expired' },
  suppress: { type: 'suppress' },
  unsuppress: { type: 'unsuppress' },
  'remove-from-service': { type: 'remove-from-service' },
  'return-to-service': { type: 'return-to-service' },
};

const U: AlarmState = 'unacknowledged';
const K: AlarmState = 'acknowledged';
const R: AlarmState = 'returned-unacknowledged';
const N: AlarmState = 'normal';
const G: AlarmState = 'shelved';
const H: AlarmState = 'suppressed';
const I: AlarmState = 'out-of-service';

// Every state × every event → the ISA-18.2 state after it (iiot-standards.md §1 transitions).
const table: [keyof typeof S, keyof typeof E, AlarmState][] = [
  ['A', 'activate', U], ['A', 'clear', N], ['A', 'acknowledge', N], ['A', 'shelve', G], ['A', 'unshelve', N],
  ['A', 'shelve-expired', N], ['A', 'suppress', H], ['A', 'unsuppress', N], ['A', 'remove-from-service', I], ['A', 'return-to-service', N],

  ['B', 'activate', U], ['B', 'clear', R], ['B', 'acknowledge', K], ['B', 'shelve', G], ['B', 'unshelve', U],
  ['B', 'shelve-expired', U], ['B', 'suppress', H], ['B', 'unsuppress', U], ['B', 'remove-from-service', I], ['B', 'return-to-service', U],

  ['C', 'activate', K], ['C', 'clear', N], ['C', 'acknowledge', K], ['C', 'shelve', G], ['C', 'unshelve', K],
  ['C', 'shelve-expired', K], ['C', 'suppress', H], ['C', 'unsuppress', K], ['C', 'remove-from-service', I], ['C', 'return-to-service', K],

  ['D', 'activate', U], ['D', 'clear', R], ['D', 'acknowledge', N], ['D', 'shelve', G], ['D', 'unshelve', R],
  ['D', 'shelve-expired', R], ['D', 'suppress', H], ['D', 'unsuppress', R], ['D', 'remove-from-service', I], ['D', 'return-to-service', R],

  // Shelved: condition tracked, no annunciation; unshelve/expiry re-evaluates (active → B, else A).
  ['G(active)', 'activate', G], ['G(active)', 'clear', G], ['G(active)', 'acknowledge', G], ['G(active)', 'shelve', G],
  ['G(active)', 'unshelve', U], ['G(active)', 'shelve-expired', U], ['G(active)', 'suppress', G], ['G(active)', 'unsuppress', G],
  ['G(active)', 'remove-from-service', I], ['G(active)', 'return-to-service', G],
  ['G(normal)', 'activate', G], ['G(normal)', 'unshelve', N], ['G(normal)', 'shelve-expired', N],

  // Suppressed by design: re-evaluated when the design condition ends.
  ['H(active)', 'activate', H], ['H(active)', 'clear', H], ['H(active)', 'acknowledge', H], ['H(active)', 'shelve', G],
  ['H(active)', 'unshelve', H], ['H(active)', 'shelve-expired', H], ['H(active)', 'suppress', H], ['H(active)', 'unsuppress', U],
  ['H(active)', 'remove-from-service', I], ['H(active)', 'return-to-service', H],
  ['H(normal)', 'unsuppress', N], ['H(normal)', 'activate', H],

  // Out of service: nothing but return to service leaves it; shelving cannot go on top.
  ['I(active)', 'activate', I], ['I(active)', 'clear', I], ['I(active)', 'acknowledge', I], ['I(active)', 'shelve', I],
  ['I(active)', 'unshelve', I], ['I(active)', 'shelve-expired', I], ['I(active)', 'suppress', I], ['I(active)', 'unsuppress', I],
  ['I(active)', 'remove-from-service', I], ['I(active)', 'return-to-service', U],
  ['I(normal)', 'return-to-service', N], ['I(normal)', 'activate', I],

  // Reset concerns latched alarms only (latch.test.ts); anywhere else it changes nothing.
  ['A', 'reset', N], ['B', 'reset', U], ['C', 'reset', K], ['D', 'reset', R],
  ['G(active)', 'reset', G], ['H(active)', 'reset', H], ['I(active)', 'reset', I],

  // Shelved and suppressed at once: unshelving leaves it suppressed.
  ['G+H(active)', 'unshelve', H], ['G+H(active)', 'unsuppress', G],
];

describe('AlarmStateMachine', () => {
  it.each(table)('%s --%s--> %s', (from, event, to) => {
    expect(stateOf(transition(S[from], E[event]))).toBe(to);
  });

  it('covers every event from every basic state', () => {
    for (const from of ['A', 'B', 'C', 'D', 'G(active)', 'H(active)', 'I(active)'] as const) {
      for (const event of Object.keys(E)) expect(table.some(([f, e]) => f === from && e === event), `${from} ${event}`).toBe(true);
    }
  });

  it('returns the same object when nothing changes (cheap no-op detection)', () => {
    expect(transition(S.A, E.clear)).toBe(S.A);
    expect(transition(S.C, E.acknowledge)).toBe(S.C);
    expect(transition(S['I(active)'], E.shelve)).toBe(S['I(active)']);
  });

  it('tracks the process condition while shelved, and annunciates it on unshelve', () => {
    let m = transition(S.A, E.shelve);
    m = transition(m, E.activate);
    expect(m.active).toBe(true);
    expect(stateOf(m)).toBe('shelved');
    expect(stateOf(transition(m, E.unshelve))).toBe('unacknowledged');
    // Cleared again before the shelf expired: back to normal, nothing to acknowledge.
    expect(stateOf(transition(transition(m, E.clear), E['shelve-expired']))).toBe('normal');
  });

  it('re-shelving moves the expiry', () => {
    const m = transition(transition(S.B, E.shelve), { type: 'shelve', until: 5_000 });
    expect(m.shelvedUntil).toBe(5_000);
  });
});
