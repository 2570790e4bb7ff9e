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
// The boot is held until a test releases it, like a slow config.json.
const boot = vi.hoisted(() => ({ calls: 0, release: () => {} }));
vi.mock('./config/siteActions', () => ({
  bootSite: () => {
    boot.calls++;
    return new Promise<void>((resolve) => (boot.release = resolve));
  },
}));
vi.mock('./actions/networkActions', () => ({ startNetworkSync: () => undefined }));
vi.mock('./state/benchProbe', () => ({ installBenchProbe: () => undefined }));

describe('startApp', () => {
  it('starts the worker and the boot once, and wires the bridge to the stores', () => {
    void startApp();
    void startApp();
    expect(bridge.started).toBe(1);
    expect(boot.calls).toBe(1);
    expect(bridge.deltaListeners).toHaveLength(1);
    bridge.deltaListeners[0]({ type: 'delta', seq: 1, at: 5, connections: [{ id: 'a', state: 'connected' } as never] });
    expect(useEngineStore.getState().connections.a.state).toBe('connected');
    bridge.fatal?.('boom');
    expect(useEngineStore.getState().fatal).toBe('boom');
  });

  it('lets the first render wait for the boot, but not for ever', async () => {
    vi.resetModules();
    boot.calls = 0;
    const fresh = await import('./startup');
    let ready = false;
    const held = fresh.startApp(60_000).then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    boot.release();
    await held;
    expect(ready).toBe(true);

    vi.resetModules();
    vi.useFakeTimers();
    try {
      const hung = (await import('./startup')).startApp(1500);
      let rendered = false;
      void hung.then(() => (rendered = true));
      await vi.advanceTimersByTimeAsync(1499);
      expect(rendered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(rendered).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
