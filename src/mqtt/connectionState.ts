import type { ConnectionState } from './types';
import { describeConnack, isAuthRefusal } from './reasonCodes';

/** The connection state machine, pure: the session feeds it events and shows its output. */
export interface SessionState {
  readonly state: ConnectionState;
  readonly reason?: string;
  readonly attempt: number;
  readonly nextRetryAt?: number;
  /** Whether this session was ever connected (decides the wording of failures). */
  readonly everConnected: boolean;
  /** Set when retrying cannot help (bad credentials, not authorized, bad URL). */
  readonly retryBlocked: boolean;
  /** The browser reports no network (its `offline` event); cleared by `online`. */
  readonly offline?: boolean;
}

export type SessionEvent =
  | { type: 'connect' }
  | { type: 'connack'; code: number; protocolVersion: 4 | 5 }
  | { type: 'closed'; reason?: string; url: string }
  | { type: 'retryScheduled'; at: number }
  | { type: 'serverDisconnect'; code: number }
  | { type: 'invalid'; reason: string }
  | { type: 'network'; online: boolean }
  | { type: 'end' };

export const initialSessionState: SessionState = { state: 'disconnected', attempt: 0, everConnected: false, retryBlocked: false };

export function nextSessionState(s: SessionState, e: SessionEvent): SessionState {
  switch (e.type) {
    case 'connect':
      return { ...s, state: s.attempt > 0 ? 'reconnecting' : 'connecting', retryBlocked: false, nextRetryAt: undefined };
    case 'connack':
      if (e.code === 0) return { state: 'connected', attempt: 0, everConnected: true, retryBlocked: false, offline: s.offline };
      return {
        ...s,
        state: 'error',
        reason: `Broker refused the connection: ${describeConnack(e.code, e.protocolVersion)}`,
        retryBlocked: isAuthRefusal(e.code, e.protocolVersion),
        nextRetryAt: undefined,
      };
    case 'serverDisconnect':
      return { ...s, reason: `Broker closed the connection: ${describeConnack(e.code, 5)}` };
    case 'closed': {
      if (s.state === 'disconnected' || s.retryBlocked) return s;
      const reason = s.everConnected
        ? s.reason ?? `Connection to ${e.url} lost${e.reason ? ` (${e.reason})` : ''}`
        : `Cannot reach ${e.url}${e.reason ? ` (${e.reason})` : ''}`;
      return { ...s, state: 'reconnecting', attempt: s.attempt + 1, reason };
    }
    case 'retryScheduled':
      return s.state === 'reconnecting' ? { ...s, nextRetryAt: e.at } : s;
    case 'invalid':
      return { ...s, state: 'error', reason: e.reason, retryBlocked: true };
    case 'network':
      return { ...s, offline: !e.online };
    case 'end':
      return { ...initialSessionState, everConnected: s.everConnected, offline: s.offline };
  }
}

/** Capped exponential backoff with jitter: 1 s, 2 s, 4 s … up to 30 s, each × 0.5–1. */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 1000, capMs = 30_000): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + random() * 0.5));
}

/** The status line text: "Connected", "Reconnecting …", "Error: …". */
export function describeSessionState(s: SessionState, now: number): string {
  switch (s.state) {
    case 'connected':
      return 'Connected';
    case 'connecting':
      return 'Connecting';
    case 'disconnected':
      return 'Disconnected';
    case 'error':
      return `Error: ${s.reason ?? 'connection failed'}`;
    case 'reconnecting': {
      const wait = s.nextRetryAt ? Math.max(0, Math.ceil((s.nextRetryAt - now) / 1000)) : 0;
      const when = s.nextRetryAt && wait > 0 ? `, next try in ${wait} s` : '';
      // No network says more than "cannot reach": it is not the broker's fault.
      if (s.offline) return `Reconnecting (attempt ${s.attempt}${when}) — No network: the browser is offline`;
      // A session that never connected has failed: say "Error:" as well, so the cause is plain.
      const prefix = s.everConnected ? '' : 'Error: ';
      return `Reconnecting (attempt ${s.attempt}${when}) — ${prefix}${s.reason ?? 'connection lost'}`;
    }
  }
}
