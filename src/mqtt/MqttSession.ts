import type { IClientPublishOptions, IPublishPacket, MqttClient } from 'mqtt';
import type { ResolvedAuth } from '../auth';
import { BROKER_URL_PATTERN } from '../config/brokerUrl';
import type { Clock } from '../engine';
import { matchesFilter } from '../topics';
import { clientOptions } from './clientOptions';
import { connectWs } from './connectWs';
import { isOwnOfflineState, primaryHostBirth, renewPrimaryHostWill } from './primaryHost';
import { backoffDelay, describeSessionState, initialSessionState, nextSessionState, type SessionEvent, type SessionState } from './connectionState';
import { InboundQueue } from './InboundQueue';
import { keepAliveOnTraffic } from './keepAliveOnTraffic';
import { PublishQueue, type PublishCallback } from './PublishQueue';
import { RetryTimer } from './RetryTimer';
import { SendBatcher } from './SendBatcher';
import { subscribePerFilter } from './subscribePerFilter';
import type { ConnectionSettings, ConnectionStatus, MessageProperties, QoS, SubscriptionStatus } from './types';

export type { PublishCallback };

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
  /** QoS 0 while offline: the operator agreed to send it after reconnecting (else it is refused). */
  readonly queueWhileOffline?: boolean;
}

/**
 * Computed credentials (SigV4, SAS: WebCrypto) load on first use: most connections have none,
 * and the worker script is on the start-up path (issue 9).
 */
const resolveAuth = (...args: Parameters<typeof import('../auth').resolveAuth>) => import('../auth').then((m) => m.resolveAuth(...args));

/** Computed credentials (SAS token, presigned URL) expiring within this are renewed before a reconnect. */
const RENEW_MARGIN_MS = 5 * 60_000;

/**
 * One broker connection (mqtt.js, public API only), with our own backoff on the injected Clock,
 * the connection state machine (connectionState.ts) and per-filter SUBACK results.
 */
export class MqttSession {
  private client: MqttClient | null = null;
  private state: SessionState = initialSessionState;
  private subs: SubscriptionStatus[];
  private readonly clientId: string;
  private connectedAt?: number;
  private staleBefore?: number;
  private readonly retry: RetryTimer;
  private readonly publishes = new PublishQueue();
  private readonly extraFilters = new Set<string>();
  /** Bumped by start/end so late async results (credentials) of an old run are ignored. */
  private generation = 0;
  private creds: ResolvedAuth | null = null;
  private renewing = false;
  /** Attempts before the network came back: the backoff starts again from its first step. */
  private backoffFrom = 0;
  private subscribedOnce = false;
  /** One WebSocket frame per turn (SendBatcher.ts); messages wait until their acks left (InboundQueue.ts). */
  private readonly sends = new SendBatcher();
  private readonly inbound: InboundQueue;

  constructor(
    readonly settings: ConnectionSettings,
    private readonly listener: SessionListener,
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {
    this.clientId = settings.clientId || `sightglass_${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}`;
    this.subs = settings.subscriptions.map((s) => ({ topic: s.topic, qos: s.qos }));
    this.retry = new RetryTimer(clock);
    this.inbound = new InboundQueue((m) => {
      if (isOwnOfflineState(m.topic, m.payload, settings.sparkplug?.hostId) && this.client) this.publishHostBirth(this.client);
      listener.onMessage(m.topic, m.payload, m.qos, m.retain, m.properties);
    }, undefined, () => this.sends.flush());
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
      staleBefore: this.staleBefore,
      offline: this.state.offline || undefined,
    };
  }

  get connected(): boolean {
    return this.state.state === 'connected';
  }

  start(): void {
    if (!BROKER_URL_PATTERN.test(this.settings.url)) {
      this.apply({ type: 'invalid', reason: `Broker URL must start with ws:// or wss:// (got "${this.settings.url}")` });
      return;
    }
    this.apply({ type: 'connect' });
    const gen = ++this.generation;
    const auth = this.settings.auth;
    if (!auth) return this.open();
    // Computed credentials (WebCrypto is async): the connection opens once they are ready.
    resolveAuth(auth, this.settings.url, this.settings.password, this.clock.now()).then(
      (creds) => {
        if (gen !== this.generation) return;
        this.creds = creds;
        this.open();
      },
      (e: Error) => {
        if (gen === this.generation) this.apply({ type: 'invalid', reason: `Cannot compute the credentials: ${e.message}` });
      },
    );
  }

