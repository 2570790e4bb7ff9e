import type { SessionListener } from '../mqtt/MqttSession';
import type { ConnectionSettings, ConnectionStatus, MessageProperties, QoS } from '../mqtt';

/** The part of a session the engine uses; MqttSession in the worker, fakes in tests. */
export interface Session {
  readonly status: ConnectionStatus;
  readonly connected: boolean;
  start(): void;
  end(): void;
  publish(topic: string, payload: Uint8Array, opts: { qos: QoS; retain: boolean; properties?: MessageProperties; queueWhileOffline?: boolean }, done: (error?: string, note?: string) => void): void;
  subscribeExtra(filter: string, qos: QoS): void;
  /** The browser's online/offline events (see MqttSession.setNetwork). */
  setNetwork?(online: boolean): void;
}

export type SessionFactory = (settings: ConnectionSettings, listener: SessionListener) => Session;
