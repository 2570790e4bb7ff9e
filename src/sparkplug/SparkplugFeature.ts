import type { EngineFeature, EngineHost } from '../engine';
import { assertNever } from '../engine';
import type { ConnectionStatus } from '../mqtt';
import type { DecodedPayload } from '../payload';
import { dataTypeName } from './datatypes';
import { encodeSparkplugPayload } from './encodeSparkplugPayload';
import type { EntityRecord, MetricRecord } from './EntityRecord';
import { NAMESPACE, sparkplugTopic } from './parseSparkplugTopic';
import { parseWriteValue } from './parseWriteValue';
import { NODE_CONTROL_REBIRTH, SparkplugHost, type HostEvents } from './SparkplugHost';
import type { SparkplugCommand, SparkplugDelta, SparkplugEntity, SparkplugMetricView, SparkplugTarget, SparkplugWriteResult } from './types';
import { compareEntities, entityView, metricView, targetKey } from './views';

/** A write is confirmed when DATA carries the metric again, or times out after this. */
export const WRITE_TIMEOUT_MS = 10_000;
/** The selected entity's metrics go out at most this often while DATA streams in (4×/s). */
const METRICS_MS = 250;

interface PendingWrite {
  readonly reqId: number;
  readonly key: string;
  readonly metric: string;
  readonly value: string;
  readonly sentAt: number;
  state: SparkplugWriteResult['state'];
  reason?: string;
}

/**
 * The Sparkplug B host feature (issue 13): one SparkplugHost per connection, fed by `decode`
 * (the engine calls it once per message under `spBv1.0/`, before every feature sees the
 * message), the UI's select/rebirth/write commands, and the `sparkplug` delta.
 */
export class SparkplugFeature implements EngineFeature<'sparkplug'> {
  readonly key = 'sparkplug' as const;
  private readonly hosts = new Map<string, SparkplugHost>();
  private readonly connected = new Set<string>();
  private selected: SparkplugTarget | null = null;
  private selectedKey = '';
  private sentVersion = -1;
  private selectionChanged = false;
  private lastMetricsAt = Number.NEGATIVE_INFINITY;
  private wakePending = false;
  private entitiesDirty = false;
  /** Latest write per metric (`targetKey|metric`), kept for the Metrics table until replaced. */
  private readonly writes = new Map<string, PendingWrite>();
  private pendingCount = 0;
  private results: SparkplugWriteResult[] = [];

  constructor(private readonly host: EngineHost) {}

  decode(connectionId: string, topic: string, payload: Uint8Array, now: number): DecodedPayload | undefined {
    if (!topic.startsWith(NAMESPACE)) return undefined;
    let h = this.hosts.get(connectionId);
    if (!h) this.hosts.set(connectionId, (h = new SparkplugHost(this.eventsFor(connectionId))));
    try {
      return h.ingest(topic, payload, now);
    } catch {
      // Payloads are untrusted: whatever they hold, the message is kept (as bytes) and the worker lives.
      return { kind: 'binary' };
    }
  }

  handle(cmd: SparkplugCommand): boolean {
    const now = this.host.clock.now();
    switch (cmd.type) {
      case 'sparkplug/select':
        this.selected = cmd.target;
        this.selectedKey = cmd.target ? targetKey(cmd.target) : '';
        this.selectionChanged = true;
        this.host.wake();
        return true;
      case 'sparkplug/rebirth': {
        const { connectionId, group, node } = cmd.target;
        const rec = this.hosts.get(connectionId)?.node(group, node);
        if (rec) this.hosts.get(connectionId)!.requestRebirth(rec, 'requested by the user', now, true);
        else this.publishRebirth(connectionId, group, node);
        return true;
      }
      case 'sparkplug/write':
        this.write(cmd.reqId, cmd.target, cmd.metric, cmd.value, now);
        return true;
      default:
        return assertNever(cmd, 'sparkplug command');
    }
  }

  onMessage(): void {
    // Everything happened in decode (once per message, before the other features).
  }

  onConnectionStatus(status: ConnectionStatus): void {
    if (status.state === 'connected') this.connected.add(status.id);
    else if (this.connected.delete(status.id)) this.hosts.get(status.id)?.connectionLost();
  }

  onTick(now: number): void {
    // A removed connection takes its nodes with it.
    for (const id of this.hosts.keys()) {
      if (this.host.connectionStatus(id) !== undefined) continue;
      this.hosts.delete(id);
      this.connected.delete(id);
      this.entitiesDirty = true;
      this.host.wake();
    }
    if (this.pendingCount === 0) return;
    for (const w of this.writes.values()) {
      if (w.state === 'pending' && now - w.sentAt >= WRITE_TIMEOUT_MS) this.settle(w, 'timed-out', `No DATA with ${w.metric} within ${WRITE_TIMEOUT_MS / 1000} s`);
    }
  }

  flush(now: number): SparkplugDelta | undefined {
    let entities: SparkplugEntity[] | undefined;
    if (this.entitiesDirty) {
      this.entitiesDirty = false;
      entities = this.entityList();
    }
    const metrics = this.metricsPart(now);
    const writes = this.results.length ? this.results : undefined;
    this.results = [];
    if (!entities && metrics === undefined && !writes) return undefined;
    return { ...(entities ? { entities } : {}), ...(metrics !== undefined ? { metrics } : {}), ...(writes ? { writes } : {}) };
  }

