import { useEffect, useMemo } from 'react';
import type { DashboardConfig } from '../../src/config';
import { resolveConnection, seriesKey } from '../../src/series';
import { useSite } from '../hooks/useSite';
import { seedLatest, type SeedSeries } from './seedActions';
import { useVariableValues } from './useVariables';
import { hasVariables, resolveDashboard, type VariableValues } from './variables';

/**
 * The dashboard with `${name}` topics resolved to the picked values, and the newest value of each
 * templated series shown at once after a pick (seeded from the topic tree's last message).
 */
export function useResolvedDashboard(dashboard: DashboardConfig): { resolved: DashboardConfig; values: VariableValues } {
  const values = useVariableValues();
  const connections = useSite((s) => s.config.connections);
  const resolved = useMemo(() => resolveDashboard(dashboard, values), [dashboard, values]);
  const seeds = useMemo(() => {
    const out: SeedSeries[] = [];
    dashboard.widgets.forEach((w, i) => {
      w.series.forEach((ref, j) => {
        const topic = resolved.widgets[i].series[j]?.topic ?? ref.topic;
        // Only templated, plain series: a rate or an aggregate is not a payload's value.
        const raw = ref as typeof ref & { transform?: string; aggregate?: string };
        if (!hasVariables(ref.topic) || hasVariables(topic) || raw.transform || raw.aggregate) return;
        const connection = resolveConnection({ connections }, ref.connection);
        const path = ref.path ?? '';
        out.push({ key: seriesKey(connection, topic, path), connection, topic, path });
      });
    });
    return out;
  }, [dashboard, resolved, connections]);
  useEffect(() => {
    if (seeds.length) seedLatest(seeds);
  }, [seeds]);
  return { resolved, values };
}
