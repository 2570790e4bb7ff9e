import { ReplyTracker } from '../commands';
import { MqttSession } from '../mqtt/MqttSession';
import type { ConnectionSettings, ConnectionStatus, MessageProperties, QoS } from '../mqtt/types';
import { DEFAULT_LIMITS, HistoryBudget, NodeRegistry, rootOf, TopicTrie, topicOf, TreeView, type TopicNode, type TrieLimits } from '../topics';
import type { Clock } from './clock';
import { DataAge } from './DataAge';
import type { EngineFeature, EngineHost, FeatureFactory } from './EngineFeature';
import { ingestMessage, payloadTimestamp } from './ingest';
import { applyShedding, LoadShedder } from './LoadShedder';
import type { ConnectionStats, Delta, EngineHealth, FromEngine, MessageView, PublishRequest, TopicDetail, ToEngine, TreeSnapshot } from './protocol';
import { StatsMeter } from './StatsMeter';
import { FullPayloadCache } from './FullPayloadCache';

/** The part of a session the engine uses; MqttSession in the worker, fakes in tests. */
export interface Session {
  readonly status: ConnectionStatus;
  readonly connected: boolean;
  start(): void;
  end(): void;
  publish(topic: string, payload: Uint8Array, opts: { qos: QoS; retain: boolean; properties?: MessageProperties; queueWhileOffline?: boolean }, done: (error?: string) => void): void;
  subscribeExtra(filter: string, qos: QoS): void;
  /** The browser's online/offline events (see MqttSession.setNetwork). */
  setNetwork?(online: boolean): void;
}

export type SessionFactory = (settings: ConnectionSettings, listener: ConstructorParameters<typeof MqttSession>[1]) => Session;

interface Conn {
  readonly settings: ConnectionSettings;
  readonly session: Session;
  readonly trie: TopicTrie;
  readonly stats: StatsMeter;
  readonly replies: ReplyTracker;
  status: ConnectionStatus;
}

const FRAME_MS = 16;
/** Without an ack (hidden tab, busy UI) a delta still goes out this often, merged. */
const ACK_TIMEOUT_MS = 1000;
/** Tree values (counts, previews) refresh at most this often (4×/s is as fast as anyone reads a count;
 * each refresh re-lays out every visible row); structure and user actions go out next frame. */
const TREE_VALUE_MS = 250;
const DETAIL_MS = 200;
const TICK_MS = 1000;

export class Engine {
  private readonly conns = new Map<string, Conn>();
  private readonly registry = new NodeRegistry();
  private readonly budget: HistoryBudget;
  private readonly tree: TreeView;
  private seq = 0;
  private awaitingAck = false;
  private lastSentAt = 0;
  private flushTimer: number | null = null;
  private dirtyConnections = false;
  private treeStructureDirty = true;
  private treeValuesDirty = false;
  private lastTreeValuesAt = 0;
  private treeStart = 0;
  private treeCount = 0;
  private revealIndex: number | undefined;
  private selected: TopicNode | null = null;
  private detailDirty = false;
  private lastDetailAt = 0;
  private statsOut: ConnectionStats[] | null = null;
  private health: EngineHealth | null = null;
  private readonly dataAge = new DataAge();
  private readonly shedder = new LoadShedder();
  private truncated = 0;
  /** Whole payloads of topics whose last message was cut for display ("Show all", "Download"). */
  private readonly fullPayloads = new FullPayloadCache();
  private online = true;
  private lastTickAt: number;
  private readonly features: EngineFeature[];

  constructor(
    private readonly clock: Clock,
    private readonly post: (msg: FromEngine) => void,
    private readonly makeSession: SessionFactory,
    private readonly limits: TrieLimits = DEFAULT_LIMITS,
    features: readonly FeatureFactory[] = [],
  ) {
    this.budget = new HistoryBudget(limits.historyBytes);
    this.tree = new TreeView(() => [...this.conns.values()].map((c) => c.trie));
    this.lastTickAt = clock.now();
    this.clock.setTimer(() => this.tick(), TICK_MS);
    const host: EngineHost = {
      clock,
      post,
      wake: () => this.scheduleFlush(),
      connectionStatus: (id) => this.conns.get(id)?.session.status,
      publish: (connectionId, topic, payload, opts, done) => {
        const conn = this.conns.get(connectionId);
        if (!conn) return done?.('No such connection');
        conn.stats.countOut(payload.length + topic.length);
        conn.session.publish(topic, payload, opts, (error) => done?.(error));
      },
    };
    this.features = features.map((make) => make(host));
  }

