/**
 * The commands feature's messages (worker ⇄ UI) and the audit record they carry. Type-only, so
 * `engine/protocol.ts` can depend on it without depending on feature code.
 */
import type { MessageProperties, QoS } from '../mqtt/types';

/** One command for the broker, as the UI asks for it. */
export interface PublishRequest {
  readonly reqId: number;
  readonly connectionId: string;
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly properties?: MessageProperties;
  /** With a responseTopic: how long to wait for the matching reply. */
  readonly responseTimeoutMs?: number;
  /** QoS 0 while offline is refused unless the user agreed to queue it. */
  readonly queueWhileOffline?: boolean;
}

/**
 * The command audit (issue 6 "Audit"): one record per command sent, with its outcome. Append-only
 * apart from the outcome, bounded (see AuditLimits).
 */
export type AuditResult = 'pending' | 'queued' | 'sent' | 'delivered' | 'failed';

export interface AuditRecord {
  id?: number;
  readonly at: number;
  /** Engine session that sent it: a pending record from an older session never got its result. */
  readonly session: string;
  readonly connectionId: string;
  readonly connectionName: string;
  readonly clientId: string;
  /** What sent it: "Publish", "Template Stop line 1", "Widget Line 1 setpoint". */
  readonly source: string;
  readonly topic: string;
  /** Text summary (see summarizePayload), never the raw bytes. */
  readonly payload: string;
  readonly payloadBytes: number;
  readonly qos: QoS;
  readonly retain: boolean;
  /** MQTT 5 properties in words (see describeProperties). */
  readonly properties: string;
  result: AuditResult;
  reason?: string;
  /** Request/response: the reply's summary and round-trip time. */
  reply?: string;
  rttMs?: number;
  updatedAt?: number;
}

export type AuditPatch = Partial<Pick<AuditRecord, 'result' | 'reason' | 'reply' | 'rttMs' | 'updatedAt'>>;

/** What only the UI knows about a command, for its audit record. */
export interface AuditSource {
  /** "Publish", "Template Stop line 1", "Widget Line 1 setpoint". */
  readonly source: string;
  /** The connection's name in the site config (the worker knows only its id). */
  readonly connectionName: string;
}

/** Which audit records to read. Without a limit, every matching record. */
export interface AuditQuery {
  readonly limit?: number;
  /** Newest first (the table) or oldest first (the CSV). Default newest. */
  readonly order?: 'newest' | 'oldest';
  readonly connectionId?: string;
  readonly result?: AuditResult;
  /** Records sent at or after this time (ms). */
  readonly since?: number;
}

/** The answer to one `commands/auditQuery`. */
export interface AuditAnswer {
  readonly reqId: number;
  readonly records: readonly AuditRecord[];
  /** Records kept in all (not only those matching). */
  readonly total: number;
  /** Oldest records dropped so far to stay within the limit. */
  readonly dropped: number;
  /** The engine's session: pending records of another session never got their result. */
  readonly session: string;
  readonly error?: string;
}

export type CommandsCommand =
  /** Publishes `request` (results come as `publishResult`) and audits it with its outcome. */
  | { type: 'commands/send'; request: PublishRequest; audit: AuditSource }
  | { type: 'commands/auditQuery'; reqId: number; query: AuditQuery };

/** The commands feature's part of a delta. */
export interface CommandsDelta {
  /** Bumps whenever audit records were added or changed: the audit view reads again. */
  readonly auditVersion?: number;
  /** Answers to `commands/auditQuery`, by reqId. */
  readonly audit?: readonly AuditAnswer[];
  /** Set once the audit could not be written to IndexedDB and is kept in memory instead. */
  readonly storageProblem?: string;
}
