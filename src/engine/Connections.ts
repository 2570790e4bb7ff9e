import { ReplyTracker } from '../commands/ReplyTracker';
import type { ConnectionSettings, ConnectionStatus, MessageProperties, QoS } from '../mqtt';
import { rootOf, TopicTrie, type HistoryBudget, type NodeRegistry, type TopicNode, type TrieLimits } from '../topics';
import type { Clock } from './clock';
import type { Session, SessionFactory } from './Session';
import { StatsMeter } from './StatsMeter';

/** One broker connection as the engine holds it: its session, topic tree, traffic meter and pending replies. */
export interface Conn {
  readonly settings: ConnectionSettings;
  readonly session: Session;
  readonly trie: TopicTrie;
  readonly stats: StatsMeter;
  readonly replies: ReplyTracker;
  status: ConnectionStatus;
}

/** What the engine hears from its connections' sessions. */
export interface ConnectionEvents {
  onStatus(conn: Conn, status: ConnectionStatus): void;
  onMessage(conn: Conn, topic: string, payload: Uint8Array, qos: QoS, retain: boolean, properties: MessageProperties | undefined): void;
  /** Reconnected without the broker keeping the session: every value held is stale until refreshed. */
  onStale(conn: Conn): void;
}

export interface ConnectionDeps {
  readonly clock: Clock;
  readonly registry: NodeRegistry;
  readonly budget: HistoryBudget;
  readonly limits: TrieLimits;
  readonly makeSession: SessionFactory;
}

/**
 * The engine's connections by id. A reconnect with new settings keeps the topic tree, the
 * meter and pending replies, so values and rates carry on; only the session is new.
 */
export class Connections {
  private readonly conns = new Map<string, Conn>();
  private online = true;

  constructor(
    private readonly deps: ConnectionDeps,
    private readonly events: ConnectionEvents,
  ) {}

  get(id: string): Conn | undefined {
    return this.conns.get(id);
  }

  values(): IterableIterator<Conn> {
    return this.conns.values();
  }

  tries(): TopicTrie[] {
    return [...this.conns.values()].map((c) => c.trie);
  }

  statuses(): ConnectionStatus[] {
    return [...this.conns.values()].map((c) => c.session.status);
  }

  /** The connection whose tree holds `node`. */
  ownerOf(node: TopicNode): Conn | undefined {
    const root = rootOf(node);
    for (const c of this.conns.values()) if (c.trie.root === root) return c;
    return undefined;
  }

  connect(settings: ConnectionSettings): Conn {
    const { clock, registry, budget, limits, makeSession } = this.deps;
    const existing = this.conns.get(settings.id);
    existing?.session.end();
    const stats = existing?.stats ?? new StatsMeter(settings.id);
    stats.setFilters(settings.subscriptions.map((s) => s.topic));
    const conn: Conn = {
      settings,
      trie: existing?.trie ?? new TopicTrie(registry, settings.name || settings.id, budget, limits),
      stats,
      replies: existing?.replies ?? new ReplyTracker(clock),
      status: { id: settings.id, state: 'connecting', clientId: '', protocolVersion: settings.protocolVersion, subscriptions: [] },
      session: undefined as unknown as Session,
    };
    (conn as { session: Session }).session = makeSession(settings, {
      onStatus: (status) => {
        conn.status = status;
        // A filter the broker refused brings nothing: it costs nothing either.
        const refused = status.subscriptions.filter((s) => s.error).map((s) => s.topic);
        stats.setFilters(settings.subscriptions.map((s) => s.topic).filter((t) => !refused.includes(t)));
        this.events.onStatus(conn, status);
      },
      onMessage: (topic, payload, qos, retain, properties) => this.events.onMessage(conn, topic, payload, qos, retain, properties),
      onConnected: (sessionPresent) => {
        if (conn.stats.totalIn > 0 && !sessionPresent) this.events.onStale(conn);
      },
    });
    this.conns.set(settings.id, conn);
    if (!this.online) conn.session.setNetwork?.(false);
    conn.session.start();
    return conn;
  }

  disconnect(id: string): void {
    this.conns.get(id)?.session.end();
  }

  /** Ends and forgets a connection; returns it, or undefined when there was none. */
  remove(id: string): Conn | undefined {
    const conn = this.conns.get(id);
    if (!conn) return undefined;
    conn.session.end();
    this.conns.delete(id);
    return conn;
  }

  /** The browser's online/offline state, passed to every session (and to sessions opened later). */
  setNetwork(online: boolean): void {
    this.online = online;
    for (const c of this.conns.values()) c.session.setNetwork?.(online);
  }
}
