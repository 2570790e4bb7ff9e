// Type-only (no runtime code): part of the worker⇄UI contract (src/engine/protocol.ts).

/** What a payload looks like, decided once per message in the worker. */
export type PayloadKind = 'empty' | 'json' | 'text' | 'binary' | 'sparkplug';

/** One Sparkplug B metric of a decoded payload (aliases already resolved to names). */
export interface SparkplugMetricValue {
  /** Numbers as numbers; Int64/UInt64 beyond 2^53 as exact decimal text; null when is_null. */
  readonly value: number | string | boolean | null;
  /** The metric's own timestamp (ms since epoch), else the payload's. */
  readonly timestamp: number;
  readonly historical?: boolean;
}

/**
 * Describes a kept payload when someone looks at it (Sparkplug: metric names from the node's
 * BIRTH, so DATA carrying only aliases reads by name). Held in the worker, never posted.
 */
export interface PayloadDescriber {
  /** Pretty JSON for the Message region (MessageView.decodedText). */
  describe(bytes: Uint8Array): string;
  /** One line for the topic tree's preview. */
  summary(bytes: Uint8Array): string;
}

export interface DecodedPayload {
  readonly kind: PayloadKind;
  /** UTF-8 text when the payload is valid UTF-8 (possibly truncated for big payloads). */
  readonly text?: string;
  /** Parsed JSON value when kind is 'json'. */
  readonly json?: unknown;
  /**
   * kind 'sparkplug' (topics under `spBv1.0/`): metric name → value, so a series or alarm `path`
   * that is a metric name finds it (a metric name is looked up whole, never split on dots).
   */
  readonly metrics?: ReadonlyMap<string, SparkplugMetricValue>;
  /** kind 'sparkplug': describes the bytes later, when the Message region or the tree shows them. */
  readonly describer?: PayloadDescriber;
  /**
   * Features (series, alarms, rows) also see this message's values under this topic: a Sparkplug
   * BIRTH's values are its DATA topic's first values, so a chart of a metric that seldom changes
   * (report by exception) has a value from the BIRTH on.
   */
  readonly alsoTopic?: string;
}
