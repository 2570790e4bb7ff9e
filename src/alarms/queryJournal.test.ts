import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDb } from '../storage';
import { MemoryAlarmPersistence, type AlarmPersistence } from './alarmPersistence';
import { IdbAlarmPersistence } from './idbAlarmPersistence';
import { matchesJournalFilter, queryJournal } from './queryJournal';
import type { JournalEntry, JournalFilter } from './types';

const entry = (at: number, over: Partial<JournalEntry> = {}): JournalEntry => ({
  at, kind: 'transition', ruleId: 'r', ruleName: 'Rule', priority: 'high', connectionId: 'plant', topic: 'a/b', value: '1',
  from: 'normal', to: 'unacknowledged', action: 'activate', trigger: 'process', reason: '', station: 'screen-1', ...over,
});
const any: JournalFilter = { from: null, to: null, priority: '', text: '' };

describe('matchesJournalFilter', () => {
  it.each([
    [{}, true],
    [{ priority: 'high' }, true],
    [{ priority: 'low' }, false],
    [{ text: '  A/B ' }, true],
    [{ text: 'screen-1' }, true],
    [{ text: 'nowhere' }, false],
  ] as const)('%j → %s', (over, expected) => {
    expect(matchesJournalFilter(entry(1), { ...any, ...over })).toBe(expected);
  });
});

// One contract suite, run against each persistence (style.md "contract suites").
describe.each([
  ['memory', async () => new MemoryAlarmPersistence()],
  [
    'IndexedDB (fake-indexeddb)',
    async () => {
      const db = await getDb();
      await db.clear('journal');
      const p = new IdbAlarmPersistence();
      await p.load();
      return p;
    },
  ],
] as [string, () => Promise<AlarmPersistence>][])('queryJournal over %s', (_name, make) => {
  it('time range (inclusive), newest first, limit', async () => {
    const p = await make();
    await p.appendJournal([entry(10), entry(20, { action: 'clear' }), entry(30), entry(40)], 100);
    expect((await queryJournal(p, any)).map((e) => e.at)).toEqual([40, 30, 20, 10]);
    expect((await queryJournal(p, { ...any, from: 20, to: 30 })).map((e) => e.at)).toEqual([30, 20]);
    expect((await queryJournal(p, { ...any, from: 30 })).map((e) => e.at)).toEqual([40, 30]);
    expect((await queryJournal(p, { ...any, to: 10 })).map((e) => e.at)).toEqual([10]);
    expect((await queryJournal(p, any, 2)).map((e) => e.at)).toEqual([40, 30]);
    expect((await queryJournal(p, { ...any, text: 'clear' })).map((e) => e.at)).toEqual([20]);
  });

  it('entries at the same time keep their write order (newest id first)', async () => {
    const p = await make();
    await p.appendJournal([entry(5, { action: 'first' }), entry(5, { action: 'second' })], 100);
    expect((await queryJournal(p, any)).map((e) => e.action)).toEqual(['second', 'first']);
  });
});
