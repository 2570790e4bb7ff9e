import mqtt, { type IClientOptions, type IClientPublishOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import type { Clock, TimerId } from '../engine/clock';
import { backoffDelay, describeSessionState, initialSessionState, nextSessionState, type SessionEvent, type SessionState } from './connectionState';
import { describeReasonCode, describeSubackCode } from './reasonCodes';
import type { ConnectionSettings, ConnectionStatus, MessageProperties, QoS, SubscriptionStatus } from './types';

export interface SessionListener {
  onStatus(status: ConnectionStatus): void;
  onMessage(topic: string, payload: Uint8Array, qos: QoS, retain: boolean, properties: MessageProperties | undefined): void;
  /** After every (re)connect: the broker may have lost what we knew (retained values come again). */
  onConnected?(sessionPresent: boolean): void;
}

export interface PublishOptions {
  readonly qos: QoS;
  readonly retain: boolean;
  readonly properties?: MessageProperties;
}

export type PublishCallback = (error: string | undefined) => void;

/** One broker connection (mqtt.js), with our own backoff, state machine and per-filter SUBACK results. */
export class MqttSession {
  private client: MqttClient | null = null;
  private state: SessionState = initialSessionState;
  private subs: SubscriptionStatus[];
  private readonly clientId: string;
  private connectedAt?: number;
  private retryTimer: TimerId | null = null;

  constructor(
    readonly settings: ConnectionSettings,
    private readonly listener: SessionListener,
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {
    this.clientId = settings.clientId || `sightglass_${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}`;
    this.subs = settings.subscriptions.map((s) => ({ topic: s.topic, qos: s.qos }));
  }

  get status(): ConnectionStatus {
    return {
      id: this.settings.id,
      state: this.state.state,
      reason: describeSessionState(this.state, this.clock.now()),
      attempt: this.state.attempt || undefined,
      nextRetryAt: this.state.nextRetryAt,
      clientId: this.clientId,
      protocolVersion: this.settings.protocolVersion,
      subscriptions: this.subs,
      connectedAt: this.state.state === 'connected' ? this.connectedAt : undefined,
    };
  }

  get connected(): boolean {
    return this.state.state === 'connected';
  }

  start(): void {
    if (!/^wss?:\/\/\S+$/i.test(this.settings.url)) {
      this.apply({ type: 'invalid', reason: `Broker URL must start with ws:// or wss:// (got "${this.settings.url}")` });
      return;
    }
    this.apply({ type: 'connect' });
    const s = this.settings;
    const options: IClientOptions = {
      protocolVersion: s.protocolVersion,
      clientId: this.clientId,
      username: s.username || undefined,
      password: s.password || undefined,
      keepalive: s.keepalive ?? 30,
      clean: s.clean ?? true,
      connectTimeout: 10_000,
      // Our own backoff replaces mqtt.js's fixed interval (see scheduleRetry); this is only the first value.
      reconnectPeriod: 1000,
      // An operator command must never fire minutes later by surprise: QoS 0 is refused while offline.
      queueQoSZero: false,
      resubscribe: true,
      properties: s.protocolVersion === 5 && s.sessionExpiry !== undefined ? { sessionExpiryInterval: s.sessionExpiry } : undefined,
    };
    let client: MqttClient;
    try {
      client = mqtt.connect(s.url, options);
    } catch (e) {
      this.apply({ type: 'invalid', reason: (e as Error).message });
      return;
    }
    this.client = client;
    client.on('connect', (connack) => {
      this.connectedAt = this.clock.now();
      this.apply({ type: 'connack', code: 0, protocolVersion: s.protocolVersion });
      this.listener.onConnected?.(connack.sessionPresent);
      // mqtt.js resubscribes by itself after a reconnect; the first time we subscribe per filter for per-filter results.
      if (!this.subscribedOnce) this.subscribeAll();
    });
    client.on('error', (err: Error & { code?: number }) => {
      if (typeof err.code === 'number' && /Connection refused/.test(err.message)) {
        this.apply({ type: 'connack', code: err.code, protocolVersion: s.protocolVersion });
      }
    });
    client.on('disconnect', (packet) => {
      if (packet.reasonCode) this.apply({ type: 'serverDisconnect', code: packet.reasonCode });
    });
    client.on('close', () => {
      if (this.state.state === 'disconnected') return;
      this.apply({ type: 'closed', url: s.url });
      if (this.state.state === 'reconnecting') this.scheduleRetry();
    });
    client.on('message', (topic, payload, packet: IPublishPacket) => {
      this.listener.onMessage(topic, payload, packet.qos, packet.retain, packet.properties as MessageProperties | undefined);
    });
  }

  private subscribedOnce = false;

  private subscribeAll(): void {
    this.subscribedOnce = true;
    const client = this.client!;
    this.subs.forEach((sub, i) => {
      client.subscribe(sub.topic, { qos: sub.qos }, (err, granted) => {
        const code = granted?.[0]?.qos ?? (err ? 0x80 : 0);
        const error = describeSubackCode(code, this.settings.protocolVersion) ?? (err && !granted ? err.message : undefined);
        this.subs = this.subs.map((s, j) => (j === i ? { ...s, granted: error ? undefined : (code as QoS), error } : s));
        this.emit();
      });
    });
  }

  /**
   * mqtt.js retries on a fixed interval; after each failed attempt we restart its timer with a
   * capped exponential backoff with jitter, so a broker coming back is not stormed by every screen.
   */
  private scheduleRetry(): void {
    const client = this.client as unknown as { options: IClientOptions; _clearReconnect(): void; _setupReconnect(): void } | null;
    if (!client) return;
    const delay = backoffDelay(this.state.attempt, this.random);
    client.options.reconnectPeriod = delay;
    client._clearReconnect();
    client._setupReconnect();
    this.apply({ type: 'retryScheduled', at: this.clock.now() + delay });
    // Refresh the countdown text once a second while waiting.
    if (this.retryTimer !== null) this.clock.clearTimer(this.retryTimer);
    const tick = () => {
      this.retryTimer = null;
      if (this.state.state !== 'reconnecting' || !this.state.nextRetryAt || this.state.nextRetryAt <= this.clock.now()) return;
      this.emit();
      this.retryTimer = this.clock.setTimer(tick, 1000);
    };
    this.retryTimer = this.clock.setTimer(tick, 1000);
  }

  publish(topic: string, payload: Uint8Array, opts: PublishOptions, done: PublishCallback): void {
    const client = this.client;
    if (!client) {
      done('Not connected');
      return;
    }
    const options: IClientPublishOptions = { qos: opts.qos, retain: opts.retain };
    if (this.settings.protocolVersion === 5 && opts.properties) {
      options.properties = opts.properties as IClientPublishOptions['properties'];
    }
    client.publish(topic, payload as Buffer, options, (err) => {
      if (!err) return done(undefined);
      const code = (err as Error & { code?: number }).code;
      done(typeof code === 'number' && code >= 0x80 ? describeReasonCode(code) : err.message);
    });
  }

  /** Subscribes an extra filter (e.g. a response topic), not shown in the connection's list. */
  subscribeExtra(filter: string, qos: QoS): void {
    this.client?.subscribe(filter, { qos });
  }

  end(): void {
    if (this.retryTimer !== null) this.clock.clearTimer(this.retryTimer);
    this.apply({ type: 'end' });
    const client = this.client;
    this.client = null;
    client?.end(true);
  }

  private apply(event: SessionEvent): void {
    this.state = nextSessionState(this.state, event);
    this.emit();
  }

  private emit(): void {
    this.listener.onStatus(this.status);
  }
}
