import { beforeEach, describe, expect, it } from 'vitest';
import { applySparkplugDelta, MAX_WRITES, recordSparkplugWrite, resetSparkplugStore, setSparkplugSelection, useSparkplugStore } from './sparkplugStore';
import type { SparkplugEntity, SparkplugMetricView, SparkplugTarget } from './types';

const node: SparkplugTarget = { connectionId: 'plant', group: 'G', node: 'Edge1' };
const device: SparkplugTarget = { ...node, device: 'Pump1' };
const metric = (name: string, value = '1'): SparkplugMetricView => ({ name, datatype: 'Double', value, isNull: false, timestamp: 1, stale: false });
const entity = (t: SparkplugTarget, state: SparkplugEntity['state'] = 'online'): SparkplugEntity => ({ ...t, state, birthAt: 1, deathAt: null, metricCount: 1 });

describe('sparkplug store', () => {
  beforeEach(resetSparkplugStore);

  it('replaces the entity list whenever the worker sends one, and keeps it otherwise', () => {
    applySparkplugDelta({ entities: [entity(node), entity(device)] });
    applySparkplugDelta({ writes: [] });
    expect(useSparkplugStore.getState().entities.map((e) => e.device ?? e.node)).toEqual(['Edge1', 'Pump1']);
    applySparkplugDelta({ entities: [entity(node, 'offline')] });
    expect(useSparkplugStore.getState().entities).toEqual([entity(node, 'offline')]);
  });

  it('shows metrics only for the current selection; a late answer for the previous one is ignored', () => {
    setSparkplugSelection(device);
    applySparkplugDelta({ metrics: { target: node, metrics: [metric('Node Control/Rebirth')] } });
    expect(useSparkplugStore.getState().metrics).toBeNull();
    applySparkplugDelta({ metrics: { target: { ...device }, metrics: [metric('Speed')] } });
    expect(useSparkplugStore.getState().metrics?.metrics.map((m) => m.name)).toEqual(['Speed']);
    applySparkplugDelta({ metrics: null });
    expect(useSparkplugStore.getState().metrics).toBeNull();
  });

  it('a new selection drops the previous metrics at once; selecting the same one again keeps them', () => {
    setSparkplugSelection(device);
    applySparkplugDelta({ metrics: { target: device, metrics: [metric('Speed')] } });
    setSparkplugSelection({ ...device });
    expect(useSparkplugStore.getState().metrics?.metrics).toHaveLength(1);
    setSparkplugSelection(node);
    expect(useSparkplugStore.getState().metrics).toBeNull();
  });

  it('a write is pending until the worker reports its outcome; results for unknown writes are dropped', () => {
    recordSparkplugWrite({ reqId: 7, target: device, metric: 'Speed', value: '12' });
    expect(useSparkplugStore.getState().writes[7].state).toBe('pending');
    applySparkplugDelta({ writes: [{ reqId: 7, state: 'timed-out', reason: 'no DDATA within 5 s' }, { reqId: 99, state: 'confirmed' }] });
    expect(useSparkplugStore.getState().writes[7]).toMatchObject({ state: 'timed-out', reason: 'no DDATA within 5 s', metric: 'Speed' });
    expect(useSparkplugStore.getState().writes[99]).toBeUndefined();
  });

  it(`keeps the newest ${MAX_WRITES} writes`, () => {
    for (let i = 1; i <= MAX_WRITES + 5; i++) recordSparkplugWrite({ reqId: i, target: node, metric: 'm', value: String(i) });
    const ids = Object.keys(useSparkplugStore.getState().writes).map(Number);
    expect(ids).toHaveLength(MAX_WRITES);
    expect(Math.min(...ids)).toBe(6);
  });
});
