import type { DecodedPayload, SparkplugMetricValue } from '../payload';
import { decodeSparkplugPayload } from './decodeSparkplugPayload';
import { EntityRecord, NodeRecord, type MetricRecord } from './EntityRecord';
import { parseSparkplugTopic } from './parseSparkplugTopic';
import type { SpPayload } from './payloadTypes';
import { DT } from './datatypes';
import { shortFloat, valueText } from './valueText';

/** At most one automatic rebirth request per edge node per this long (each costs the edge a full BIRTH). */
export const REBIRTH_INTERVAL_MS = 5000;

/** What the host tells its feature. */
export interface HostEvents {
  /** Publish NCMD `Node Control/Rebirth` = true (already rate-limited). */
  requestRebirth(node: NodeRecord, reason: string): void;
  /** Topics whose source went bad (death, stale) or good (birth). */
  quality(topics: readonly string[], good: boolean, reason: string): void;
  /** An entity appeared or changed state. */
  entitiesChanged(): void;
  /** DATA carried this metric (write confirmations). */
  metricArrived(entity: EntityRecord, metric: MetricRecord): void;
}

/** A host application's STATE (`spBv1.0/STATE/<id>`). */
export interface HostState {
  readonly online: boolean;
  readonly timestamp: number | undefined;
}

/** The NCMD metric every edge node answers with a full rebirth (never aliased, so any host can send it). */
export const NODE_CONTROL_REBIRTH = 'Node Control/Rebirth';

/**
 * The Sparkplug B host model of one connection (Sparkplug 3.0 ch. 5): group → edge node →
 * device → metric, aliases from BIRTHs, session rules (bdSeq, seq 0–255 with wrap), and when a
 * node is out of step a rate-limited rebirth request. Fed every message under `spBv1.0/`, once.
 */
export class SparkplugHost {
  readonly nodes = new Map<string, NodeRecord>();
  readonly hostStates = new Map<string, HostState>();

  constructor(private readonly events: HostEvents) {}

  /**
   * Decodes and applies one message. Returns the decoded payload (metric names resolved), or
   * undefined for topics that are not Sparkplug node topics (STATE is JSON: the generic decoder's).
   */
  ingest(topic: string, bytes: Uint8Array, now: number): DecodedPayload | undefined {
    const t = parseSparkplugTopic(topic);
    if (!t) return undefined;
    if (t.kind === 'state') {
      this.onState(t.hostId, bytes);
      return undefined;
    }
    const node = this.nodeOf(t.group, t.node);
    const entity = t.device === undefined ? node : this.deviceOf(node, t.device);
    let p: SpPayload;
    try {
      p = decodeSparkplugPayload(bytes, entity);
    } catch {
      if (t.type !== 'NCMD' && t.type !== 'DCMD') this.outOfStep(node, entity, 'malformed payload', now);
      return { kind: 'binary' };
    }
    const metrics = new Map<string, SparkplugMetricValue>();
    switch (t.type) {
      case 'NBIRTH':
        this.onNodeBirth(node, p, now);
        break;
      case 'NDEATH':
        this.onNodeDeath(node, p, now);
        break;
      case 'DBIRTH':
        this.checkSeq(node, p, now);
        entity.birth(p, now);
        if (!node.born) this.outOfStep(node, node, 'DBIRTH before NBIRTH', now);
        this.events.quality([entity.dataTopic], true, `Device ${entity.device} born (DBIRTH)`);
        this.events.entitiesChanged();
        break;
      case 'DDEATH':
        this.checkSeq(node, p, now);
        entity.die(now);
        this.events.quality([entity.dataTopic], false, `Device ${entity.device} died (DDEATH)`);
        this.events.entitiesChanged();
        break;
      case 'NDATA':
      case 'DDATA':
        this.checkSeq(node, p, now);
        this.onData(node, entity, p, now, metrics);
        return { kind: 'sparkplug', metrics, describer: entity };
      case 'NCMD':
      case 'DCMD':
        break;
    }
    const ts = p.timestamp ?? now;
    for (const m of p.metrics) {
      const rec = entity.lookup(m.alias, m.name);
      const name = m.name ?? rec?.name;
      const float = (m.datatype || rec?.datatype) === DT.Float && typeof m.value === 'number';
      if (name !== undefined) metrics.set(name, metricValue(float ? shortFloat(m.value as number) : m.value, m.timestamp ?? ts, m.historical));
    }
    const born = t.type === 'NBIRTH' || t.type === 'DBIRTH';
    return { kind: 'sparkplug', metrics, describer: entity, ...(born && { alsoTopic: entity.dataTopic }) };
  }

  /** A node asked for by the user (button) or out of step: NCMD rebirth, at most once per interval unless forced. */
  requestRebirth(node: NodeRecord, reason: string, now: number, force = false): void {
    if (!force && now - node.lastRebirthAt < REBIRTH_INTERVAL_MS) return;
    node.lastRebirthAt = now;
    this.events.requestRebirth(node, reason);
  }

  /** The broker connection dropped: every live node's values are stale until it is heard from again. */
  connectionLost(): void {
    const topics: string[] = [];
    for (const node of this.nodes.values()) {
      for (const e of [node, ...node.devices.values()]) {
        if (e.state !== 'online') continue;
        e.setState('stale', 'broker connection lost');
        topics.push(e.dataTopic);
      }
      // The session is unknown after a reconnect: the next DATA asks for a rebirth.
      node.born = false;
      for (const d of node.devices.values()) d.born = false;
      node.nextSeq = -1;
    }
    if (!topics.length) return;
    this.events.quality(topics, false, 'Broker connection lost');
    this.events.entitiesChanged();
  }

