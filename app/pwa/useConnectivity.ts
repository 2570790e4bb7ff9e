import { useAllConnectionStatuses } from '../hooks/useEngine';
import { useSite } from '../hooks/useSite';
import { useOnline } from './useOnline';

export interface Connectivity {
  /** False when the browser reports no network. */
  readonly online: boolean;
  /** Names of the connections that cannot reach their broker (the engine keeps retrying). */
  readonly unreachable: readonly string[];
}

/**
 * Whether live data is live: one answer for the banner (ConnectivityBanner) and the header's
 * "Data age" (LiveIndicator), so they never disagree.
 */
export function useConnectivity(): Connectivity {
  const online = useOnline();
  const statuses = useAllConnectionStatuses();
  const connections = useSite((s) => s.config.connections);
  const unreachable = connections.filter((c) => statuses[c.id]?.state === 'reconnecting').map((c) => c.name || c.id);
  return { online, unreachable };
}