  private eventsFor(connectionId: string): HostEvents {
    return {
      requestRebirth: (node) => this.publishRebirth(connectionId, node.group, node.node),
      quality: (topics, good, reason) => this.host.quality?.({ connectionId, topics, good, reason }),
      entitiesChanged: () => {
        this.entitiesDirty = true;
      },
      metricArrived: (entity, metric) => {
        if (this.pendingCount === 0) return;
        const w = this.writes.get(`${targetKey({ connectionId, group: entity.group, node: entity.node, device: entity.device })}|${metric.name}`);
        if (w?.state === 'pending') this.settle(w, 'confirmed');
      },
    };
  }

  private publishRebirth(connectionId: string, group: string, node: string): void {
    const now = this.host.clock.now();
    const payload = encodeSparkplugPayload({ timestamp: now, metrics: [{ name: NODE_CONTROL_REBIRTH, datatype: 'Boolean', value: true }] });
    // Sparkplug: commands are QoS 0, not retained.
    this.host.publish(connectionId, sparkplugTopic('NCMD', group, node), payload, { qos: 0, retain: false });
  }

  private write(reqId: number, target: SparkplugTarget, metricName: string, text: string, now: number): void {
    const entity = this.entity(target);
    const metric = entity?.metrics.get(metricName);
    const fail = (reason: string): void => {
      this.results.push({ reqId, state: 'failed', reason });
      this.host.wake();
    };
    if (!entity || !metric) return fail(`${metricName} is not in the ${target.device === undefined ? 'NBIRTH' : 'DBIRTH'} of ${target.device ?? target.node}`);
    const datatype = dataTypeName(metric.datatype);
    const parsed = parseWriteValue(datatype, text);
    if (!parsed.ok) return fail(parsed.error);
    // Sparkplug 3.0: a metric with an alias is addressed by its alias only in NCMD/DCMD.
    const out = metric.alias !== undefined ? { alias: metric.alias } : { name: metric.name };
    const payload = encodeSparkplugPayload({ timestamp: now, metrics: [{ ...out, timestamp: now, datatype, value: parsed.value }] });
    const key = `${targetKey(target)}|${metricName}`;
    const w: PendingWrite = { reqId, key, metric: metricName, value: text.trim(), sentAt: now, state: 'pending' };
    const previous = this.writes.get(key);
    if (previous?.state === 'pending') this.settle(previous, 'failed', 'Replaced by a newer write');
    this.writes.set(key, w);
    this.pendingCount++;
    this.results.push({ reqId, state: 'pending' });
    this.touch(key);
    const topic = sparkplugTopic(target.device === undefined ? 'NCMD' : 'DCMD', target.group, target.node, target.device);
    this.host.publish(target.connectionId, topic, payload, { qos: 0, retain: false }, (error) => {
      if (error && w.state === 'pending') this.settle(w, 'failed', error);
    });
  }

  private settle(w: PendingWrite, state: SparkplugWriteResult['state'], reason?: string): void {
    w.state = state;
    w.reason = reason;
    this.pendingCount--;
    this.results.push(reason ? { reqId: w.reqId, state, reason } : { reqId: w.reqId, state });
    this.touch(w.key);
  }

  /** A write of the selected entity changed: its metrics go out again. */
  private touch(writeKey: string): void {
    if (this.selected && writeKey.startsWith(`${this.selectedKey}|`)) this.sentVersion = -1;
    this.host.wake();
  }

  private entity(t: SparkplugTarget): EntityRecord | undefined {
    const node = this.hosts.get(t.connectionId)?.node(t.group, t.node);
    return t.device === undefined ? node : node?.devices.get(t.device);
  }

  private entityList(): SparkplugEntity[] {
    const out: SparkplugEntity[] = [];
    for (const [connectionId, h] of this.hosts) {
      for (const node of h.nodes.values()) {
        out.push(entityView(connectionId, node, node));
        for (const d of node.devices.values()) out.push(entityView(connectionId, d, node));
      }
    }
    return out.sort(compareEntities);
  }

  /** The selected entity's metrics when they changed (throttled), null after a deselect, else undefined. */
  private metricsPart(now: number): SparkplugDelta['metrics'] {
    const target = this.selected;
    if (!target) {
      if (!this.selectionChanged) return undefined;
      this.selectionChanged = false;
      return null;
    }
    const entity = this.entity(target);
    const version = entity ? entity.version : 0;
    if (!this.selectionChanged && version === this.sentVersion) return undefined;
    if (!this.selectionChanged && now - this.lastMetricsAt < METRICS_MS) {
      this.wakeLater(METRICS_MS - (now - this.lastMetricsAt));
      return undefined;
    }
    this.selectionChanged = false;
    this.sentVersion = version;
    this.lastMetricsAt = now;
    const stale = !entity || entity.state !== 'online';
    const metrics: SparkplugMetricView[] = [];
    for (const m of entity?.metrics.values() ?? []) metrics.push(metricView(m, stale, this.writeOf(target, m)));
    metrics.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { target, metrics };
  }

  private writeOf(target: SparkplugTarget, m: MetricRecord): SparkplugMetricView['write'] {
    if (this.writes.size === 0) return undefined;
    const w = this.writes.get(`${targetKey(target)}|${m.name}`);
    return w && (w.reason ? { state: w.state, value: w.value, reason: w.reason } : { state: w.state, value: w.value });
  }

  private wakeLater(ms: number): void {
    if (this.wakePending) return;
    this.wakePending = true;
    this.host.clock.setTimer(() => {
      this.wakePending = false;
      this.host.wake();
    }, ms);
  }
}

/** The feature factory for features.ts. */
export function sparkplugFeature(host: EngineHost): EngineFeature<'sparkplug'> {
  return new SparkplugFeature(host);
}
