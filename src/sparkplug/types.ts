// Type-only (no runtime code): part of the worker⇄UI contract (src/engine/protocol.ts).
// Sparkplug B 3.0 host model as the UI sees it (ui-contract.md, "Sparkplug B").

/** Sparkplug B datatypes by their specification names (sparkplug_b.proto DataType). */
export type SparkplugDataType =
  | 'Unknown'
  | 'Int8' | 'Int16' | 'Int32' | 'Int64'
  | 'UInt8' | 'UInt16' | 'UInt32' | 'UInt64'
  | 'Float' | 'Double' | 'Boolean' | 'String' | 'DateTime' | 'Text'
  | 'UUID' | 'DataSet' | 'Bytes' | 'File' | 'Template'
  | 'PropertySet' | 'PropertySetList'
  | 'Int8Array' | 'Int16Array' | 'Int32Array' | 'Int64Array'
  | 'UInt8Array' | 'UInt16Array' | 'UInt32Array' | 'UInt64Array'
  | 'FloatArray' | 'DoubleArray' | 'BooleanArray' | 'StringArray' | 'DateTimeArray';

/** An edge node (device absent) or one of its devices, on one connection. */
export interface SparkplugTarget {
  readonly connectionId: string;
  readonly group: string;
  readonly node: string;
  readonly device?: string;
}

/**
 * online: born and in sequence; offline: NDEATH/DDEATH (or never born); stale: online but out of
 * step (seq gap, DATA before BIRTH, unknown alias) until the rebirth it triggered arrives.
 */
export type SparkplugState = 'online' | 'offline' | 'stale';

export interface SparkplugEntity extends SparkplugTarget {
  readonly state: SparkplugState;
  /** Engine time of the last BIRTH / DEATH; null when none seen. */
  readonly birthAt: number | null;
  readonly deathAt: number | null;
  /** Edge nodes: bdSeq of the current session (decimal text). */
  readonly bdSeq?: string;
  readonly metricCount: number;
  /** Why it is stale, in words (e.g. "seq 12 after 10"). */
  readonly reason?: string;
}

/** Outcome of a write (NCMD/DCMD) the UI asked for. */
export type SparkplugWriteState = 'pending' | 'confirmed' | 'timed-out' | 'failed';

export interface SparkplugMetricView {
  readonly name: string;
  readonly alias?: number;
  readonly datatype: SparkplugDataType;
  /** Exact value as text (Int64/UInt64 beyond 2^53 exactly; '' when null). */
  readonly value: string;
  readonly isNull: boolean;
  /** The metric's own timestamp (ms since epoch), else the payload's. */
  readonly timestamp: number;
  readonly units?: string;
  /** Quality property when present (Ignition: 192 = good). */
  readonly quality?: string;
  readonly historical?: boolean;
  readonly transient?: boolean;
  /** Kept last value of a node/device that died or went stale. */
  readonly stale: boolean;
  /** A write of this metric in progress or just finished. */
  readonly write?: { readonly state: SparkplugWriteState; readonly value: string; readonly reason?: string };
}

export type SparkplugCommand =
  /** The entity whose metrics the UI shows (null: none). */
  | { readonly type: 'sparkplug/select'; readonly target: SparkplugTarget | null }
  /** NCMD `Node Control/Rebirth` = true to the target's edge node (the user's button; not rate-limited). */
  | { readonly type: 'sparkplug/rebirth'; readonly target: SparkplugTarget }
  /** NCMD (no device) or DCMD with one metric typed by its BIRTH datatype, QoS 0. */
  | { readonly type: 'sparkplug/write'; readonly reqId: number; readonly target: SparkplugTarget; readonly metric: string; readonly value: string };

export interface SparkplugWriteResult {
  readonly reqId: number;
  readonly state: SparkplugWriteState;
  readonly reason?: string;
}

export interface SparkplugDelta {
  /** Every group/node/device known, when the list or a state changed (sorted group, node, device). */
  readonly entities?: readonly SparkplugEntity[];
  /** Metrics of the selected entity (all of them, when any changed); null when nothing is selected. */
  readonly metrics?: { readonly target: SparkplugTarget; readonly metrics: readonly SparkplugMetricView[] } | null;
  readonly writes?: readonly SparkplugWriteResult[];
}
