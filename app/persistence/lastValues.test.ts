import { describe, expect, it, vi } from 'vitest';
import { boundLastValues, createLastValues, LAST_VALUES_KV_KEY, parseLastValues, type StoredValue } from './lastValues';

const v = (at: number, value: number | null = 1, text?: string): StoredValue => ({ value, ...(text ? { text } : {}), t: at, at });

function memoryKv(initial?: unknown) {
  const docs = new Map<string, unknown>(initial === undefined ? [] : [[LAST_VALUES_KV_KEY, initial]]);
  return { docs, read: async (k: string) => docs.get(k), write: vi.fn(async (k: string, value: unknown) => void docs.set(k, value)) };
}

describe('parseLastValues', () => {
  it('keeps well-formed values and drops what is not one (storage is untrusted)', () => {
    const parsed = parseLastValues({
      a: { value: 1.5, t: 1, at: 2 },
      b: { value: null, text: 'RUNNING', t: 1, at: 2 },
      c: { value: '1', t: 1, at: 2 },
      d: { value: 1, t: 'x', at: 2 },
      e: null,
      f: { value: Infinity, t: 1, at: 2 },
    });
    expect([...parsed.keys()]).toEqual(['a', 'b']);
    expect(parsed.get('b')).toEqual({ value: null, text: 'RUNNING', t: 1, at: 2 });
    expect(parseLastValues('nonsense').size).toBe(0);
    expect(parseLastValues([1, 2]).size).toBe(0);
  });
});

describe('boundLastValues', () => {
  it('keeps the newest received values', () => {
    const values = new Map([['old', v(1)], ['new', v(3)], ['mid', v(2)]]);
    expect(Object.keys(boundLastValues(values, 2)).sort()).toEqual(['mid', 'new']);
  });
});

describe('createLastValues', () => {
  it('writes remembered values once, coalesced, and reads them back on the next page', async () => {
    vi.useFakeTimers();
    const kv = memoryKv({ kept: v(5) });
    const page1 = createLastValues(kv, 1000);
    page1.remember('lamp', v(10, null, 'FAULT'));
    page1.remember('stat', v(11, 118));
    page1.remember('stat', v(12, 119));
    expect(kv.write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(kv.write).toHaveBeenCalledTimes(1);
    vi.useRealTimers();

    const page2 = createLastValues(kv);
    const loaded = await page2.load();
    expect(loaded.get('lamp')).toEqual(v(10, null, 'FAULT'));
    expect(loaded.get('stat')).toEqual(v(12, 119));
    expect(loaded.get('kept')).toEqual(v(5));
  });

  it('flushes at once when asked (leaving the page), and survives a failing store', async () => {
    const kv = memoryKv();
    kv.write.mockRejectedValueOnce(new Error('QuotaExceeded'));
    const lv = createLastValues(kv, 60_000);
    lv.remember('a', v(1));
    await lv.flush();
    lv.remember('a', v(2));
    await lv.flush();
    expect(parseLastValues(kv.docs.get(LAST_VALUES_KV_KEY)).get('a')).toEqual(v(2));
  });
});
