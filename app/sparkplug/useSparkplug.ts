import { sameTarget, useSparkplugStore, type SparkplugWriteRecord } from './sparkplugStore';
import type { SparkplugEntity, SparkplugMetricView, SparkplugTarget } from './types';

// Read-only views of the Sparkplug store for components.

export const useSparkplugEntities = (): readonly SparkplugEntity[] => useSparkplugStore((s) => s.entities);

export const useSparkplugSelection = (): SparkplugTarget | null => useSparkplugStore((s) => s.selected);

const NO_METRICS: readonly SparkplugMetricView[] = [];

/** The selected entity's metrics; empty until the worker answers the selection. */
export function useSparkplugMetrics(): readonly SparkplugMetricView[] {
  return useSparkplugStore((s) => (s.metrics && sameTarget(s.metrics.target, s.selected) ? s.metrics.metrics : NO_METRICS));
}

/** The selected entity as the worker last described it (state, birth/death times). */
export function useSelectedEntity(): SparkplugEntity | undefined {
  return useSparkplugStore((s) => s.entities.find((e) => sameTarget(e, s.selected)));
}

export const useSparkplugWrite = (reqId: number | null): SparkplugWriteRecord | undefined =>
  useSparkplugStore((s) => (reqId === null ? undefined : s.writes[reqId]));
