import type { ConnectionStatus } from './types';
import { formatDuration } from '../format';

/**
 * A connection outage as a record for journals (the alarm journal writes "connection lost" /
 * "connection restored" entries from these). Operator Disconnect is not an outage.
 */
export interface ConnectionEvent {
  readonly kind: 'lost' | 'restored';
  readonly connectionId: string;
  readonly at: number;
  /** Why it was lost (the status text), or how long it was down. */
  readonly reason: string;
  /** For `restored`: how long the connection was down (ms). */
  readonly downMs?: number;
  /** For `lost`: the status's own reason (socket or broker text), when it gave one. */
  readonly cause?: string;
}

/** Turns the stream of connection statuses into outage events: one `lost`, then one `restored`. */
export class OutageTracker {
  private readonly last = new Map<string, ConnectionStatus['state']>();
  private readonly lostAt = new Map<string, number>();

  observe(status: ConnectionStatus, now: number): ConnectionEvent | undefined {
    const before = this.last.get(status.id);
    this.last.set(status.id, status.state);
    const down = this.lostAt.get(status.id);
    if (status.state === 'connected') {
      if (down === undefined) return undefined;
      this.lostAt.delete(status.id);
      const downMs = Math.max(0, now - down);
      return { kind: 'restored', connectionId: status.id, at: now, downMs, reason: `down for ${formatDuration(downMs)}` };
    }
    // The user ended it: whatever was lost is no longer an outage to close.
    if (status.state === 'disconnected') {
      this.lostAt.delete(status.id);
      return undefined;
    }
    if (before === 'connected' && (status.state === 'reconnecting' || status.state === 'error') && down === undefined) {
      this.lostAt.set(status.id, now);
      const cause = status.reason === undefined ? undefined : stripState(status.reason);
      return { kind: 'lost', connectionId: status.id, at: now, reason: cause ?? 'connection lost', ...(cause && { cause }) };
    }
    return undefined;
  }
}

/** "Reconnecting (attempt 1) — Connection to ws://… lost" → "Connection to ws://… lost". */
function stripState(text: string): string {
  const i = text.indexOf(' — ');
  return i >= 0 ? text.slice(i + 3) : text;
}
