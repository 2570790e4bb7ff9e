import type { IClientOptions, IClientPublishOptions, IPublishPacket, MqttClient } from 'mqtt';
import type { ResolvedAuth } from '../auth';
import type { Clock, TimerId } from '../engine/clock';
import { connectWs } from './connectWs';
import { backoffDelay, describeSessionState, initialSessionState, nextSessionState, type SessionEvent, type SessionState } from './connectionState';
import { matchesFilter } from '../topics';
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
  /** QoS 0 while offline: the operator agreed to send it after reconnecting (else it is refused). */
  readonly queueWhileOffline?: boolean;
}

/**
 * Computed credentials (SigV4, SAS: WebCrypto) load on first use: most connections have none,
 * and the worker script is on the start-up path (issue 9).
 */
const resolveAuth = (...args: Parameters<typeof import('../auth').resolveAuth>) => import('../auth').then((m) => m.resolveAuth(...args));

/** QoS 0 messages the operator agreed to queue while offline; past this the publish is refused. */
const MAX_OFFLINE_QOS0 = 100;

/**
 * Keepalive: a PINGREQ after 20 s of silence; mqtt.js declares the link dead after 1.5 × keepalive
 * (30 s) without anything from the broker. Short enough to notice a half-open connection (a
 * pulled cable, a NAT or firewall that forgot us: many drop idle flows after 60 s or more),
 * cheap enough (one tiny packet each way per 20 s). The browser's offline event is faster still.
 */
export const DEFAULT_KEEPALIVE_S = 20;
/** A persistent session (clean start off) on MQTT 5 without an expiry of its own keeps this long. */
export const DEFAULT_SESSION_EXPIRY_S = 3600;
/** Computed credentials (SAS token, presigned URL) expiring within this are renewed before a reconnect. */
const RENEW_MARGIN_MS = 5 * 60_000;

export type PublishCallback = (error: string | undefined) => void;

/** mqtt.js internals we drive for our own backoff (see scheduleRetry). */
type ClientInternals = {
  options: IClientOptions;
  stream?: { destroy(): void };
  reconnectSuppressed: boolean;
  _clearReconnect(): void;
  _setupReconnect(): void;
  _reconnect(): void;
};

