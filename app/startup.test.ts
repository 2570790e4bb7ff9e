import { describe, expect, it, vi } from 'vitest';
import type { Delta } from '../src/engine/protocol';
import { useEngineStore } from './state/engineStore';
import { startApp } from './startup';

const bridge = vi.hoisted(() => ({
  deltaListeners: [] as ((d: Delta) => void)[],
  fatal: null as ((m: string) => void) | null,
  started: 0,
  sent: [] as unknown[],
}));
vi.mock('./engine/engineClient', () => ({
  engine: {
    onDelta: (l: (d: Delta) => void) => bridge.deltaListeners.push(l),
    onFatal: (l: (m: string) => void) => (bridge.fatal = l),
    start: () => bridge.started++,
    send: (m: unknown) => bridge.sent.push(m),
    newRequestId: () => 1,
  },
}));
// The browser-only edges: IndexedDB + fetch (boot), window events (network), window.__sightglass (bench).
const boot = vi.hoisted(() => ({ calls: 0 }));
vi.mock('./config/siteActions', () => ({ bootSite: async () => void boot.calls++ }));
vi.mock('./actions/networkActions', () => ({ startNetworkSync: () => undefined }));
vi.mock('./state/benchProbe', () => ({ installBenchProbe: () => undefined }));

describe('startApp', () => {
  it('starts the worker and the boot once, and wires the bridge to the stores', () => {
    startApp();
    startApp();
    expect(bridge.started).toBe(1);
    expect(boot.calls).toBe(1);
    expect(bridge.deltaListeners).toHaveLength(1);
    bridge.deltaListeners[0]({ type: 'delta', seq: 1, at: 5, connections: [{ id: 'a', state: 'connected' } as never] });
    expect(useEngineStore.getState().connections.a.state).toBe('connected');
    bridge.fatal?.('boom');
    expect(useEngineStore.getState().fatal).toBe('boom');
  });
});
