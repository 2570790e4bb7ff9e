import { create } from 'zustand';
import type { PublishOutcome, PublishResult } from '../../src/engine/protocol';
import type { MessageProperties, QoS } from '../../src/mqtt';
import { summarizePayload } from '../../src/commands';

/**
 * Each command sender has a slot (e.g. "publish" or a widget id) showing its latest command's
 * status. The actions that fill it are in commandActions.ts; this file holds the state and the
 * pure updates.
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

type RunTone = 'pending' | 'ok' | 'failed';

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
      return { text: r.reason ? `Delivered (${r.reason})` : 'Delivered', tone: 'ok' };
    case 'queued':
      return { text: QUEUED_TEXT, tone: 'pending' };
    case 'failed':
      return { text: `Failed: ${r.reason ?? 'unknown reason'}`, tone: 'failed' };
    case 'reply':
      return { text: 'Delivered', tone: 'ok' };
  }
}

/** A run after one more result from the engine (pure: tested in commandStore.test.ts). */
export function runAfter(run: CommandRun, r: PublishResult): CommandRun {
  if (r.outcome === 'reply') {
    return r.reply ? { ...run, awaitingReply: false, reply: { topic: r.reply.topic, text: summarizePayload(r.reply.payload, 2000), rttMs: r.reply.rttMs } } : run;
  }
  const { text, tone } = textFor(r);
  return { ...run, outcome: r.outcome, text, tone, awaitingReply: r.outcome === 'failed' ? false : run.awaitingReply };
}

/** Whether no further result can come for a command. */
export function isFinalResult(r: PublishResult, awaitingReply: boolean): boolean {
  if (r.outcome === 'reply') return !!r.reply;
  return r.outcome === 'failed' || (!awaitingReply && (r.outcome === 'sent' || r.outcome === 'delivered'));
}

/** Shows `run` in `slot`, replacing whatever the slot showed. */
export function setRun(slot: string, run: CommandRun): void {
  useCommandStore.setState((s) => ({ runs: { ...s.runs, [slot]: run } }));
}

/** Updates the run of command `reqId`, unless a newer command took its slot (it still reaches the audit). */
export function updateRun(slot: string, reqId: number, next: (run: CommandRun) => CommandRun): void {
  useCommandStore.setState((s) => {
    const run = s.runs[slot];
    if (!run || run.reqId !== reqId) return s;
    return { runs: { ...s.runs, [slot]: next(run) } };
  });
}
