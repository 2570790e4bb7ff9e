import { create } from 'zustand';
import type { ConnectionStats, Delta, EngineHealth, TopicDetail, TreeSnapshot } from '../../src/engine/protocol';
import type { ConnectionStatus } from '../../src/mqtt';
import { applyFeatureDeltas } from './featureDeltas';

/** What the engine last told the UI. Written only by applyDelta; read through app/hooks. */
export interface EngineState {
  connections: Record<string, ConnectionStatus>;
  stats: Record<string, ConnectionStats>;
  health: EngineHealth | null;
  tree: TreeSnapshot;
  detail: TopicDetail | null;
  lastDeltaAt: number;
  /** The worker failed or reported a fatal error; shown above every view. */
  fatal: string | null;
}

export const useEngineStore = create<EngineState>(() => ({
  connections: {},
  stats: {},
  health: null,
  tree: { total: 0, start: 0, rows: [], version: 0 },
  detail: null,
  lastDeltaAt: 0,
  fatal: null,
}));

export function applyDelta(delta: Delta): void {
  const patch: Partial<EngineState> = { lastDeltaAt: delta.at };
  if (delta.connections) patch.connections = Object.fromEntries(delta.connections.map((c) => [c.id, c]));
  if (delta.stats) patch.stats = Object.fromEntries(delta.stats.map((s) => [s.connectionId, s]));
  if (delta.health) patch.health = delta.health;
  if (delta.tree) patch.tree = delta.tree;
  if (delta.detail !== undefined) patch.detail = delta.detail;
  useEngineStore.setState(patch);
  if (delta.features) applyFeatureDeltas(delta.features);
}

export function reportFatal(message: string): void {
  useEngineStore.setState({ fatal: message });
}
