import type { ConnectionState } from '../../src/mqtt';

/** How long a connection may stay down (error or disconnected) before the kiosk connects it again. */
export const DOWN_FOR_MS = 60_000;

export interface WatchedConnection {
  readonly id: string;
  readonly autoConnect?: boolean;
}

/**
 * One watchdog tick: which connections to connect again now. `downSince` (id → first tick seen
 * down) is updated in place. Only auto-connect connections the engine has given up on
 * (`error`, `disconnected`) count; `reconnecting` ones are retrying already.
 */
export function connectionsToRetry(
  connections: readonly WatchedConnection[],
  stateOf: (id: string) => ConnectionState | undefined,
  downSince: Map<string, number>,
  now: number,
): string[] {
  const retry: string[] = [];
  for (const id of downSince.keys()) if (!connections.some((c) => c.id === id)) downSince.delete(id);
  for (const c of connections) {
    const state = stateOf(c.id);
    if (!c.autoConnect || (state !== 'error' && state !== 'disconnected')) {
      downSince.delete(c.id);
      continue;
    }
    const since = downSince.get(c.id) ?? now;
    if (now - since >= DOWN_FOR_MS) {
      retry.push(c.id);
      downSince.delete(c.id);
    } else {
      downSince.set(c.id, since);
    }
  }
  return retry;
}
