import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../engine/engineClient';
import { installBenchProbe, type BenchProbe } from './benchProbe';
import { useEngineStore } from './engineStore';

afterEach(() => vi.unstubAllGlobals());

describe('installBenchProbe', () => {
  it('installs a frozen, read-only window.__sightglass once, counting deltas and the stats time', () => {
    const page = {} as { __sightglass?: BenchProbe };
    vi.stubGlobal('window', page);
    const listeners: (() => void)[] = [];
    const engine = { onDelta: (l: () => void) => void listeners.push(l) } as unknown as EngineClient;
    installBenchProbe(engine);
    installBenchProbe(engine);
    expect(listeners).toHaveLength(1);

    const probe = page.__sightglass!;
    expect(Object.keys(page)).toEqual([]);
    expect(Object.isFrozen(probe)).toBe(true);
    expect(Object.keys(probe).sort()).toEqual(['alarms', 'chartFrames', 'connections', 'deltas', 'health', 'seriesStats', 'stats', 'statsAt', 'tree']);

    listeners[0]();
    listeners[0]();
    expect(probe.deltas()).toBe(2);
    useEngineStore.setState({ lastDeltaAt: 42, stats: { a: { totalIn: 1 } as never } });
    expect(probe.statsAt()).toBe(42);
    expect(probe.stats()).toEqual({ a: { totalIn: 1 } });
    expect(probe.stats()).not.toBe(useEngineStore.getState().stats);
    expect(probe.tree()).toEqual({ total: 0, version: 0, rows: 0 });
    expect(probe.alarms()).toEqual({ rows: 0, unacknowledged: 0, active: 0, journal: null });
  });
});
