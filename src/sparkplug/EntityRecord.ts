import type { PayloadDescriber } from '../payload';
import { DT, dataTypeName } from './datatypes';
import { decodeSparkplugPayload, type BirthTypes } from './decodeSparkplugPayload';
import { sparkplugTopic } from './parseSparkplugTopic';
import type { SpMetric, SpPayload, SpPropertySet, SpValue } from './payloadTypes';
import type { SparkplugState } from './types';
import { plain, plainProperties, shortFloat, valueText } from './valueText';

/** One metric as the host knows it: declared by a BIRTH, updated by DATA. */
export class MetricRecord {
  value: SpValue = null;
  timestamp = 0;
  historical = false;
  transient = false;
  units: string | undefined;
  quality: string | undefined;

  constructor(
    readonly name: string,
    readonly alias: number | undefined,
    /** From the BIRTH; 0 for a metric first seen in DATA without a BIRTH. */
    readonly datatype: number,
  ) {}

  /** Takes a decoded DATA/BIRTH metric; `ts` is the payload's time when the metric has none. */
  take(m: SpMetric, ts: number): void {
    this.value = m.value;
    this.timestamp = m.timestamp ?? ts;
    this.historical = m.historical;
    this.transient = m.transient;
    if (m.properties) this.takeProperties(m.properties);
  }

  private takeProperties(p: SpPropertySet): void {
    // Sparkplug names it engUnit; Ignition and others write engUnits.
    const units = p.get('engUnit') ?? p.get('engUnits');
    if (units && typeof units.value === 'string') this.units = units.value;
    const q = p.get('Quality');
    if (q && typeof q.value === 'number') this.quality = qualityText(q.value);
  }
}

function qualityText(q: number): string {
  if (q === 192) return 'Good (192)';
  if (q === 0) return 'Bad (0)';
  if (q === 500) return 'Stale (500)';
  return String(q);
}

/**
 * An edge node (device undefined) or a device: state, birth/death times and its metrics by name
 * and alias. It types DATA values from its BIRTH (BirthTypes) and describes its topics'
 * payloads for the Message region (PayloadDescriber).
 */
export class EntityRecord implements BirthTypes, PayloadDescriber {
  state: SparkplugState = 'offline';
  birthAt: number | null = null;
  deathAt: number | null = null;
  reason: string | undefined;
  /** A BIRTH of this session was seen (DEATH clears it). */
  born = false;
  /** Bumped on every change of a metric or of the state: the selected entity's metrics go out when it moved. */
  version = 0;
  readonly metrics = new Map<string, MetricRecord>();
  private byAlias = new Map<number, MetricRecord>();
  /** Its NDATA/DDATA topic: what alarms and series follow (quality changes name it). */
  readonly dataTopic: string;

  constructor(
    readonly group: string,
    readonly node: string,
    readonly device: string | undefined,
  ) {
    this.dataTopic = sparkplugTopic(device === undefined ? 'NDATA' : 'DDATA', group, node, device);
  }

  lookup(alias: number | undefined, name: string | undefined): MetricRecord | undefined {
    if (alias !== undefined) {
      const m = this.byAlias.get(alias);
      if (m) return m;
    }
    return name === undefined ? undefined : this.metrics.get(name);
  }

  datatypeOf(alias: number | undefined, name: string | undefined): number {
    return this.lookup(alias, name)?.datatype ?? 0;
  }

  /** A BIRTH replaces every metric and alias (a rebirth may change them). */
  birth(p: SpPayload, now: number): void {
    this.metrics.clear();
    this.byAlias.clear();
    const ts = p.timestamp ?? now;
    for (const m of p.metrics) {
      if (m.name === undefined) continue;
      const rec = new MetricRecord(m.name, m.alias, m.datatype);
      rec.take(m, ts);
      this.metrics.set(m.name, rec);
      if (m.alias !== undefined) this.byAlias.set(m.alias, rec);
    }
    this.born = true;
    this.birthAt = now;
    this.setState('online', undefined);
  }

  /** A metric first seen in DATA (no BIRTH yet): kept by name so a mid-session join still shows values. */
  adopt(m: SpMetric): MetricRecord | undefined {
    if (m.name === undefined) return undefined;
    const rec = new MetricRecord(m.name, m.alias, m.datatype);
    this.metrics.set(m.name, rec);
    return rec;
  }

  setState(state: SparkplugState, reason: string | undefined): boolean {
    if (this.state === state && this.reason === reason) return false;
    this.state = state;
    this.reason = reason;
    this.version++;
    return true;
  }

  die(now: number): void {
    this.born = false;
    this.deathAt = now;
    this.setState('offline', undefined);
  }

  describe(bytes: Uint8Array): string {
    try {
      const p = decodeSparkplugPayload(bytes, this);
      return JSON.stringify(
        {
          timestamp: p.timestamp,
          seq: p.seq,
          uuid: p.uuid,
          metrics: p.metrics.map((m) => {
            const rec = this.lookup(m.alias, m.name);
            const type = m.datatype || rec?.datatype || 0;
            return {
              name: m.name ?? rec?.name,
              alias: m.alias,
              datatype: dataTypeName(type),
              value: typeof m.value === 'number' && type === DT.Float ? shortFloat(m.value) : plain(m.value),
              timestamp: m.timestamp,
              isNull: m.isNull || undefined,
              isHistorical: m.historical || undefined,
              isTransient: m.transient || undefined,
              properties: m.properties ? plainProperties(m.properties) : undefined,
              metadata: m.metadata,
            };
          }),
          body: p.body ? `${p.body.length} bytes` : undefined,
        },
        null,
        2,
      );
    } catch (e) {
      return `Not a valid Sparkplug B payload: ${(e as Error).message}`;
    }
  }

  summary(bytes: Uint8Array): string {
    try {
      const p = decodeSparkplugPayload(bytes, this);
      const parts: string[] = [];
      for (const m of p.metrics) {
        if (parts.length === 4) break;
        const rec = this.lookup(m.alias, m.name);
        parts.push(`${m.name ?? rec?.name ?? `#${m.alias}`}=${valueText(m.datatype || rec?.datatype || 0, m.value)}`);
      }
      return `${p.metrics.length} metric${p.metrics.length === 1 ? '' : 's'}${p.seq === undefined ? '' : `, seq ${p.seq}`}: ${parts.join(', ')}`;
    } catch {
      return 'Sparkplug B (malformed)';
    }
  }
}

/** An edge node: its session (bdSeq, seq) and its devices. */
export class NodeRecord extends EntityRecord {
  bdSeq: string | undefined;
  /** The seq the next NDATA/DBIRTH/DDATA/DDEATH must carry; -1 before an NBIRTH. */
  nextSeq = -1;
  lastRebirthAt = Number.NEGATIVE_INFINITY;
  readonly devices = new Map<string, EntityRecord>();

  constructor(group: string, node: string) {
    super(group, node, undefined);
  }
}