  handle(msg: ToEngine): void {
    if (msg.type.includes('/')) {
      for (const f of this.features) if (f.handle(msg as Parameters<EngineFeature['handle']>[0])) return;
      return;
    }
    switch (msg.type) {
      case 'connect':
        return this.connect(msg.settings);
      case 'disconnect':
        this.conns.get(msg.connectionId)?.session.end();
        return;
      case 'remove':
        return this.remove(msg.connectionId);
      case 'publish':
        return this.publish(msg.request);
      case 'treeWindow':
        this.treeStart = msg.start;
        this.treeCount = msg.count;
        this.treeStructureDirty = true;
        return this.scheduleFlush();
      case 'treeExpand': {
        const node = this.registry.get(msg.id);
        if (node) this.tree.setExpanded(node, msg.expanded);
        this.treeStructureDirty = true;
        return this.scheduleFlush();
      }
      case 'treeFilter':
        this.tree.setFilter(msg.text);
        this.treeStructureDirty = true;
        return this.scheduleFlush();
      case 'select':
        return this.select(msg.id === null ? null : (this.registry.get(msg.id) ?? null));
      case 'selectTopic': {
        const node = this.conns.get(msg.connectionId)?.trie.find(msg.topic) ?? null;
        if (node) this.revealIndex = this.tree.reveal(node, this.clock.now());
        this.treeStructureDirty = true;
        return this.select(node);
      }
      case 'network':
        this.online = msg.online;
        for (const c of this.conns.values()) c.session.setNetwork?.(msg.online);
        return;
      case 'fullPayload': {
        const full = this.fullPayloads.get(msg.id);
        const error = full ? undefined : 'The full payload is no longer kept (big payloads share a 64 MiB budget); it comes with the next message.';
        return this.post({ type: 'fullPayload', reqId: msg.reqId, payload: full?.bytes, receivedAt: full?.receivedAt, error });
      }
      case 'noop/feature':
        return;
      case 'ack':
        if (msg.seq !== this.seq) return;
        this.awaitingAck = false;
        // Drop the ack-timeout wait: the next frame may go now.
        if (this.flushTimer !== null) this.clock.clearTimer(this.flushTimer);
        this.flushTimer = null;
        return this.scheduleFlush();
    }
  }

  private connect(settings: ConnectionSettings): void {
    const existing = this.conns.get(settings.id);
    existing?.session.end();
    const trie = existing?.trie ?? new TopicTrie(this.registry, settings.name || settings.id, this.budget, this.limits);
    const conn: Conn = {
      settings,
      trie,
      stats: existing?.stats ?? new StatsMeter(settings.id),
      replies: existing?.replies ?? new ReplyTracker(this.clock),
      status: { id: settings.id, state: 'connecting', clientId: '', protocolVersion: settings.protocolVersion, subscriptions: [] },
      session: undefined as unknown as Session,
    };
    (conn as { session: Session }).session = this.makeSession(settings, {
      onStatus: (status) => {
        conn.status = status;
        for (const f of this.features) f.onConnectionStatus?.(status);
        this.dirtyConnections = true;
        this.scheduleFlush();
      },
      onMessage: (topic, payload, qos, retain, properties) => this.onMessage(conn, topic, payload, qos, retain, properties),
      onConnected: (sessionPresent) => {
        // After a reconnect, values not refreshed since are stale until a new message arrives.
        if (conn.stats.totalIn > 0 && !sessionPresent) {
          conn.trie.markAllStale();
          this.treeValuesDirty = true;
        }
      },
    });
    this.conns.set(settings.id, conn);
    this.tree.markDirty();
    this.treeStructureDirty = true;
    if (!this.online) conn.session.setNetwork?.(false);
    conn.session.start();
  }

  private remove(id: string): void {
    const conn = this.conns.get(id);
    if (!conn) return;
    conn.session.end();
    this.conns.delete(id);
    if (this.selected && rootOf(this.selected) === conn.trie.root) this.select(null);
    this.tree.markDirty();
    this.treeStructureDirty = true;
    this.dirtyConnections = true;
    this.scheduleFlush();
  }

