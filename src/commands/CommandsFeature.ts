import type { EngineFeature, EngineHost, FeatureFactory } from '../engine';
import { assertNever } from '../engine';
import type { PublishResult } from '../engine';
import { describeProperties, type AuditBackend, type AuditLimits } from './AuditLog';
import { AuditWriter } from './AuditWriter';
import { summarizePayload } from './payloadCodec';
import type { AuditAnswer, AuditPatch, AuditQuery, AuditRecord, AuditSource, CommandsCommand, CommandsDelta, PublishRequest } from './types';

export interface CommandsOptions {
  /** Where the audit is kept; null (no IndexedDB) keeps it in memory and says so. */
  readonly backend: AuditBackend | null;
  readonly limits?: AuditLimits;
  /** Fixed in tests; otherwise made from the clock and a random part. */
  readonly session?: string;
}

interface InFlight {
  /** The record's id once written (undefined when even memory failed). */
  readonly id: Promise<number | undefined>;
  /** A response topic on MQTT 5: "delivered" is not the last word, the reply (or its timeout) is. */
  readonly awaitingReply: boolean;
}

/**
 * Commands in the engine worker (issue 6 "Audit"): `commands/send` publishes a command and writes
 * its audit record, then follows its `publishResult`s to record the outcome (sent, delivered,
 * queued, failed with the reason, the reply with its round-trip time). The UI reads the audit with
 * `commands/auditQuery`; answers and a change counter travel in this feature's delta part.
 */
class CommandsFeature implements EngineFeature<'commands'> {
  readonly key = 'commands' as const;
  readonly session: string;
  private readonly audit: AuditWriter;
  private readonly inFlight = new Map<number, InFlight>();
  private version = 0;
  private sentVersion = 0;
  private answers: AuditAnswer[] = [];
  private problem: string | null = null;
  private problemSent = false;

  constructor(
    private readonly host: EngineHost,
    options: CommandsOptions,
  ) {
    this.session = options.session ?? `${host.clock.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.audit = new AuditWriter(
      options.backend,
      (problem) => {
        this.problem = problem;
        this.host.wake();
      },
      options.limits,
    );
  }

  handle(cmd: CommandsCommand): boolean {
    switch (cmd.type) {
      case 'commands/send':
        this.send(cmd.request, cmd.audit);
        return true;
      case 'commands/auditQuery':
        void this.answer(cmd.reqId, cmd.query);
        return true;
      default:
        return assertNever(cmd, 'commands command');
    }
  }

  onMessage(): void {
    // Replies are matched by the engine (ReplyTracker) and arrive as publish results.
  }

  onPublishResult(r: PublishResult): void {
    const flight = this.inFlight.get(r.reqId);
    if (!flight) return;
    let patch: AuditPatch;
    let final: boolean;
    if (r.outcome === 'reply') {
      patch = r.reply ? { reply: summarizePayload(r.reply.payload), rttMs: r.reply.rttMs } : {};
      final = true;
    } else {
      patch = r.reason ? { result: r.outcome, reason: r.reason } : { result: r.outcome };
      final = r.outcome === 'failed' || (!flight.awaitingReply && (r.outcome === 'sent' || r.outcome === 'delivered'));
    }
    if (final) this.inFlight.delete(r.reqId);
    void this.audit.update(flight.id, { ...patch, updatedAt: this.host.clock.now() }).then(this.changed);
  }

  flush(): CommandsDelta | undefined {
    const problemDue = this.problem !== null && !this.problemSent;
    if (!this.answers.length && this.version === this.sentVersion && !problemDue) return undefined;
    const out: { -readonly [K in keyof CommandsDelta]: CommandsDelta[K] } = {};
    if (this.version !== this.sentVersion) out.auditVersion = this.sentVersion = this.version;
    if (this.answers.length) out.audit = this.answers;
    if (problemDue && this.problem !== null) {
      out.storageProblem = this.problem;
      this.problemSent = true;
    }
    this.answers = [];
    return out;
  }

  private send(request: PublishRequest, source: AuditSource): void {
    const status = this.host.connectionStatus(request.connectionId);
    // MQTT 3.1.1 carries no properties: none are sent, none are recorded, no reply is awaited.
    const v5 = status?.protocolVersion !== 4;
    const record: AuditRecord = {
      at: this.host.clock.now(),
      session: this.session,
      connectionId: request.connectionId,
      connectionName: source.connectionName,
      clientId: status?.clientId ?? '',
      source: source.source,
      topic: request.topic,
      payload: summarizePayload(request.payload),
      payloadBytes: request.payload.length,
      qos: request.qos,
      retain: request.retain,
      properties: v5 ? describeProperties(request.properties) : '',
      result: 'pending',
    };
    const id = this.audit.append(record);
    void id.then(this.changed);
    // Registered before publishing: a refusal (no such connection) comes back synchronously.
    this.inFlight.set(request.reqId, { id, awaitingReply: v5 && !!request.properties?.responseTopic });
    this.host.publishRequest(request);
  }

  private async answer(reqId: number, query: AuditQuery): Promise<void> {
    try {
      const [records, total, dropped] = await this.audit.read((log) => Promise.all([log.query(query), log.count(), log.dropped()]));
      this.answers.push({ reqId, records, total, dropped, session: this.session });
    } catch (e) {
      this.answers.push({ reqId, records: [], total: 0, dropped: 0, session: this.session, error: (e as Error).message });
    }
    this.host.wake();
  }

  private readonly changed = (): void => {
    this.version++;
    this.host.wake();
  };
}

export const commandsFeature =
  (options: CommandsOptions): FeatureFactory =>
  (host) =>
    new CommandsFeature(host, options);