/** One broker connection (mqtt.js), with our own backoff, state machine and per-filter SUBACK results. */
export class MqttSession {
  private client: MqttClient | null = null;
  private state: SessionState = initialSessionState;
  private subs: SubscriptionStatus[];
  private readonly clientId: string;
  private connectedAt?: number;
  private staleBefore?: number;
  private retryTimer: TimerId | null = null;
  /** Publishes not yet confirmed, by our own id: failed on end() so no command waits forever. */
  private readonly unconfirmed = new Map<number, PublishCallback>();
  private nextPublishId = 1;
  private offlineQos0: { topic: string; payload: Uint8Array; options: IClientPublishOptions; id: number }[] = [];
  private readonly extraFilters = new Set<string>();
  /** Bumped by start/end so late async results (credentials) of an old run are ignored. */
  private generation = 0;
  private creds: ResolvedAuth | null = null;
  private renewing = false;
  /** True between a failed attempt and the next one (mqtt.js's reconnect timer is armed). */
  private waitingForRetry = false;
  /** Attempts before the network came back: the backoff starts again from its first step. */
  private backoffFrom = 0;

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
      staleBefore: this.staleBefore,
      offline: this.state.offline || undefined,
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
    const persistent = s.clean === false;
    const sessionExpiry = s.sessionExpiry ?? (persistent ? DEFAULT_SESSION_EXPIRY_S : undefined);
    const creds = this.creds;
    const options: IClientOptions = {
      protocolVersion: s.protocolVersion,
      clientId: this.clientId,
      username: s.username || undefined,
      // With computed credentials the typed secret is the input (a device key…), never sent as such.
      password: (s.auth ? creds?.password : s.password) || undefined,
      keepalive: s.keepalive ?? DEFAULT_KEEPALIVE_S,
      // Persistent session: the broker keeps subscriptions and queues QoS 1/2 messages while we are away.
      clean: !persistent,
      connectTimeout: 10_000,
      // Our own backoff replaces mqtt.js's fixed interval (see scheduleRetry); this is only the first value.
      reconnectPeriod: 1000,
      // An operator command must never fire minutes later by surprise: QoS 0 is refused while offline.
      queueQoSZero: false,
      resubscribe: true,
      properties: s.protocolVersion === 5 && sessionExpiry !== undefined ? { sessionExpiryInterval: sessionExpiry } : undefined,
      // Called for every (re)connect, so a renewed presigned URL is used from then on.
      transformWsUrl: creds ? () => this.creds?.url ?? creds.url : undefined,
    };
    let client: MqttClient;
    try {
      client = connectWs(s.url, options);
    } catch (e) {
      this.apply({ type: 'invalid', reason: (e as Error).message });
      return;
    }
    this.client = client;
    client.on('connect', (connack) => {
      this.connectedAt = this.clock.now();
      this.backoffFrom = 0;
      this.waitingForRetry = false;
      // Without the session, values we hold were not refreshed: stale until the next message (widgets read this).
      this.staleBefore = connack.sessionPresent ? undefined : this.connectedAt;
      this.apply({ type: 'connack', code: 0, protocolVersion: s.protocolVersion });
      this.listener.onConnected?.(connack.sessionPresent);
      this.flushOfflineQos0();
      // mqtt.js resubscribes by itself after a reconnect (only when the broker lost the session);
      // the first time we subscribe per filter for per-filter results.
      if (!this.subscribedOnce) this.subscribeAll();
    });
    client.on('reconnect', () => {
      this.waitingForRetry = false;
      this.apply({ type: 'connect' });
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
      if (this.state.state === 'reconnecting') {
        this.renewCredentialsIfDue();
        this.scheduleRetry();
      }
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
        // On a refusal mqtt.js 5 passes the error (its `code` is the SUBACK reason code) and the
        // *requested* subscriptions as `granted`: their qos is not what the broker said.
        const e = err as (Error & { code?: number; packet?: { granted?: number[] } }) | null;
        const reason = e?.packet?.granted?.[0] ?? e?.code;
        const code = err ? (typeof reason === 'number' && reason >= 0x80 ? reason : undefined) : (granted?.[0]?.qos ?? 0);
        const error = code === undefined ? (err?.message ?? 'Refused') : describeSubackCode(code, this.settings.protocolVersion);
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
    const client = this.client as unknown as ClientInternals | null;
    if (!client) return;
    const delay = backoffDelay(Math.max(1, this.state.attempt - this.backoffFrom), this.random);
    client.options.reconnectPeriod = delay;
    // mqtt.js suppresses reconnecting after any CONNACK refusal; ours decided a retry can help (e.g. server busy).
    client.reconnectSuppressed = false;
    client._clearReconnect();
    client._setupReconnect();
    this.waitingForRetry = true;
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

  /**
   * The browser's `offline`/`online` events. Offline: the connection is certainly gone (or about
   * to be), so close it now instead of waiting up to 1.5 keepalives, and say why; retries go on
   * (a broker on this machine may still answer). Online: retry at once, backoff from the start.
   */
  setNetwork(online: boolean): void {
    if (!!this.state.offline === !online) return;
    this.apply({ type: 'network', online });
    const client = this.client as unknown as ClientInternals | null;
    if (!client || this.state.retryBlocked || this.state.state === 'disconnected' || this.state.state === 'error') return;
    if (!online) {
      if (!this.waitingForRetry) client.stream?.destroy();
      return;
    }
    if (this.state.state === 'reconnecting' && this.waitingForRetry) {
      this.backoffFrom = this.state.attempt;
      this.waitingForRetry = false;
      client.reconnectSuppressed = false;
      client._clearReconnect();
      client._reconnect();
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
        if (this.client) (this.client as unknown as ClientInternals).options.password = next.password;
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
    const id = this.nextPublishId++;
    if (!this.connected && opts.qos === 0) {
      // mqtt.js runs with queueQoSZero false, so nothing fires later by surprise; this one the operator agreed to queue.
      if (!opts.queueWhileOffline) return done('Not connected to the broker (QoS 0 is not queued)');
      if (this.offlineQos0.length >= MAX_OFFLINE_QOS0) return done(`Not connected, and ${MAX_OFFLINE_QOS0} QoS 0 messages are already waiting`);
      this.unconfirmed.set(id, done);
      this.offlineQos0.push({ topic, payload, options, id });
      return;
    }
    this.unconfirmed.set(id, done);
    this.send(client, id, topic, payload, options);
  }

  private send(client: MqttClient, id: number, topic: string, payload: Uint8Array, options: IClientPublishOptions): void {
    // QoS 1/2 while offline: mqtt.js keeps them in its outgoing store and sends them after reconnecting.
    client.publish(topic, payload as Buffer, options, (err) => {
      const done = this.unconfirmed.get(id);
      if (!done) return;
      this.unconfirmed.delete(id);
      if (!err) return done(undefined);
      const code = (err as Error & { code?: number }).code;
      done(typeof code === 'number' && code >= 0x80 ? describeReasonCode(code) : err.message);
    });
  }

  private flushOfflineQos0(): void {
    const queued = this.offlineQos0;
    this.offlineQos0 = [];
    for (const m of queued) if (this.client && this.unconfirmed.has(m.id)) this.send(this.client, m.id, m.topic, m.payload, m.options);
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
    if (this.retryTimer !== null) this.clock.clearTimer(this.retryTimer);
    this.apply({ type: 'end' });
    // mqtt.js forgets its callbacks on a forced end: tell every waiting command it did not get through.
    const waiting = [...this.unconfirmed.values()];
    this.unconfirmed.clear();
    this.offlineQos0 = [];
    for (const done of waiting) done('Disconnected before the broker confirmed delivery');
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
