// Type-only (no runtime code): part of the worker⇄UI contract (src/engine/protocol.ts).
import type { AuthSpec } from '../auth/types';

export type QoS = 0 | 1 | 2;
export type ProtocolVersion = 4 | 5;

export interface Subscription {
  readonly topic: string;
  readonly qos: QoS;
}

/** What the engine needs to open a session. Passwords travel here but are never stored by the engine. */
export interface ConnectionSettings {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly protocolVersion: ProtocolVersion;
  readonly clientId?: string;
  readonly username?: string;
  readonly password?: string;
  readonly keepalive?: number;
  readonly clean?: boolean;
  /**
   * MQTT 5 session expiry interval in seconds (0 = ends with the connection). With `clean: false`
   * and none given, a persistent session keeps for DEFAULT_SESSION_EXPIRY_S.
   */
  readonly sessionExpiry?: number;
  readonly subscriptions: readonly Subscription[];
  /** Credentials computed before each connect (AWS SigV4 URL, Azure SAS token) from `password`. */
  readonly auth?: AuthSpec;
  /** Sparkplug B 3.0 primary host: STATE birth/will on `spBv1.0/STATE/<hostId>`, clean start, session expiry 0. */
  readonly sparkplug?: { readonly hostId?: string };
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'error';

export interface SubscriptionStatus {
  readonly topic: string;
  readonly qos: QoS;
  /** Granted QoS, or undefined until SUBACK. */
  readonly granted?: QoS;
  /** Set when the broker refused this filter, e.g. "Not authorized (0x87)". */
  readonly error?: string;
}

export interface ConnectionStatus {
  readonly id: string;
  readonly state: ConnectionState;
  /** Human text for the current state, e.g. the broker's refusal reason. */
  readonly reason?: string;
  readonly attempt?: number;
  readonly nextRetryAt?: number;
  readonly clientId: string;
  readonly protocolVersion: ProtocolVersion;
  readonly subscriptions: readonly SubscriptionStatus[];
  readonly connectedAt?: number;
  /**
   * Hook for widgets (and anything showing values): values received before this time (engine
   * clock, ms) were not refreshed since the connection was re-established without the broker
   * keeping the session, so they are stale until a new message arrives. Retained values come
   * again after the resubscribe and so are fresh. Undefined while the session was kept.
   */
  readonly staleBefore?: number;
  /** The browser reports no network; retries go on, and one is made at once when it returns. */
  readonly offline?: boolean;
}

/** MQTT 5 publish properties in a structured-clone friendly shape. */
export interface MessageProperties {
  userProperties?: Record<string, string | string[]>;
  contentType?: string;
  payloadFormatIndicator?: boolean;
  messageExpiryInterval?: number;
  responseTopic?: string;
  correlationData?: Uint8Array;
  topicAlias?: number;
  subscriptionIdentifier?: number | number[];
}
