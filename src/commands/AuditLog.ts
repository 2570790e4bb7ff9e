import { csvDocument } from '../format';
import type { MessageProperties } from '../mqtt';
import type { AuditPatch, AuditQuery, AuditRecord } from './types';

/** Where records live: IndexedDB in the app, memory in tests. Both pass the same contract suite. */
export interface AuditBackend {
  add(record: AuditRecord): Promise<number>;
  update(id: number, patch: AuditPatch): Promise<void>;
  count(): Promise<number>;
  /** Deletes the `n` oldest records; returns how many went. */
  deleteOldest(n: number): Promise<number>;
  /** Newest first. */
  latest(limit: number): Promise<AuditRecord[]>;
  /** Oldest first. */
  all(): Promise<AuditRecord[]>;
  readDropped(): Promise<number>;
  writeDropped(n: number): Promise<void>;
  clear(): Promise<void>;
}

export interface AuditLimits {
  /** Most records kept. */
  readonly max: number;
  /** After an overflow, trim down to this many, so trimming happens in bulk, not per record. */
  readonly trimTo: number;
}

export const DEFAULT_AUDIT_LIMITS: AuditLimits = { max: 10_000, trimTo: 9_000 };

/**
 * The command audit (issue 6 "Audit"): one record per command sent, with its outcome. Append-only
 * apart from the outcome, bounded: past `max` records the oldest are dropped in bulk and counted.
 * The engine worker owns it (CommandsFeature); the UI reads it through `commands/auditQuery`.
 */
export class AuditLog {
  constructor(
    private readonly backend: AuditBackend,
    private readonly limits: AuditLimits = DEFAULT_AUDIT_LIMITS,
  ) {}

  async append(record: AuditRecord): Promise<number> {
    const id = await this.backend.add(record);
    const n = await this.backend.count();
    if (n > this.limits.max) {
      const gone = await this.backend.deleteOldest(n - this.limits.trimTo);
      await this.backend.writeDropped((await this.backend.readDropped()) + gone);
    }
    return id;
  }

  update(id: number, patch: AuditPatch): Promise<void> {
    return this.backend.update(id, patch);
  }

  latest(limit: number): Promise<AuditRecord[]> {
    return this.backend.latest(limit);
  }

  all(): Promise<AuditRecord[]> {
    return this.backend.all();
  }

  count(): Promise<number> {
    return this.backend.count();
  }

  /** The records matching `q`, newest first unless asked otherwise, at most `q.limit`. */
  async query(q: AuditQuery): Promise<AuditRecord[]> {
    const newest = (q.order ?? 'newest') === 'newest';
    if (newest && q.limit !== undefined && !isFiltered(q)) return this.backend.latest(q.limit);
    // Bounded by `limits.max` (10 000 records), so filtering in memory is fine.
    const out = isFiltered(q) ? (await this.backend.all()).filter((r) => matchesQuery(r, q)) : await this.backend.all();
    if (newest) out.reverse();
    return q.limit === undefined ? out : out.slice(0, q.limit);
  }

  /** Records dropped so far to stay within the limit (shown in the audit view). */
  dropped(): Promise<number> {
    return this.backend.readDropped();
  }

  async clear(): Promise<void> {
    await this.backend.clear();
    await this.backend.writeDropped(0);
  }
}

const isFiltered = (q: AuditQuery) => q.connectionId !== undefined || q.result !== undefined || q.since !== undefined;

function matchesQuery(r: AuditRecord, q: AuditQuery): boolean {
  return (
    (q.connectionId === undefined || r.connectionId === q.connectionId) &&
    (q.result === undefined || r.result === q.result) &&
    (q.since === undefined || r.at >= q.since)
  );
}

/** For tests and for browsers without IndexedDB. */
export class MemoryAuditBackend implements AuditBackend {
  private records: AuditRecord[] = [];
  private nextId = 1;
  private droppedCount = 0;

  async add(record: AuditRecord): Promise<number> {
    const id = this.nextId++;
    this.records.push({ ...record, id });
    return id;
  }
  async update(id: number, patch: AuditPatch): Promise<void> {
    const r = this.records.find((x) => x.id === id);
    if (r) Object.assign(r, patch);
  }
  async count(): Promise<number> {
    return this.records.length;
  }
  async deleteOldest(n: number): Promise<number> {
    const gone = Math.min(n, this.records.length);
    this.records.splice(0, gone);
    return gone;
  }
  async latest(limit: number): Promise<AuditRecord[]> {
    return this.records.slice(-limit).reverse().map((r) => ({ ...r }));
  }
  async all(): Promise<AuditRecord[]> {
    return this.records.map((r) => ({ ...r }));
  }
  async readDropped(): Promise<number> {
    return this.droppedCount;
  }
  async writeDropped(n: number): Promise<void> {
    this.droppedCount = n;
  }
  async clear(): Promise<void> {
    this.records = [];
  }
}

/** MQTT 5 properties in words for the audit and the CSV, e.g. "expiry 30 s; response topic r/1". */
export function describeProperties(p: MessageProperties | undefined): string {
  if (!p) return '';
  const parts: string[] = [];
  if (p.contentType) parts.push(`content type ${p.contentType}`);
  if (p.payloadFormatIndicator !== undefined) parts.push(`payload format ${p.payloadFormatIndicator ? 'UTF-8' : 'bytes'}`);
  if (p.messageExpiryInterval !== undefined) parts.push(`expiry ${p.messageExpiryInterval} s`);
  if (p.responseTopic) parts.push(`response topic ${p.responseTopic}`);
  if (p.correlationData) parts.push(`correlation ${new TextDecoder().decode(p.correlationData)}`);
  if (p.userProperties) {
    const pairs = Object.entries(p.userProperties).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${x}`));
    if (pairs.length) parts.push(`user ${pairs.join(', ')}`);
  }
  return parts.join('; ');
}

const CSV_COLUMNS = [
  'time', 'connection', 'client id', 'source', 'topic', 'payload', 'bytes', 'qos', 'retain', 'properties', 'result', 'reason', 'reply', 'round trip ms',
] as const;

/**
 * The audit as CSV. The columns and the `result` codes (pending, queued, sent, delivered, failed)
 * are stable for scripts in every UI language; `resultText`, when given, adds a last column
 * "result text" with the result as the UI reads it (in the operator's language).
 */
export function auditToCsv(records: readonly AuditRecord[], resultText?: (r: AuditRecord) => string): string {
  const rows = records.map((r) => {
    const row = [
      new Date(r.at).toISOString(), r.connectionName || r.connectionId, r.clientId, r.source, r.topic, r.payload, r.payloadBytes, r.qos,
      r.retain ? 'yes' : 'no', r.properties, r.result, r.reason, r.reply, r.rttMs,
    ];
    return resultText ? [...row, resultText(r)] : row;
  });
  return csvDocument([resultText ? [...CSV_COLUMNS, 'result text'] : CSV_COLUMNS, ...rows]);
}
