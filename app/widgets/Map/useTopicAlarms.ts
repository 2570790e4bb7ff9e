import { useMemo } from 'react';
import { useAlarms } from '../../alarms/useAlarms';
import { worst } from './markers';
import type { Priority } from './types';

/**
 * `(connection, topic) → worst active alarm priority` (undefined when none): the map colours a
 * marker whose topic is in alarm. Changes only when the alarm list does.
 */
export function useTopicAlarms(): (connectionId: string, topic: string) => Priority | undefined {
  const alarms = useAlarms((s) => s.alarms);
  return useMemo(() => {
    const byTopic = new Map<string, Priority>();
    for (const a of alarms.values()) {
      if (!a.active) continue;
      const key = `${a.connectionId}\u0000${a.topic}`;
      byTopic.set(key, worst(byTopic.get(key), a.priority) ?? a.priority);
    }
    return (connectionId, topic) => (byTopic.size ? byTopic.get(`${connectionId}\u0000${topic}`) : undefined);
  }, [alarms]);
}
