/** Confirms a command with the operator (its details, a QoS 0 message while offline) and sends it. */
import { confirmationText, renderTemplate, summarizePayload, type RawValues } from '../../src/commands';
import type { CommandTemplateConfig } from '../../src/config';
import { useEngineStore } from '../state/engineStore';
import { useSiteStore } from '../state/siteStore';
import type { ConfirmRequest } from '../components/dialog';
import { newCorrelationData, sendCommand, showCommandCancelled, showCommandError } from './commandActions';
import type { CommandInput } from './commandStore';
import { t } from '../i18n/i18n';

export type Ask = (request: ConfirmRequest) => Promise<boolean>;

/** Default wait for a reply (issue 6: configurable, default 10 s). */
export const DEFAULT_REPLY_TIMEOUT_MS = 10_000;

function connectionName(id: string): string {
  const c = useSiteStore.getState().config.connections.find((x) => x.id === id);
  return c?.name || id;
}

/** What the operator is about to send, for a confirmation dialog (labels in the UI language). */
export function commandDetails(input: Pick<CommandInput, 'connectionId' | 'topic' | 'payload' | 'qos' | 'retain'>, withPayload = true): [string, string][] {
  return [
    [t('Connection'), connectionName(input.connectionId)],
    [t('Topic'), input.topic],
    ...(withPayload ? [[t('Payload'), summarizePayload(input.payload)] as [string, string]] : []),
    ['QoS', `${input.qos}${input.retain ? t(', retained') : ''}`],
  ];
}

/**
 * The last checks before a command leaves: a QoS 0 message while the connection is down is only
 * queued if the operator says so (it would otherwise be lost, and a late command can surprise).
 * Returns the input to send, or null when the operator declined.
 */
export async function confirmOffline(input: CommandInput, ask: Ask): Promise<CommandInput | null> {
  const state = useEngineStore.getState().connections[input.connectionId]?.state;
  if (input.qos !== 0 || (state !== 'reconnecting' && state !== 'connecting')) return input;
  const ok = await ask({
    title: t('Not connected'),
    message: t('{connection} is not connected. Queue this QoS 0 message and send it when the connection is back?', { connection: connectionName(input.connectionId) }),
    details: commandDetails(input),
    confirmLabel: t('Queue message'),
  });
  return ok ? { ...input, queueWhileOffline: true } : null;
}

/** The connection a template publishes to: its own, else the given fallback, else the first one. */
function templateConnection(t: CommandTemplateConfig, fallback?: string | null): string | undefined {
  const { connections } = useSiteStore.getState().config;
  if (t.connection) return t.connection;
  if (fallback && connections.some((c) => c.id === fallback)) return fallback;
  return connections[0]?.id;
}

/**
 * Renders, confirms and sends a command template; the status shows in `slot`.
 * Returns true when the command was sent.
 */
export async function runTemplate(opts: {
  slot: string;
  template: CommandTemplateConfig;
  values: RawValues;
  source: string;
  ask: Ask;
  connectionId?: string | null;
}): Promise<boolean> {
  const { slot, template, ask } = opts;
  const rendered = renderTemplate(template, opts.values);
  if (!rendered.ok) {
    showCommandError(slot, rendered.errors.join('; '));
    return false;
  }
  const connectionId = templateConnection(template, opts.connectionId);
  if (!connectionId) {
    showCommandError(slot, t('no connection to send it on'));
    return false;
  }
  const c = rendered.command;
  const properties = c.properties ? { ...c.properties } : undefined;
  if (properties?.responseTopic && !properties.correlationData) properties.correlationData = newCorrelationData();
  let input: CommandInput | null = {
    connectionId,
    topic: c.topic,
    payload: c.payload,
    qos: c.qos,
    retain: c.retain,
    properties,
    replyTimeoutMs: c.replyTimeoutMs ?? (properties?.responseTopic ? DEFAULT_REPLY_TIMEOUT_MS : undefined),
    source: opts.source,
  };
  const question = confirmationText(template, c.values);
  if (question) {
    const ok = await ask({ title: t('Confirm command'), message: question, details: commandDetails(input), confirmLabel: t('Confirm') });
    if (!ok) {
      showCommandCancelled(slot);
      return false;
    }
  }
  input = await confirmOffline(input, ask);
  if (!input) {
    showCommandCancelled(slot);
    return false;
  }
  sendCommand(slot, input);
  return true;
}
