import { useMemo } from 'react';
import type { Priority } from '../../../src/alarms';
import { useAlarms } from '../../alarms/useAlarms';
import { useSite } from '../../hooks/useSite';
import type { TableColumn } from './types';

/** Active alarms of one row's topic: the priority per alarmed payload path. */
export interface RowAlarms {
  readonly byPath: ReadonlyMap<string, Priority>;
}

const RANK: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Active alarms by topic, for a table's abnormal cells: an alarm whose rule watches a column's
 * path marks that cell (the most urgent priority wins).
 */
export function useRowAlarms(columns: readonly TableColumn[]): ReadonlyMap<string, RowAlarms> {
  const alarms = useAlarms((s) => s.alarms);
  const rules = useSite((s) => s.config.alarms);
  return useMemo(() => {
    const paths = new Set(columns.map((c) => c.path ?? ''));
    const pathOf = new Map(rules.map((r) => [r.id, r.path ?? '']));
    const out = new Map<string, { byPath: Map<string, Priority> }>();
    for (const a of alarms.values()) {
      if (!a.active) continue;
      const path = pathOf.get(a.ruleId);
      if (path === undefined || !paths.has(path)) continue;
      let entry = out.get(a.topic);
      if (!entry) out.set(a.topic, (entry = { byPath: new Map() }));
      const had = entry.byPath.get(path);
      if (!had || RANK[a.priority] < RANK[had]) entry.byPath.set(path, a.priority);
    }
    return out;
  }, [alarms, rules, columns]);
}