  private onMessage(conn: Conn, topic: string, payload: Uint8Array, qos: QoS, retain: boolean, properties: MessageProperties | undefined): void {
    const now = this.clock.now();
    const { stored, decoded, truncated } = ingestMessage(payload, qos, retain, properties, now, this.limits.maxStoredPayload);
    if (truncated) this.truncated++;
    const ts = payloadTimestamp(decoded.json, now);
    if (ts !== undefined) this.dataAge.add(now - ts);
    const result = conn.trie.insert(topic, stored);
    if (result && truncated) this.fullPayloads.keep(result.node.id, payload, now);
    else if (result) this.fullPayloads.forget(result.node.id);
    conn.stats.countIn(result ? result.node.id : -1, payload.length + topic.length);
    if (result) {
      if (result.createdLevels || result.isNewTopic) this.tree.onStructureChange(result.node, topic);
      if (result.node === this.selected) this.detailDirty = true;
    }
    this.treeValuesDirty = true;
    if (this.features.length) {
      const ctx = { connectionId: conn.settings.id, topic, decoded, stored, now };
      for (const f of this.features) f.onMessage(ctx);
    }
    const reply = conn.replies.match(topic, properties?.correlationData);
    if (reply) {
      this.post({ type: 'publishResult', reqId: reply.reqId, outcome: 'reply', reply: { payload: stored.payload, topic, rttMs: reply.rttMs }, at: now });
    }
    this.scheduleFlush();
  }

