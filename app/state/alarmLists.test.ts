import { describe, expect, it } from 'vitest';
import type { AlarmState, AlarmView, Priority } from '../../src/alarms';
import { compareAlarms, emptyLists, inTable, updateLists, type AlarmLists } from './alarmLists';

const PRIORITIES: Priority[] = ['critical', 'high', 'medium', 'low'];
const STATES: AlarmState[] = ['unacknowledged', 'acknowledged', 'shelved', 'suppressed', 'out-of-service', 'returned-unacknowledged'];
const view = (key: string, priority: Priority, since: number, state: AlarmState = 'unacknowledged'): AlarmView =>
  ({ key, priority, since, state }) as AlarmView;

/** The lists as a full rebuild and sort would give them. */
const rebuilt = (l: AlarmLists) => {
  const all = [...l.alarms.values()];
  return { table: all.filter(inTable).sort(compareAlarms), other: all.filter((a) => !inTable(a)).sort(compareAlarms) };
};

describe('updateLists', () => {
  it('sorts by priority, then newest first, then key', () => {
    const l = updateLists(emptyLists(), [view('b', 'low', 5), view('a', 'high', 1), view('c', 'high', 9), view('d', 'high', 9)], []);
    expect(l.table.map((a) => a.key)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('moves an alarm between the table and the other list when its state changes, and removes', () => {
    let l = updateLists(emptyLists(), [view('a', 'high', 1), view('b', 'low', 2)], []);
    l = updateLists(l, [view('a', 'high', 1, 'suppressed')], []);
    expect(l.table.map((a) => a.key)).toEqual(['b']);
    expect(l.other.map((a) => a.key)).toEqual(['a']);
    l = updateLists(l, [], ['a', 'nope']);
    expect(l.other).toEqual([]);
    expect([...l.alarms.keys()]).toEqual(['b']);
  });

  it('keeps a list that nothing entered or left (no re-render of what shows it)', () => {
    const l = updateLists(emptyLists(), [view('a', 'high', 1), view('s', 'low', 1, 'suppressed')], []);
    const next = updateLists(l, [view('a', 'high', 1, 'acknowledged')], []);
    expect(next.other).toBe(l.other);
    expect(next.table).not.toBe(l.table);
  });

  it('matches a full re-sort over a random storm of upserts, state changes and removals', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    let l: AlarmLists = emptyLists();
    for (let round = 0; round < 60; round++) {
      const upsert = Array.from({ length: rnd(40) }, () => view(`k${rnd(300)}`, PRIORITIES[rnd(4)], rnd(50), STATES[rnd(STATES.length)]));
      const remove = Array.from({ length: rnd(10) }, () => `k${rnd(300)}`);
      l = updateLists(l, upsert, remove, round === 30);
      const want = rebuilt(l);
      expect(l.table).toEqual(want.table);
      expect(l.other).toEqual(want.other);
      expect(l.table.length + l.other.length).toBe(l.alarms.size);
    }
  });
});
