import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToEngine } from '../../src/engine/protocol';
import { applyAlarmDelta } from '../state/alarmStore';

const sent: ToEngine[] = [];
vi.mock('../engine/engineClient', () => {
  let id = 100;
  return { engine: { send: (m: ToEngine) => sent.push(m), newRequestId: () => ++id } };
});
const { queryJournal } = await import('./alarmActions');

const filter = { from: null, to: 5, priority: '' as const, text: 'pump' };

describe('queryJournal (action)', () => {
  afterEach(() => {
    sent.length = 0;
    vi.useRealTimers();
  });

  it('sends alarms/journalQuery and resolves with the entries of the matching answer', async () => {
    const p = queryJournal(filter);
    expect(sent).toEqual([{ type: 'alarms/journalQuery', reqId: 101, filter }]);
    applyAlarmDelta({ journalResults: [{ reqId: 101, entries: [{ at: 1 } as never] }] });
    await expect(p).resolves.toEqual([{ at: 1 }]);
  });

  it('rejects with the worker’s error', async () => {
    const p = queryJournal(filter);
    const { reqId } = sent[0] as { reqId: number };
    applyAlarmDelta({ journalResults: [{ reqId, entries: [], error: 'disk on fire' }] });
    await expect(p).rejects.toThrow('disk on fire');
  });

  it('rejects when the engine does not answer within 30 s', async () => {
    vi.useFakeTimers();
    const p = queryJournal(filter);
    const check = expect(p).rejects.toThrow('the engine did not answer');
    await vi.advanceTimersByTimeAsync(30_000);
    await check;
  });
});
