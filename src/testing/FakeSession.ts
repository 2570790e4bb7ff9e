import type { Session } from '../engine/Session';
import type { SessionListener } from '../mqtt/MqttSession';
import type { ConnectionSettings, ConnectionStatus, MessageProperties, QoS } from '../mqtt/types';

/** An in-memory session for engine tests: the test drives what the "broker" does. */
export class FakeSession implements Session {
  connected = false;
  /** State shown while not connected (a real session says reconnecting while it retries). */
  offlineState: ConnectionStatus['state'] = 'disconnected';
  published: { topic: string; payload: Uint8Array; qos: QoS; retain: boolean; properties?: MessageProperties; queueWhileOffline?: boolean; done: (e?: string) => void }[] = [];
  extra: string[] = [];
  /** What setNetwork was told (the browser's online/offline events), in order. */
  network: boolean[] = [];

  constructor(readonly settings: ConnectionSettings, readonly listener: SessionListener) {}

  get status(): ConnectionStatus {
    return { id: this.settings.id, state: this.connected ? 'connected' : this.offlineState, clientId: 'fake', protocolVersion: this.settings.protocolVersion, subscriptions: [] };
  }

  start(): void {
    this.connected = true;
    this.listener.onStatus(this.status);
  }

  end(): void {
    this.connected = false;
    this.listener.onStatus(this.status);
  }

  receive(topic: string, payload: string, opts: { qos?: QoS; retain?: boolean; properties?: MessageProperties } = {}): void {
    this.listener.onMessage(topic, new TextEncoder().encode(payload), opts.qos ?? 0, opts.retain ?? false, opts.properties);
  }

  publish(topic: string, payload: Uint8Array, opts: { qos: QoS; retain: boolean; properties?: MessageProperties; queueWhileOffline?: boolean }, done: (error?: string) => void): void {
    this.published.push({ topic, payload, ...opts, done });
  }

  setNetwork(online: boolean): void {
    this.network.push(online);
  }

  subscribeExtra(filter: string): void {
    this.extra.push(filter);
  }
}
