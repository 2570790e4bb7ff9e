import { beforeEach, describe, expect, it } from 'vitest';
import type { Delta } from '../../src/engine/protocol';
import type { ConnectionStatus } from '../../src/mqtt';
import { useAlarmStore } from './alarmStore';
import { applyDelta, reportFatal, useEngineStore } from './engineStore';
import { useSeriesStore } from './seriesStore';

const status = (id: string, state: ConnectionStatus['state']): ConnectionStatus =>
  ({ id, state, clientId: `c-${id}`, protocolVersion: 5, subscriptions: [] }) as ConnectionStatus;
const delta = (extra: Partial<Delta>): Delta => ({ type: 'delta', seq: 1, at: 1000, ...extra });

const initial = useEngineStore.getState();
beforeEach(() => useEngineStore.setState(initial, true));

describe('applyDelta', () => {
  it('replaces connections and stats by id, and keeps what the delta does not carry', () => {
    applyDelta(delta({ connections: [status('a', 'connected'), status('b', 'connecting')], health: { loopLagMs: 3 } as never }));
    applyDelta(delta({ at: 2000, stats: [{ connectionId: 'a', msgsInPerSec: 5 } as never] }));
    const s = useEngineStore.getState();
    expect(Object.keys(s.connections)).toEqual(['a', 'b']);
    expect(s.connections.b.state).toBe('connecting');
    expect(s.stats.a.msgsInPerSec).toBe(5);
    expect(s.health).toEqual({ loopLagMs: 3 });
    expect(s.lastDeltaAt).toBe(2000);
  });

  it('clears the detail only when the delta says null, not when it leaves it out', () => {
    applyDelta(delta({ detail: { id: 1 } as never }));
    applyDelta(delta({}));
    expect(useEngineStore.getState().detail).toEqual({ id: 1 });
    applyDelta(delta({ detail: null }));
    expect(useEngineStore.getState().detail).toBeNull();
  });

  it('routes each feature part to its store', () => {
    applyDelta(delta({ features: { series: { stats: { series: 2 } as never }, alarms: { ready: true } } }));
    expect(useSeriesStore.getState().stats).toEqual({ series: 2 });
    expect(useAlarmStore.getState().ready).toBe(true);
  });

  it('keeps a fatal error for the banner', () => {
    reportFatal('worker crashed');
    expect(useEngineStore.getState().fatal).toBe('worker crashed');
  });
});
