import type { AlarmView } from '../../src/alarms';
import { useAlarmStore, type AlarmStoreState } from '../state/alarmStore';

/** Read-only views of the alarm store for components. */
export function useAlarms<T>(selector: (s: AlarmStoreState) => T): T {
  return useAlarmStore(selector);
}

export const useAlarmSummary = () => useAlarmStore((s) => s.summary);

/**
 * Rows of the "Active alarms" table and the rest (suppressed, out of service), each sorted by
 * priority, then newest activation, then key. The store keeps them sorted per delta
 * (state/alarmLists.ts), so reading them costs nothing here.
 */
export function useAlarmLists(): { table: readonly AlarmView[]; other: readonly AlarmView[] } {
  const table = useAlarmStore((s) => s.table);
  const other = useAlarmStore((s) => s.other);
  return { table, other };
}
