import { engine } from '../engine/engineClient';
import { recordSparkplugWrite, setSparkplugSelection } from './sparkplugStore';
import type { SparkplugTarget } from './types';

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
