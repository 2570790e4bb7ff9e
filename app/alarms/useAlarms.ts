import { useMemo } from 'react';
import type { AlarmView } from '../../src/alarms';
import { useAlarmStore, type AlarmStoreState } from '../state/alarmStore';
import { PRIORITY_RANK, TABLE_STATES } from './priorityStyle';

/** Read-only views of the alarm store for components. */
export function useAlarms<T>(selector: (s: AlarmStoreState) => T): T {
  return useAlarmStore(selector);
}

export const useAlarmSummary = () => useAlarmStore((s) => s.summary);

/**
 * Sorted by priority (critical first), then newest activation first, then key. Ties are common in
 * a storm (same millisecond), so the key is compared by code unit, not with localeCompare (slow).
 */
function sortAlarms(list: AlarmView[]): AlarmView[] {
  return list.sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || b.since - a.since || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Rows of the "Active alarms" table and the rest (suppressed, out of service), each sorted. */
export function useAlarmLists(): { table: AlarmView[]; other: AlarmView[] } {
  const alarms = useAlarmStore((s) => s.alarms);
  return useMemo(() => {
    const table: AlarmView[] = [];
    const other: AlarmView[] = [];
    for (const a of Object.values(alarms)) (TABLE_STATES.has(a.state) ? table : other).push(a);
    return { table: sortAlarms(table), other: sortAlarms(other) };
  }, [alarms]);
}
