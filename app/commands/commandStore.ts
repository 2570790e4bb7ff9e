import { create } from 'zustand';
import { describeProperties, summarizePayload, type AuditResult } from '../../src/commands';
import type { PublishOutcome, PublishResult } from '../../src/engine/protocol';
import type { MessageProperties, QoS } from '../../src/mqtt/types';
import { engine } from '../engine/engineClient';
import { useEngineStore } from '../state/engineStore';
import { useSiteStore } from '../state/siteStore';
import { appendAudit, updateAudit } from './auditStore';

/**
 * Every command the UI sends goes through `sendCommand` (Publish region, templates, widgets): one
 * place that talks to the engine, follows the result and writes the audit. Each sender has a slot
 * (e.g. "publish" or a widget id) showing its latest command's status.
 */
export interface CommandInput {
  readonly connectionId: string;
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly properties?: MessageProperties;
  readonly replyTimeoutMs?: number;
  readonly queueWhileOffline?: boolean;
  /** For the audit: "Publish", "Template Stop line 1", "Widget Line 1 setpoint". */
  readonly source: string;
}

export type RunTone = 'pending' | 'ok' | 'failed';

export interface CommandRun {
  readonly reqId: number;
  readonly startedAt: number;
  readonly outcome: PublishOutcome | 'sending' | 'cancelled';
  /** Contract wording: "Sent", "Delivered", "Queued…", "Failed: <reason>". */
  readonly text: string;
  readonly tone: RunTone;
  readonly awaitingReply: boolean;
  readonly reply?: { readonly topic: string; readonly text: string; readonly rttMs: number };
}

interface CommandState {
  runs: Record<string, CommandRun>;
}

export const useCommandStore = create<CommandState>(() => ({ runs: {} }));

const QUEUED_TEXT = 'Queued: will be sent when the connection is back';

function textFor(r: PublishResult): { text: string; tone: RunTone } {
  switch (r.outcome) {
    case 'sent':
      return { text: 'Sent', tone: 'ok' };
    case 'delivered':
      return { text: 'Delivered', tone: 'ok' };
    case 'queued':
      return { text: QUEUED_TEXT, tone: 'pending' };
    case 'failed':
      return { text: `Failed: ${r.reason ?? 'unknown reason'}`, tone: 'failed' };
    case 'reply':
      return { text: 'Delivered', tone: 'ok' };
  }
}

function setRun(slot: string, reqId: number, patch: (run: CommandRun) => Partial<CommandRun>): void {
  useCommandStore.setState((s) => {
    const run = s.runs[slot];
    // A newer command in the same slot replaces what it shows; the older one still reaches the audit.
    if (!run || run.reqId !== reqId) return s;
    return { runs: { ...s.runs, [slot]: { ...run, ...patch(run) } } };
  });
}

/** Shows a problem found before sending (invalid input) in a slot, like a failed command. */
export function showCommandError(slot: string, reason: string): void {
  useCommandStore.setState((s) => ({
    runs: { ...s.runs, [slot]: { reqId: -1, startedAt: Date.now(), outcome: 'failed', text: `Failed: ${reason}`, tone: 'failed', awaitingReply: false } },
  }));
}

/** The operator declined a confirmation: say so, so an older status is not mistaken for this one. */
export function showCommandCancelled(slot: string): void {
  useCommandStore.setState((s) => ({
    runs: { ...s.runs, [slot]: { reqId: -1, startedAt: Date.now(), outcome: 'cancelled', text: 'Cancelled: nothing was sent', tone: 'pending', awaitingReply: false } },
  }));
}

export function clearCommandRun(slot: string): void {
  useCommandStore.setState((s) => {
    const { [slot]: _gone, ...runs } = s.runs;
    return { runs };
  });
}

/** Sends a command, shows its progress in `slot`, and journals it with its outcome. */
export function sendCommand(slot: string, input: CommandInput): number {
  const reqId = engine.newRequestId();
  const startedAt = Date.now();
  const connection = useSiteStore.getState().config.connections.find((c) => c.id === input.connectionId);
  // MQTT 3.1.1 carries no response topic, so no reply is awaited there.
  const awaitingReply = !!input.properties?.responseTopic && connection?.protocolVersion !== 4;
  useCommandStore.setState((s) => ({
    runs: { ...s.runs, [slot]: { reqId, startedAt, outcome: 'sending', text: 'Sending', tone: 'pending', awaitingReply } },
  }));

  const status = useEngineStore.getState().connections[input.connectionId];
  const auditId = appendAudit({
    at: startedAt,
    connectionId: input.connectionId,
    connectionName: connection?.name || input.connectionId,
    clientId: status?.clientId ?? '',
    source: input.source,
    topic: input.topic,
    payload: summarizePayload(input.payload),
    payloadBytes: input.payload.length,
    qos: input.qos,
    retain: input.retain,
    properties: connection?.protocolVersion === 4 ? '' : describeProperties(input.properties),
    result: 'pending',
  });
  const audit = (result: AuditResult | undefined, extra: { reason?: string; reply?: string; rttMs?: number } = {}) =>
    void auditId.then((id) => {
      if (id !== undefined) void updateAudit(id, { ...(result ? { result } : {}), ...extra, updatedAt: Date.now() });
    });

  const stop = engine.onResult(reqId, (r) => {
    if (r.outcome === 'reply' && r.reply) {
      const reply = { topic: r.reply.topic, text: summarizePayload(r.reply.payload, 2000), rttMs: r.reply.rttMs };
      setRun(slot, reqId, () => ({ awaitingReply: false, reply }));
      audit(undefined, { reply: summarizePayload(r.reply.payload), rttMs: r.reply.rttMs });
      stop();
      return;
    }
    const { text, tone } = textFor(r);
    setRun(slot, reqId, (run) => ({ outcome: r.outcome, text, tone, awaitingReply: r.outcome === 'failed' ? false : run.awaitingReply }));
    audit(r.outcome === 'reply' ? undefined : r.outcome, r.reason ? { reason: r.reason } : {});
    const final = r.outcome === 'failed' || (!awaitingReply && (r.outcome === 'sent' || r.outcome === 'delivered'));
    if (final) stop();
  });

  engine.send({
    type: 'publish',
    request: {
      reqId,
      connectionId: input.connectionId,
      topic: input.topic,
      payload: input.payload,
      qos: input.qos,
      retain: input.retain,
      properties: input.properties,
      responseTimeoutMs: input.replyTimeoutMs,
      queueWhileOffline: input.queueWhileOffline,
    },
  });
  return reqId;
}

/** Correlation data for a request: random, readable in the audit and in other tools. */
export function newCorrelationData(): Uint8Array {
  const id = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return new TextEncoder().encode(`sightglass-${id}`);
}
