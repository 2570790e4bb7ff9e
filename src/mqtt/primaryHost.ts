import type { IClientOptions } from 'mqtt';

/**
 * Sparkplug 3.0 primary host application STATE (spec ch. 5 "Host Application"): a connection
 * with `sparkplug.hostId` registers the Will `{"online":false,"timestamp":T}` on
 * `spBv1.0/STATE/<hostId>` (QoS 1, retained), and after each CONNACK (and its subscriptions)
 * publishes the birth `{"online":true,"timestamp":T}` with the same T. Edge nodes gate their
 * births on it; the broker publishes the Will when the connection drops (including our own
 * forced close: mqtt.js `end(true)` sends no DISCONNECT).
 */
export function stateTopic(hostId: string): string {
  return `spBv1.0/STATE/${hostId}`;
}

export function statePayload(online: boolean, timestamp: number): string {
  return JSON.stringify({ online, timestamp });
}

/** The Will for a new connection attempt at `now`. */
export function primaryHostWill(hostId: string, now: number): NonNullable<IClientOptions['will']> {
  return { topic: stateTopic(hostId), payload: statePayload(false, now), qos: 1, retain: true };
}

/** The birth matching the Will in `options` (same topic and timestamp), or undefined when not a primary host. */
export function primaryHostBirth(options: IClientOptions, hostId: string | undefined): { topic: string; payload: string } | undefined {
  const will = options.will;
  if (!hostId || !will || will.topic !== stateTopic(hostId)) return undefined;
  const { timestamp } = JSON.parse(String(will.payload)) as { timestamp: number };
  return { topic: will.topic, payload: statePayload(true, timestamp) };
}

/** Before a reconnect: a new session gets a new timestamp (births and wills of one session match). */
export function renewPrimaryHostWill(options: IClientOptions, hostId: string | undefined, now: number): void {
  if (hostId && options.will?.topic === stateTopic(hostId)) options.will = primaryHostWill(hostId, now);
}

/** Our own STATE said offline (a stale Will, another client): Sparkplug says republish the birth at once. */
export function isOwnOfflineState(topic: string, payload: Uint8Array, hostId: string | undefined): boolean {
  if (!hostId || topic !== stateTopic(hostId)) return false;
  try {
    return (JSON.parse(new TextDecoder().decode(payload)) as { online?: unknown }).online === false;
  } catch {
    return false;
  }
}
