import { forEachMatch, HistoryBudget, isWildcardFilter, NodeRegistry, DEFAULT_LIMITS, topicOf, type TrieLimits } from '../topics';
import { assertNever } from './assertNever';
import type { Clock } from './clock';
import { Connections, type Conn } from './Connections';
import type { EngineFeature, EngineHost, FeatureFactory } from './EngineFeature';
import { featureOf } from './featureCommand';
import { FrameScheduler, type DeltaDraft } from './FrameScheduler';
import { FullPayloadCache } from './FullPayloadCache';
import { HealthMonitor, TICK_MS } from './HealthMonitor';
import { ingestMessage, payloadTimestamp } from './ingest';
import type { ConnectionStats, EngineHealth, FeatureCommand, FeatureCommandFor, FromEngine, ToEngine } from './protocol';
import { publishRequest } from './publishRequest';
import type { SessionFactory } from './Session';
import { TopicBrowser } from './TopicBrowser';

/**
 * The engine: wires connections, the topic tree, features and the once-per-frame delta
 * together. Each concern lives in its own part (Connections, TopicBrowser, HealthMonitor,
 * FrameScheduler, publishRequest); this class routes commands and messages between them.
 */
export class Engine {
  private readonly registry = new NodeRegistry();
  private readonly budget: HistoryBudget;
  private readonly conns: Connections;
  private readonly browser: TopicBrowser;
  private readonly monitor: HealthMonitor;
  private readonly frames: FrameScheduler;
  /** Whole payloads of topics whose last message was cut for display ("Show all", "Download"). */
  private readonly fullPayloads = new FullPayloadCache();
  private readonly features: EngineFeature[];
  /** Posts a message, letting features see publish results first (the commands feature audits them). */
  private readonly postResult = (msg: FromEngine): void => {
    if (msg.type === 'publishResult') for (const f of this.features) f.onPublishResult?.(msg);
    this.post(msg);
  };
  private readonly featureByKey = new Map<string, EngineFeature>();
  /** Features that decode their own topics (Sparkplug B), asked before the generic decoder. */
  private decoders: EngineFeature[] = [];
  private dirtyConnections = false;
  private statsOut: ConnectionStats[] | null = null;
  private health: EngineHealth | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly post: (msg: FromEngine) => void,
    makeSession: SessionFactory,
    private readonly limits: TrieLimits = DEFAULT_LIMITS,
    features: readonly FeatureFactory[] = [],
  ) {
    this.budget = new HistoryBudget(limits.historyBytes);
    this.conns = new Connections(
      { clock, registry: this.registry, budget: this.budget, limits, makeSession },
      {
        onStatus: (_conn, status) => {
          for (const f of this.features) f.onConnectionStatus?.(status);
          this.connectionsChanged();
        },
        onMessage: (conn, topic, payload, qos, retain, properties) => this.onMessage(conn, topic, payload, qos, retain, properties),
        onStale: (conn) => {
          // After a reconnect, values not refreshed since are stale until a new message arrives.
          conn.trie.markAllStale();
          this.browser.valuesChanged();
        },
      },
    );
    this.browser = new TopicBrowser(
      () => this.conns.tries(),
      (node) => {
        const conn = this.conns.ownerOf(node);
        return conn && { connectionId: conn.settings.id, trie: conn.trie };
      },
    );
    this.monitor = new HealthMonitor(clock.now(), this.registry, this.budget);
    this.frames = new FrameScheduler(clock, (delta, now) => this.buildDelta(delta, now), post);
    this.clock.setTimer(() => this.tick(), TICK_MS);
    const host: EngineHost = {
      clock,
      post,
      wake: () => this.frames.schedule(),
      connectionStatus: (id) => this.conns.get(id)?.session.status,
      quality: (change) => {
        for (const f of this.features) f.onQuality?.(change);
      },
      forEachTopic: (connectionId, filter, hit) => {
        for (const conn of this.conns.values()) {
          if (connectionId !== '' && conn.settings.id !== connectionId) continue;
          // forEachMatch reads text without wildcards as a substring: an exact topic is looked up.
          if (!isWildcardFilter(filter)) {
            const node = conn.trie.find(filter);
            if (node?.last) hit(conn.settings.id, filter, node.last);
          } else forEachMatch(conn.trie, filter, (node) => node.last && hit(conn.settings.id, topicOf(node), node.last));
        }
      },
      publishRequest: (req) => publishRequest(this.conns.get(req.connectionId), req, this.clock, this.postResult),
      publish: (connectionId, topic, payload, opts, done) => {
        const conn = this.conns.get(connectionId);
        if (!conn) return done?.('No such connection');
        conn.stats.countOut(payload.length + topic.length);
        conn.session.publish(topic, payload, opts, (error) => done?.(error));
      },
    };
    this.features = features.map((make) => make(host));
    for (const f of this.features) this.featureByKey.set(f.key, f);
    this.decoders = this.features.filter((f) => f.decode);
  }

  handle(msg: ToEngine): void {
    const feature = featureOf(msg);
    if (feature !== undefined) {
      this.featureByKey.get(feature)?.handle(msg as FeatureCommandFor<typeof feature>);
      return;
    }
    const cmd = msg as Exclude<ToEngine, FeatureCommand>;
    switch (cmd.type) {
      case 'connect':
        this.conns.connect(cmd.settings);
        this.browser.connectionsChanged();
        return;
      case 'disconnect':
        return this.conns.disconnect(cmd.connectionId);
      case 'remove': {
        const conn = this.conns.remove(cmd.connectionId);
        if (!conn) return;
        if (this.browser.selected && this.conns.ownerOf(this.browser.selected) === undefined) this.browser.select(null);
        this.browser.connectionsChanged();
        return this.connectionsChanged();
      }
      case 'publish':
        return publishRequest(this.conns.get(cmd.request.connectionId), cmd.request, this.clock, this.postResult);
      case 'treeWindow':
        this.browser.setWindow(cmd.start, cmd.count);
        return this.frames.schedule();
      case 'treeExpand':
        this.browser.setExpanded(this.registry.get(cmd.id), cmd.expanded);
        return this.frames.schedule();
      case 'treeFilter':
        this.browser.setFilter(cmd.text);
        return this.frames.schedule();
      case 'select':
        this.browser.select(cmd.id === null ? null : (this.registry.get(cmd.id) ?? null));
        return this.frames.schedule();
      case 'selectTopic':
        this.browser.reveal(this.conns.get(cmd.connectionId)?.trie.find(cmd.topic) ?? null, this.clock.now());
        return this.frames.schedule();
      case 'network':
        return this.conns.setNetwork(cmd.online);
      case 'fullPayload': {
        const full = this.fullPayloads.get(cmd.id);
        const error = full ? undefined : 'The full payload is no longer kept (big payloads share a 64 MiB budget); it comes with the next message.';
        return this.post({ type: 'fullPayload', reqId: cmd.reqId, payload: full?.bytes, receivedAt: full?.receivedAt, error });
      }
      case 'ack':
        return this.frames.ack(cmd.seq);
      default:
        return assertNever(cmd, 'command');
    }
  }

  private connectionsChanged(): void {
    this.dirtyConnections = true;
    this.frames.schedule();
  }

  private onMessage(conn: Conn, topic: string, payload: Uint8Array, qos: 0 | 1 | 2, retain: boolean, properties: Parameters<typeof ingestMessage>[3]): void {
    const now = this.clock.now();
    let own;
    for (let i = 0; i < this.decoders.length && !own; i++) own = this.decoders[i].decode!(conn.settings.id, topic, payload, now);
    const { stored, decoded, truncated } = ingestMessage(payload, qos, retain, properties, now, this.limits.maxStoredPayload, own);
    const ts = payloadTimestamp(decoded.json, now);
    this.monitor.onMessage(truncated, ts === undefined ? undefined : now - ts);
    const result = conn.trie.insert(topic, stored);
    if (result && truncated) this.fullPayloads.keep(result.node.id, payload, now);
    else if (result) this.fullPayloads.forget(result.node.id);
    conn.stats.countIn(result ? result.node.id : -1, payload.length + topic.length, topic);
    if (result) this.browser.onMessage(result.node, topic, result.createdLevels || result.isNewTopic);
    else this.browser.valuesChanged();
    if (this.features.length) {
      const ctx = { connectionId: conn.settings.id, topic, decoded, stored, now };
      for (const f of this.features) f.onMessage(ctx);
      if (decoded.alsoTopic) {
        const also = { ...ctx, topic: decoded.alsoTopic };
        for (const f of this.features) f.onMessage(also);
      }
    }
    const reply = conn.replies.match(topic, properties?.correlationData);
    if (reply) {
      this.postResult({ type: 'publishResult', reqId: reply.reqId, outcome: 'reply', reply: { payload: stored.payload, topic, rttMs: reply.rttMs }, at: now });
    }
    this.frames.schedule();
  }

  private tick(): void {
    const now = this.clock.now();
    const { stats, health } = this.monitor.roll(now, [...this.conns.values()]);
    this.statsOut = stats;
    this.health = health;
    for (const f of this.features) f.onTick?.(now);
    // Reconnect countdowns and rates change with time alone.
    this.dirtyConnections = true;
    this.browser.valuesChanged();
    this.clock.setTimer(() => this.tick(), TICK_MS);
    this.frames.schedule();
  }

  /** Fills the next delta with every part that changed; false when none did. */
  private buildDelta(delta: DeltaDraft, now: number): boolean {
    const later = () => this.frames.schedule();
    let any = false;
    if (this.dirtyConnections) {
      delta.connections = this.conns.statuses();
      this.dirtyConnections = false;
      any = true;
    }
    if (this.statsOut) {
      delta.stats = this.statsOut;
      delta.health = this.health ?? undefined;
      this.statsOut = null;
      any = true;
    }
    const tree = this.browser.snapshot(now, later);
    if (tree) {
      delta.tree = tree;
      any = true;
    }
    const detail = this.browser.detail(now, later);
    if (detail !== undefined) {
      delta.detail = detail;
      any = true;
    }
    for (const f of this.features) {
      const part = f.flush(now);
      if (part === undefined) continue;
      (delta.features as Record<string, unknown> | undefined) ??= {};
      (delta.features as Record<string, unknown>)[f.key] = part;
      any = true;
    }
    return any;
  }
}
