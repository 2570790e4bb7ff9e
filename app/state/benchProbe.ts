import type { JournalMeta } from '../../src/alarms';
import type { ConnectionStats, EngineHealth } from '../../src/engine/protocol';
import type { ConnectionStatus } from '../../src/mqtt';
import type { SeriesStats } from '../../src/series';
import { useAlarmStore } from './alarmStore';
import { useEngineStore } from './engineStore';
import { chartFramesDelivered, useSeriesStore } from './seriesStore';
import type { EngineClient } from '../engine/engineClient';

/**
 * Read-only numbers for `npm run bench` (bench/README.md), which reads them over the DevTools
 * protocol with `Runtime.evaluate`. Only copies of figures the UI already shows; nothing here can
 * change the app, so it is harmless in production. It lives with the stores because it reads them
 * (the bridge imports no store); app/startup.ts installs it.
 */
export interface BenchProbe {
  /** Connection states and subscriptions (granted QoS once the SUBACK came). */
  connections(): Record<string, ConnectionStatus>;
  /** Per-connection stats as last sent by the engine (once a second). */
  stats(): Record<string, ConnectionStats>;
  /** Engine clock time (`Delta.at`) of the delta that carried the current stats. */
  statsAt(): number;
  health(): EngineHealth | null;
  /** The tree's row count and structure version (changes when the row list changes). */
  tree(): { total: number; version: number; rows: number };
  /** How many deltas the UI has applied so far. */
  deltas(): number;
  /** Series recording figures (points held, dropped), as the series feature last sent them. */
  seriesStats(): SeriesStats | null;
  /** Chart frames (new points for one chart) handed to widgets so far. */
  chartFrames(): number;
  /** Alarms as the UI last received them: table rows, unacknowledged and active counts, journal bookkeeping. */
  alarms(): { rows: number; unacknowledged: number; active: number; journal: JournalMeta | null };
}

const sum = (counts: Readonly<Record<string, number>> | undefined) => Object.values(counts ?? {}).reduce((n, c) => n + c, 0);

/** Installs `window.__sightglass` (once); counts the deltas `engine` hands to the stores. */
export function installBenchProbe(engine: EngineClient): void {
  if ('__sightglass' in window) return;
  let statsAt = 0;
  let deltas = 0;
  engine.onDelta(() => deltas++);
  useEngineStore.subscribe((state, prev) => {
    if (state.stats !== prev.stats) statsAt = state.lastDeltaAt;
  });

  const probe: BenchProbe = Object.freeze({
    connections: () => structuredClone(useEngineStore.getState().connections),
    stats: () => structuredClone(useEngineStore.getState().stats),
    statsAt: () => statsAt,
    health: () => structuredClone(useEngineStore.getState().health),
    tree: () => {
      const { total, version, rows } = useEngineStore.getState().tree;
      return { total, version, rows: rows.length };
    },
    deltas: () => deltas,
    seriesStats: () => structuredClone(useSeriesStore.getState().stats),
    chartFrames: chartFramesDelivered,
    alarms: () => {
      const { alarms, summary, journal } = useAlarmStore.getState();
      return { rows: alarms.size, unacknowledged: sum(summary?.unacknowledged), active: sum(summary?.active), journal: structuredClone(journal) };
    },
  });

  Object.defineProperty(window, '__sightglass', { value: probe, enumerable: false, configurable: false, writable: false });
}
