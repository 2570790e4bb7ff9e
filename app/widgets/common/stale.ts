import type { SeriesLatest } from '../../../src/series';

/** Default age after which a value looks stale (ISA-101: bad/old data must look different). */
export const DEFAULT_STALE_AFTER_MS = 30_000;

/**
 * A value is stale when there is none yet, when it only comes from history restored after a
 * reload, when it is older than `staleAfterMs` (0 = never by age), when its connection is down,
 * or when it was received before `staleBefore` (ConnectionStatus.staleBefore: the connection was
 * re-established without the broker keeping the session, and no new message came since).
 */
export function isStale(latest: SeriesLatest | undefined, connected: boolean, now: number, staleAfterMs = DEFAULT_STALE_AFTER_MS, staleBefore?: number): boolean {
  if (!latest || latest.restored || !connected) return true;
  if (staleBefore !== undefined && latest.at < staleBefore) return true;
  return staleAfterMs > 0 && now - latest.at > staleAfterMs;
}

/**
 * No value has come yet, but the connection came up (`connectedAt`, engine clock) less than
 * `staleAfterMs` ago (or age checks are off): the widget says "Waiting for data", not "Stale",
 * so a topic without a retained message does not look like a fault right after load.
 */
export function isWaiting(latest: SeriesLatest | undefined, connectedAt: number | undefined, now: number, staleAfterMs = DEFAULT_STALE_AFTER_MS): boolean {
  if (latest || connectedAt === undefined) return false;
  return staleAfterMs <= 0 || now - connectedAt < staleAfterMs;
}
