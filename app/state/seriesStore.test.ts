import { describe, expect, it, vi } from 'vitest';
import type { SeriesFrame, SeriesLatest } from '../../src/series';
import { applySeriesDelta, awaitExport, chartFramesDelivered, forgetFrames, subscribeFrames, useSeriesStore } from './seriesStore';

const latest = (key: string, value: number): SeriesLatest => ({ key, value, t: value, at: value }) as SeriesLatest;
const frame = (id: string, from: number): SeriesFrame => ({ id, from, to: from + 10, series: [] });

describe('applySeriesDelta', () => {
  it('merges newest values by key', () => {
    applySeriesDelta({ latest: [latest('a', 1), latest('b', 2)] });
    applySeriesDelta({ latest: [latest('a', 3)] });
    const s = useSeriesStore.getState().latest;
    expect(s.a.value).toBe(3);
    expect(s.b.value).toBe(2);
  });

  it('does not touch the store for a part with only frames', () => {
    const before = useSeriesStore.getState();
    applySeriesDelta({ frames: [frame('nobody', 0)] });
    expect(useSeriesStore.getState()).toBe(before);
  });

  it('hands frames only to their watch, and replays the last one to a new subscriber', () => {
    const chart = vi.fn();
    const stop = subscribeFrames('w1', chart);
    const handed = chartFramesDelivered();
    applySeriesDelta({ frames: [frame('w1', 0), frame('w2', 0)] });
    expect(chart).toHaveBeenCalledTimes(1);
    expect(chartFramesDelivered()).toBe(handed + 1);
    stop();
    const again = vi.fn();
    subscribeFrames('w1', again);
    expect(again).toHaveBeenCalledWith(frame('w1', 0));
    forgetFrames('w1');
    const fresh = vi.fn();
    subscribeFrames('w1', fresh);
    expect(fresh).not.toHaveBeenCalled();
  });

  it('resolves an export waiter by reqId, once', async () => {
    const answer = awaitExport(7);
    applySeriesDelta({ exports: [{ reqId: 8, series: [] }, { reqId: 7, series: [{ key: 'a', t: new Float64Array([1]), v: new Float64Array([2]) }] }] });
    await expect(answer).resolves.toMatchObject({ reqId: 7 });
  });
});
