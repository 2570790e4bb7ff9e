import { beforeEach, describe, expect, it } from 'vitest';
import type { AlarmView } from '../../src/alarms';
import { applyAlarmDelta, awaitJournalResult, useAlarmStore } from './alarmStore';

const view = (key: string): AlarmView => ({ key, state: 'unacknowledged' }) as AlarmView;
const entry = { at: 1, action: 'activate' } as never;

describe('applyAlarmDelta', () => {
  beforeEach(() => applyAlarmDelta({ reset: true }));

  it('upserts and removes by key; reset starts over', () => {
    applyAlarmDelta({ upsert: [view('a'), view('b')] });
    applyAlarmDelta({ remove: ['a'] });
    expect([...useAlarmStore.getState().alarms.keys()]).toEqual(['b']);
    applyAlarmDelta({ reset: true, upsert: [view('c')] });
    expect([...useAlarmStore.getState().alarms.keys()]).toEqual(['c']);
  });

  it('routes a journal answer to the caller waiting for its reqId, and only once', async () => {
    const one = awaitJournalResult(1);
    const two = awaitJournalResult(2);
    let twoDone = false;
    void two.result.then(() => (twoDone = true));
    applyAlarmDelta({ journalResults: [{ reqId: 1, entries: [entry] }] });
    await expect(one.result).resolves.toEqual({ reqId: 1, entries: [entry] });
    await Promise.resolve();
    expect(twoDone).toBe(false);
    applyAlarmDelta({ journalResults: [{ reqId: 2, entries: [], error: 'x' }] });
    await expect(two.result).resolves.toMatchObject({ error: 'x' });
  });

  it('an answer nobody waits for (cancelled, or for another window) changes nothing', () => {
    const before = useAlarmStore.getState();
    const w = awaitJournalResult(3);
    w.cancel();
    applyAlarmDelta({ journalResults: [{ reqId: 3, entries: [entry] }] });
    expect(useAlarmStore.getState().alarms).toBe(before.alarms);
  });
});
