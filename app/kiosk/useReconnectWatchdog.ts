import { useEffect, useRef } from 'react';
import { connect } from '../config/siteActions';
import { useAllConnectionStatuses } from '../hooks/useEngine';
import { useSite } from '../hooks/useSite';
import { connectionsToRetry } from './reconnectPolicy';

const CHECK_MS = 30_000;

/**
 * Kiosk: reconnect forever. Network failures already retry with backoff in the engine; this covers
 * the states it deliberately leaves alone (a refused login, a closed session), because on an
 * unattended screen nobody is there to press Connect. Once a minute at most, so a broker that
 * refuses us sees one attempt per minute, not a storm.
 */
export function useReconnectWatchdog(active: boolean): void {
  const statuses = useAllConnectionStatuses();
  const connections = useSite((s) => s.config.connections);
  const latest = useRef({ statuses, connections });
  latest.current = { statuses, connections };

  useEffect(() => {
    if (!active) return;
    const downSince = new Map<string, number>();
    const timer = window.setInterval(() => {
      const { statuses: now, connections: list } = latest.current;
      for (const id of connectionsToRetry(list, (cid) => now[cid]?.state, downSince, performance.now())) connect(id);
    }, CHECK_MS);
    return () => window.clearInterval(timer);
  }, [active]);
}