  node(group: string, node: string): NodeRecord | undefined {
    return this.nodes.get(`${group}/${node}`);
  }

  private nodeOf(group: string, name: string): NodeRecord {
    const key = `${group}/${name}`;
    let node = this.nodes.get(key);
    if (!node) {
      node = new NodeRecord(group, name);
      this.nodes.set(key, node);
      this.events.entitiesChanged();
    }
    return node;
  }

  private deviceOf(node: NodeRecord, name: string): EntityRecord {
    let device = node.devices.get(name);
    if (!device) {
      device = new EntityRecord(node.group, node.node, name);
      node.devices.set(name, device);
      this.events.entitiesChanged();
    }
    return device;
  }

  private onNodeBirth(node: NodeRecord, p: SpPayload, now: number): void {
    node.birth(p, now);
    const bdSeq = node.metrics.get('bdSeq');
    node.bdSeq = bdSeq && bdSeq.value !== null ? valueText(bdSeq.datatype, bdSeq.value) : undefined;
    node.nextSeq = ((p.seq ?? 0) + 1) & 255;
    this.events.quality([node.dataTopic], true, `Edge node ${node.node} born (NBIRTH)`);
    this.events.entitiesChanged();
  }

  private onNodeDeath(node: NodeRecord, p: SpPayload, now: number): void {
    const m = p.metrics.find((x) => x.name === 'bdSeq');
    const bdSeq = m && m.value !== null ? valueText(m.datatype, m.value) : undefined;
    // A late Will of an older session (its bdSeq is not this session's) must not kill the new one.
    if (bdSeq !== undefined && node.bdSeq !== undefined && bdSeq !== node.bdSeq) return;
    node.die(now);
    node.nextSeq = -1;
    const topics = [node.dataTopic];
    for (const d of node.devices.values()) {
      if (d.state !== 'offline') d.die(now);
      else d.born = false;
      topics.push(d.dataTopic);
    }
    this.events.quality(topics, false, `Edge node ${node.node} died (NDEATH)`);
    this.events.entitiesChanged();
  }

  /** seq runs 0–255 across NBIRTH, NDATA, DBIRTH, DDATA, DDEATH of one node, wrapping 255 → 0. */
  private checkSeq(node: NodeRecord, p: SpPayload, now: number): void {
    const seq = p.seq;
    if (seq === undefined || node.nextSeq < 0) return;
    const expected = node.nextSeq;
    node.nextSeq = (seq + 1) & 255;
    if (seq !== expected) this.outOfStep(node, node, `seq ${seq}, expected ${expected}`, now);
  }

  private onData(node: NodeRecord, entity: EntityRecord, p: SpPayload, now: number, out: Map<string, SparkplugMetricValue>): void {
    if (!entity.born) this.outOfStep(node, entity, entity === node ? 'NDATA before NBIRTH' : 'DDATA before DBIRTH', now);
    const ts = p.timestamp ?? now;
    let unknown: number | string | undefined;
    for (const m of p.metrics) {
      let rec = entity.lookup(m.alias, m.name);
      if (!rec) {
        if (entity.born || m.name === undefined) {
          unknown ??= m.name ?? m.alias;
          continue;
        }
        rec = entity.adopt(m);
        if (!rec) continue;
      }
      rec.take(m, ts);
      out.set(rec.name, metricValue(rec.datatype === DT.Float && typeof m.value === 'number' ? shortFloat(m.value) : m.value, rec.timestamp, m.historical));
      this.events.metricArrived(entity, rec);
    }
    entity.version++;
    if (unknown !== undefined) this.outOfStep(node, entity, typeof unknown === 'number' ? `unknown alias ${unknown}` : `unknown metric "${unknown}"`, now);
  }

  /** Marks `entity` (and, for a node, its live devices) stale and asks its node for a rebirth. */
  private outOfStep(node: NodeRecord, entity: EntityRecord, reason: string, now: number): void {
    const affected = entity === node ? [node, ...node.devices.values()].filter((e) => e === node || e.state === 'online') : [entity];
    const topics: string[] = [];
    for (const e of affected) if (e.setState('stale', reason)) topics.push(e.dataTopic);
    if (topics.length) {
      this.events.quality(topics, false, `${entity.device ?? entity.node}: ${reason}`);
      this.events.entitiesChanged();
    }
    this.requestRebirth(node, reason, now);
  }

  private onState(hostId: string, bytes: Uint8Array): void {
    const text = new TextDecoder().decode(bytes).trim();
    // Sparkplug 3.0: JSON {"online":bool,"timestamp":ms}; before 3.0 the text ONLINE / OFFLINE.
    if (text === 'ONLINE' || text === 'OFFLINE') {
      this.hostStates.set(hostId, { online: text === 'ONLINE', timestamp: undefined });
      return;
    }
    try {
      const j = JSON.parse(text) as { online?: unknown; timestamp?: unknown };
      if (typeof j.online === 'boolean') this.hostStates.set(hostId, { online: j.online, timestamp: typeof j.timestamp === 'number' ? j.timestamp : undefined });
    } catch {
      // Not a STATE payload: nothing to record.
    }
  }
}

function metricValue(value: unknown, timestamp: number, historical: boolean): SparkplugMetricValue {
  // Series and alarms want scalars; DataSets, Templates and bytes are for the Metrics table.
  const v = value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : null;
  return historical ? { value: v, timestamp, historical } : { value: v, timestamp };
}
