import { describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import { MemoryAlarmPersistence } from './alarmPersistence';
import { AlarmWriter, MAX_JOURNAL_QUEUE } from './AlarmWriter';
import type { JournalEntry } from './types';

const entry = (at: number): JournalEntry => ({
  at, kind: 'system', ruleId: '', ruleName: '', priority: '', connectionId: '', topic: '', value: '', from: '', to: '', action: 'x', trigger: 'system', reason: '', station: '',
});

function setup() {
  const clock = new ManualClock();
  const p = new MemoryAlarmPersistence();
  let wakes = 0;
  const w = new AlarmWriter(clock, p, () => void wakes++);
  return { clock, p, w, wakes: () => wakes };
}

describe('AlarmWriter', () => {
  it('writes states, services and journal in one batch on the next task, then bumps the journal version', async () => {
    const { clock, p, w, wakes } = setup();
    expect(w.takeMeta()).toMatchObject({ version: 0 });
    w.persistService('r', 'permit');
    w.journal(entry(1));
    expect(p.journal).toEqual([]);
    clock.advance(0);
    await w.settled();
    expect(p.journal).toHaveLength(1);
    expect(p.services.get('r')).toBe('permit');
    expect(w.takeMeta()).toMatchObject({ version: 1, dropped: 0 });
    expect(w.takeMeta()).toBeUndefined();
    expect(wakes()).toBe(1);
  });

  it('bounds the queue: drops the oldest tenth and counts them', async () => {
    const { w } = setup();
    for (let i = 0; i <= MAX_JOURNAL_QUEUE; i++) w.journal(entry(i));
    expect(w.takeMeta()).toMatchObject({ dropped: MAX_JOURNAL_QUEUE / 10 });
  });

  it('a failing store: the entries are counted as dropped and the error is reported once', async () => {
    const { p, w } = setup();
    p.appendJournal = () => Promise.reject(new Error('quota'));
    w.journal(entry(1));
    await w.settled();
    expect(w.takeMeta()).toMatchObject({ dropped: 1 });
    expect(w.takeError()).toBe('Alarm storage failed (quota).');
    expect(w.takeError()).toBeUndefined();
  });

  it('prunes beyond journalMax and keeps the count', async () => {
    const { p, w } = setup();
    w.journalMax = 2;
    for (let i = 0; i < 5; i++) w.journal(entry(i));
    await w.settled();
    expect(p.journal.map((e) => e.at)).toEqual([3, 4]);
    expect(w.takeMeta()).toMatchObject({ pruned: 3, max: 2 });
  });

  it('queries whatever persistence it uses now (the fallback after a failed load)', async () => {
    const { w } = setup();
    const fallback = new MemoryAlarmPersistence();
    await fallback.appendJournal([entry(7)], 10);
    w.persistence = fallback;
    expect((await w.queryJournal({ from: null, to: null, priority: '', text: '' })).map((e) => e.at)).toEqual([7]);
  });
});