  private publish(req: PublishRequest): void {
    const conn = this.conns.get(req.connectionId);
    const result = (outcome: 'sent' | 'delivered' | 'queued' | 'failed', reason?: string) =>
      this.post({ type: 'publishResult', reqId: req.reqId, outcome, reason, at: this.clock.now() });
    if (!conn) return result('failed', 'No such connection');
    const { state } = conn.session.status;
    const online = conn.session.connected;
    // Only a session that is (re)connecting will send later; after Disconnect or a refused login nothing would.
    if (!online && state !== 'connecting' && state !== 'reconnecting') {
      return result('failed', `Not connected (${state === 'error' ? 'connection error' : 'disconnected'}): connect first`);
    }
    if (!online && req.qos === 0 && !req.queueWhileOffline) return result('failed', 'Not connected to the broker (QoS 0 is not queued)');
    // MQTT 3.1.1 has no properties: none are sent, and no reply can be matched.
    const properties = conn.settings.protocolVersion === 5 && req.properties ? { ...req.properties } : undefined;
    const responseTopic = properties?.responseTopic;
    if (properties && responseTopic) {
      conn.session.subscribeExtra(responseTopic, 1);
      properties.correlationData ??= new TextEncoder().encode(`sg-${req.reqId}-${this.clock.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
      const timeoutMs = req.responseTimeoutMs ?? 10_000;
      // Queued while offline: the reply clock starts when the request really goes out.
      conn.replies.expect(req.reqId, responseTopic, properties.correlationData, timeoutMs, () =>
        result('failed', `no reply on ${responseTopic} within ${timeoutMs / 1000} s (timed out)`), online);
    }
    if (!online) result('queued');
    conn.stats.countOut(req.payload.length + req.topic.length);
    const opts = { qos: req.qos, retain: req.retain, properties, queueWhileOffline: req.queueWhileOffline };
    conn.session.publish(req.topic, req.payload, opts, (error) => {
      if (error) {
        conn.replies.cancel(req.reqId);
        return result('failed', error);
      }
      if (!online) conn.replies.arm(req.reqId);
      result(req.qos === 0 ? 'sent' : 'delivered');
    });
  }

  private select(node: TopicNode | null): void {
    this.selected = node;
    this.detailDirty = true;
    this.lastDetailAt = 0;
    this.scheduleFlush();
  }

  private tick(): void {
    const now = this.clock.now();
    const elapsed = now - this.lastTickAt;
    this.lastTickAt = now;
    const nameOf = (id: number) => {
      const node = this.registry.get(id);
      return node ? topicOf(node) : '';
    };
    this.statsOut = [...this.conns.values()].map((c) => c.stats.roll(elapsed, c.trie.topics, nameOf));
    const age = this.dataAge.roll();
    const loopLagMs = Math.max(0, elapsed - TICK_MS);
    this.shedder.update(now, loopLagMs, age.p50);
    const shedTopics = applyShedding(this.shedder.mode, this.conns.values(), this.registry);
    this.health = {
      dataAgeMs: age.p50,
      dataAgeP95Ms: age.p95,
      loopLagMs,
      shedding: this.shedder.state(shedTopics),
      droppedHistory: this.budget.dropped,
      droppedTopics: [...this.conns.values()].reduce((n, c) => n + c.trie.droppedTopics, 0),
      truncatedPayloads: this.truncated,
      historyBytes: this.budget.bytes,
    };
    for (const f of this.features) f.onTick?.(now);
    // Reconnect countdowns and rates change with time alone.
    this.dirtyConnections = true;
    this.treeValuesDirty = true;
    this.clock.setTimer(() => this.tick(), TICK_MS);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = this.clock.setTimer(() => {
      this.flushTimer = null;
      this.flush();
    }, FRAME_MS);
  }

  private flush(): void {
    const now = this.clock.now();
    if (this.awaitingAck && now - this.lastSentAt < ACK_TIMEOUT_MS) {
      // The ack will call scheduleFlush; the time cap covers a hidden tab that never acks.
      this.flushTimer = this.clock.setTimer(() => {
        this.flushTimer = null;
        this.flush();
      }, ACK_TIMEOUT_MS - (now - this.lastSentAt));
      return;
    }
    const delta: { -readonly [K in keyof Delta]: Delta[K] } = { type: 'delta', seq: this.seq + 1, at: now };
    let any = false;
    if (this.dirtyConnections) {
      delta.connections = [...this.conns.values()].map((c) => c.session.status);
      this.dirtyConnections = false;
      any = true;
    }
    if (this.statsOut) {
      delta.stats = this.statsOut;
      delta.health = this.health ?? undefined;
      this.statsOut = null;
      any = true;
    }
    const tree = this.treeSnapshot(now);
    if (tree) {
      delta.tree = tree;
      any = true;
    }
    if (this.detailDirty && now - this.lastDetailAt >= DETAIL_MS) {
      delta.detail = this.selected ? this.detailOf(this.selected, now) : null;
      this.detailDirty = false;
      this.lastDetailAt = now;
      any = true;
    } else if (this.detailDirty) this.scheduleFlush();
    for (const f of this.features) {
      const part = f.flush(now);
      if (part === undefined) continue;
      (delta.features ??= {} as NonNullable<Delta["features"]>);
      (delta.features as Record<string, unknown>)[f.key] = part;
      any = true;
    }
    if (!any) return;
    this.seq = delta.seq;
    this.awaitingAck = true;
    this.lastSentAt = now;
    this.post(delta);
  }

  private treeSnapshot(now: number): TreeSnapshot | undefined {
    // New topics change the row list, but like values they go out at most every TREE_VALUE_MS
    // (a flood of new topics otherwise rebuilt and re-rendered the tree every frame); the user's
    // own actions (expand, filter, reveal: treeStructureDirty) go out in the next frame.
    const due = now - this.lastTreeValuesAt >= TREE_VALUE_MS;
    const userAction = this.treeStructureDirty;
    const rebuilt = (userAction || due) && this.tree.rebuildIfNeeded(now);
    if (!rebuilt && !userAction && !(this.treeValuesDirty && due)) {
      if (this.treeValuesDirty || this.tree.needsRebuild) this.scheduleFlush();
      return undefined;
    }
    this.treeStructureDirty = false;
    this.treeValuesDirty = false;
    this.lastTreeValuesAt = now;
    const snapshot: TreeSnapshot = {
      total: this.tree.rowCount,
      start: this.treeStart,
      rows: this.tree.window(this.treeStart, this.treeCount, now),
      version: this.tree.version,
      revealIndex: this.revealIndex,
    };
    this.revealIndex = undefined;
    return snapshot;
  }

  private detailOf(node: TopicNode, now: number): TopicDetail {
    const conn = [...this.conns.values()].find((c) => c.trie.root === rootOf(node));
    const view = (m: NonNullable<TopicNode['last']>): MessageView => ({
      payload: m.payload, size: m.size, kind: m.kind, qos: m.qos, retain: m.retain, receivedAt: m.receivedAt, properties: m.properties,
    });
    return {
      id: node.id,
      connectionId: conn?.settings.id ?? '',
      topic: topicOf(node),
      count: node.count,
      rate: conn ? conn.trie.rateOf(node, now) : 0,
      firstAt: node.firstAt,
      stale: node.stale,
      last: node.last ? view(node.last) : null,
      // No history while load shedding keeps none for this topic: the last message is all there is.
      history: (node.history ?? (node.last ? [node.last] : [])).map(view),
    };
  }
}