  private open(): void {
    const s = this.settings;
    let client: MqttClient;
    try {
      client = connectWs(s.url, { ...clientOptions(s, this.clientId, this.creds, () => this.creds, this.clock.now()), createWebsocket: this.sends.open });
    } catch (e) {
      this.apply({ type: 'invalid', reason: (e as Error).message });
      return;
    }
    this.client = client;
    keepAliveOnTraffic(client);
    client.on('connect', (connack) => {
      this.connectedAt = this.clock.now();
      this.backoffFrom = 0;
      this.retry.cancel();
      // Without the session, values we hold were not refreshed: stale until the next message (widgets read this).
      this.staleBefore = connack.sessionPresent ? undefined : this.connectedAt;
      this.apply({ type: 'connack', code: 0, protocolVersion: s.protocolVersion });
      this.listener.onConnected?.(connack.sessionPresent);
      this.publishes.release(client);
      // mqtt.js resubscribes by itself after a reconnect (only when the broker lost the session);
      // the first time we subscribe per filter for per-filter results.
      if (!this.subscribedOnce) this.subscribeAll(client);
      this.publishHostBirth(client);
    });
    client.on('reconnect', () => this.apply({ type: 'connect' }));
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
      if (this.state.state === 'reconnecting') {
        this.renewCredentialsIfDue();
        this.scheduleRetry();
      }
    });
    client.on('message', (topic, payload, packet: IPublishPacket) => {
      this.inbound.push({ topic, payload, qos: packet.qos, retain: packet.retain, properties: packet.properties as MessageProperties | undefined });
    });
  }

  private subscribeAll(client: MqttClient): void {
    this.subscribedOnce = true;
    subscribePerFilter(client, this.subs, this.settings.protocolVersion, (i, status) => {
      this.subs = this.subs.map((s, j) => (j === i ? status : s));
      this.emit();
    });
  }

  /**
   * After each failed attempt: the next one after a capped exponential backoff with jitter, so a
   * broker coming back is not stormed by every screen. Also after a refused CONNACK that a retry
   * may cure (server busy); never after a refused login (connectionState `retryBlocked`).
   */
  private scheduleRetry(): void {
    if (!this.client) return;
    const delay = backoffDelay(Math.max(1, this.state.attempt - this.backoffFrom), this.random);
    // The second callback refreshes the countdown text once a second while waiting.
    this.retry.schedule(delay, () => this.reconnectNow(), () => this.emit());
    this.apply({ type: 'retryScheduled', at: this.clock.now() + delay });
  }

  /** Sparkplug primary host: STATE online, after the subscriptions (primaryHost.ts). */
  private publishHostBirth(client: MqttClient): void {
    const birth = primaryHostBirth(client.options, this.settings.sparkplug?.hostId);
    if (birth) client.publish(birth.topic, birth.payload, { qos: 1, retain: true });
  }

  private reconnectNow(): void {
    const client = this.client;
    if (client) renewPrimaryHostWill(client.options, this.settings.sparkplug?.hostId, this.clock.now());
    // The stores go along: QoS 1/2 publishes waiting in them are sent after the CONNACK (mqtt.js
    // would start with empty ones otherwise).
    client?.reconnect({ incomingStore: client.incomingStore, outgoingStore: client.outgoingStore });
  }

  /**
   * The browser's `offline`/`online` events. Offline: the connection is certainly gone (or about
   * to be), so close it now instead of waiting up to 1.5 keepalives, and say why; retries go on
   * (a broker on this machine may still answer). Online: retry at once, backoff from the start.
   */
  setNetwork(online: boolean): void {
    if (!!this.state.offline === !online) return;
    this.apply({ type: 'network', online });
    const client = this.client;
    if (!client || this.state.retryBlocked || this.state.state === 'disconnected' || this.state.state === 'error') return;
    if (!online) {
      if (!this.retry.pending) client.stream?.destroy();
      return;
    }
    if (this.state.state === 'reconnecting' && this.retry.pending) {
      this.backoffFrom = this.state.attempt;
      this.retry.cancel();
      this.reconnectNow();
    }
  }

  /** A SAS token or presigned URL close to expiry is computed anew while the retry timer runs. */
  private renewCredentialsIfDue(): void {
    const auth = this.settings.auth;
    const creds = this.creds;
    if (!auth || !creds?.expiresAt || this.renewing || creds.expiresAt - this.clock.now() > RENEW_MARGIN_MS) return;
    this.renewing = true;
    const gen = this.generation;
    resolveAuth(auth, this.settings.url, this.settings.password, this.clock.now())
      .then((next) => {
        if (gen !== this.generation) return;
        this.creds = next;
        if (this.client) this.client.options.password = next.password;
      })
      .catch(() => undefined)
      .finally(() => {
        this.renewing = false;
      });
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
    if (!this.connected && opts.qos === 0) {
      // mqtt.js runs with queueQoSZero false, so nothing fires later by surprise; this one the operator agreed to queue.
      if (!opts.queueWhileOffline) return done('Not connected to the broker (QoS 0 is not queued)');
      return this.publishes.hold(topic, payload, options, done);
    }
    // QoS 1/2 while offline: mqtt.js keeps them in its outgoing store and sends them after reconnecting.
    this.publishes.send(client, topic, payload, options, done);
  }

  /** Subscribes an extra filter (e.g. a response topic), not shown in the connection's list. */
  subscribeExtra(filter: string, qos: QoS): void {
    // Already covered (e.g. by "#"): a second, overlapping subscription would only bring duplicates.
    if (this.extraFilters.has(filter) || this.subs.some((s) => !s.error && matchesFilter(s.topic, filter))) return;
    this.extraFilters.add(filter);
    this.client?.subscribe(filter, { qos });
  }

  end(): void {
    this.generation++;
    this.retry.cancel();
    this.apply({ type: 'end' });
    this.inbound.clear();
    // mqtt.js forgets its callbacks on a forced end: tell every waiting command it did not get through.
    this.publishes.failAll('Disconnected before the broker confirmed delivery');
    const client = this.client;
    this.client = null;
    client?.end(true);
  }

  private apply(event: SessionEvent): void {
    // Messages received before this event reach the engine before its status does.
    this.inbound.flush();
    this.state = nextSessionState(this.state, event);
    this.emit();
  }

  private emit(): void {
    this.listener.onStatus(this.status);
  }
}
