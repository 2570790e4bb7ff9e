import { engine } from '../engine/engineClient';
import { useSiteStore } from '../state/siteStore';
import { recordSparkplugWrite, setSparkplugSelection } from './sparkplugStore';
import type { SparkplugTarget } from './types';
import type { WidgetWriteTarget } from './widgetWrite';
import { t } from '../i18n/i18n';

// Actions (UI → worker) of the Sparkplug host. Answers come back in the `sparkplug` delta part.

/** Shows `target`'s metrics in region "Metrics" (null: none). */
export function selectSparkplug(target: SparkplugTarget | null): void {
  setSparkplugSelection(target);
  engine.send({ type: 'sparkplug/select', target });
}

/** NCMD `Node Control/Rebirth` = true to the target's edge node (the user asked: not rate-limited). */
export function requestRebirth(target: SparkplugTarget): void {
  engine.send({ type: 'sparkplug/rebirth', target: { connectionId: target.connectionId, group: target.group, node: target.node } });
}

/**
 * Writes one metric (NCMD for a node, DCMD for a device; the worker types it by its BIRTH
 * datatype). Returns the reqId whose outcome appears in the store's `writes`.
 */
export function writeSparkplugMetric(target: SparkplugTarget, metric: string, value: string): number {
  const reqId = engine.newRequestId();
  recordSparkplugWrite({ reqId, target, metric, value });
  engine.send({ type: 'sparkplug/write', reqId, target, metric, value });
  return reqId;
}

/**
 * A command widget's write: on its own connection, else the first one. Returns the reqId to
 * follow in the store, or why it cannot be sent.
 */
export function writeWidgetMetric(target: WidgetWriteTarget, value: string): { ok: true; reqId: number } | { ok: false; error: string } {
  const { connections } = useSiteStore.getState().config;
  const connectionId = target.connection ?? connections[0]?.id;
  if (!connectionId) return { ok: false, error: t('no connection to send it on') };
  const { metric, group, node, device } = target;
  const reqId = writeSparkplugMetric({ connectionId, group, node, ...(device !== undefined ? { device } : {}) }, metric, value);
  return { ok: true, reqId };
}

/** The connection's name as the operator knows it (for the confirmation). */
export function connectionLabel(id: string | undefined): string {
  const { connections } = useSiteStore.getState().config;
  const c = connections.find((x) => x.id === id) ?? (id === undefined ? connections[0] : undefined);
  return c?.name || c?.id || id || '(none)';
}
