import { engine } from '../engine/engineClient';
import { useSiteStore } from '../state/siteStore';
import { isFinalResult, runAfter, setRun, updateRun, type CommandInput } from './commandStore';

export type { CommandInput };

/**
 * Every command the UI sends goes through `sendCommand` (Publish region, templates, widgets): one
 * place that talks to the engine and follows the result. The worker writes the audit
 * (`commands/send`, src/commands/CommandsFeature.ts).
 */
export function sendCommand(slot: string, input: CommandInput): number {
  const reqId = engine.newRequestId();
  const connection = useSiteStore.getState().config.connections.find((c) => c.id === input.connectionId);
  // MQTT 3.1.1 carries no response topic, so no reply is awaited there.
  const awaitingReply = !!input.properties?.responseTopic && connection?.protocolVersion !== 4;
  setRun(slot, { reqId, startedAt: Date.now(), outcome: 'sending', text: 'Sending', tone: 'pending', awaitingReply });
  const stop = engine.onResult(reqId, (r) => {
    updateRun(slot, reqId, (run) => runAfter(run, r));
    if (isFinalResult(r, awaitingReply)) stop();
  });
  engine.send({
    type: 'commands/send',
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
    audit: { source: input.source, connectionName: connection?.name || input.connectionId },
  });
  return reqId;
}

/** Shows a problem found before sending (invalid input) in a slot, like a failed command. */
export function showCommandError(slot: string, reason: string): void {
  setRun(slot, { reqId: -1, startedAt: Date.now(), outcome: 'failed', text: `Failed: ${reason}`, tone: 'failed', awaitingReply: false });
}

/** The operator declined a confirmation: say so, so an older status is not mistaken for this one. */
export function showCommandCancelled(slot: string): void {
  setRun(slot, { reqId: -1, startedAt: Date.now(), outcome: 'cancelled', text: 'Cancelled: nothing was sent', tone: 'pending', awaitingReply: false });
}

/** Correlation data for a request: random, readable in the audit and in other tools. */
export function newCorrelationData(): Uint8Array {
  const id = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return new TextEncoder().encode(`sightglass-${id}`);
}
