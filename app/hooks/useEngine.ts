import { useEngineStore } from '../state/engineStore';

/** Read-only views of engine state for components (they never touch the store directly). */
export const useConnectionStatus = (id: string | null) => useEngineStore((s) => (id ? s.connections[id] : undefined));
export const useAllConnectionStatuses = () => useEngineStore((s) => s.connections);
export const useStats = (id: string | null) => useEngineStore((s) => (id ? s.stats[id] : undefined));
export const useHealth = () => useEngineStore((s) => s.health);
export const useTreeSnapshot = () => useEngineStore((s) => s.tree);
export const useTopicDetail = () => useEngineStore((s) => s.detail);
/** The tree node whose detail the Message region shows (null when none). */
export const useSelectedTopicId = () => useEngineStore((s) => s.detail?.id ?? null);
export const useFatalError = () => useEngineStore((s) => s.fatal);
