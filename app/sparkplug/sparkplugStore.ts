import { create } from 'zustand';
import type { SparkplugDelta, SparkplugEntity, SparkplugMetricView, SparkplugTarget, SparkplugWriteState } from './types';

/** A write the UI asked for, with the worker's latest word on it. */
export interface SparkplugWriteRecord {
  readonly reqId: number;
  readonly target: SparkplugTarget;
  readonly metric: string;
  readonly value: string;
  readonly state: SparkplugWriteState;
  readonly reason?: string;
}

/** What the Sparkplug host (in the worker) last told the UI, plus the UI's own selection. */
export interface SparkplugStoreState {
  /** Every edge node and device, sorted by group, node, device. */
  entities: readonly SparkplugEntity[];
  /** What the user selected in the tree (sent to the worker as `sparkplug/select`). */
  selected: SparkplugTarget | null;
  /** The selected entity's metrics, as the worker last sent them (null: none yet). */
  metrics: { readonly target: SparkplugTarget; readonly metrics: readonly SparkplugMetricView[] } | null;
  /** Recent writes by reqId (command widgets show theirs), oldest dropped past MAX_WRITES. */
  writes: Readonly<Record<number, SparkplugWriteRecord>>;
}

/** Enough for every command widget on a page; older outcomes are no longer shown anywhere. */
export const MAX_WRITES = 100;

const initial: SparkplugStoreState = { entities: [], selected: null, metrics: null, writes: {} };

export const useSparkplugStore = create<SparkplugStoreState>(() => initial);

/** Back to the first state (tests). */
export function resetSparkplugStore(): void {
  useSparkplugStore.setState(initial, true);
}

export const sameTarget = (a: SparkplugTarget | null | undefined, b: SparkplugTarget | null | undefined): boolean =>
  !!a && !!b && a.connectionId === b.connectionId && a.group === b.group && a.node === b.node && (a.device ?? '') === (b.device ?? '');

/** The sparkplug part of a delta. Metrics for anything but the current selection are late answers: ignored. */
export function applySparkplugDelta(part: SparkplugDelta): void {
  useSparkplugStore.setState((s) => {
    const patch: Partial<SparkplugStoreState> = {};
    if (part.entities) patch.entities = part.entities;
    if (part.metrics === null) patch.metrics = null;
    else if (part.metrics && sameTarget(part.metrics.target, s.selected)) patch.metrics = part.metrics;
    if (part.writes?.length) {
      const writes = { ...s.writes };
      for (const w of part.writes) {
        const known = writes[w.reqId];
        // A result for a write this page did not record (another tab's, or trimmed): nothing to show it on.
        if (known) writes[w.reqId] = { ...known, state: w.state, reason: w.reason };
      }
      patch.writes = writes;
    }
    return patch;
  });
}

/** The user picked an entity (or none); metrics of the previous one are dropped at once. */
export function setSparkplugSelection(target: SparkplugTarget | null): void {
  useSparkplugStore.setState((s) => (sameTarget(s.selected, target) ? {} : { selected: target, metrics: null }));
}

/** A write just sent: pending until the worker says otherwise. */
export function recordSparkplugWrite(record: Omit<SparkplugWriteRecord, 'state'>): void {
  useSparkplugStore.setState((s) => {
    const writes: Record<number, SparkplugWriteRecord> = { ...s.writes, [record.reqId]: { ...record, state: 'pending' } };
    const ids = Object.keys(writes).map(Number).sort((a, b) => a - b);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_WRITES))) delete writes[id];
    return { writes };
  });
}
