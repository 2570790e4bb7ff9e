/**
 * Every message between the engine worker and the UI. A message not listed here does not exist.
 * Deltas go out at most once per frame: the UI acks each one, and the engine merges until then.
 */
// Type-only (no runtime code), and it imports only type-only modules: the contract must not pull
// feature code into the UI bundle, nor depend on how a feature is built (issue 14).
import type { ConnectionSettings, ConnectionStatus, MessageProperties, QoS } from '../mqtt/types';
import type { PayloadKind } from '../payload/types';
import type { TreeRow } from '../topics/types';
import type { SeriesCommand, SeriesDelta } from '../series/types';
import type { AlarmCommand, AlarmsDelta } from '../alarms/types';
import type { CommandsCommand, CommandsDelta, PublishRequest } from '../commands/types';
import type { SparkplugCommand, SparkplugDelta } from '../sparkplug/types';
import type { RowsCommand, RowsDelta } from '../rows/types';

export type { TreeRow, PublishRequest };

/** 'busiest': no history for the busiest topics; 'all': no history for any topic (last value only). */
export type ShedMode = 'busiest' | 'all';

export interface SheddingState {
  readonly mode: ShedMode;
  /** Engine time when shedding started. */
  readonly since: number;
  /** Why, in words: e.g. "data 2.4 s old when processed". */
  readonly reason: string;
  /** Topics whose history is off right now. */
  readonly topics: number;
}

/**
 * Commands for engine features (series, alarms, commands…). Each feature adds its own union
 * member here, with a `type` that starts with its delta key, e.g. `series/watch` for `series`
 * (featureCommand.ts routes on that prefix, and the compiler checks every prefix is a key).
 */
export type FeatureCommand =
  | { type: 'noop/feature' }
  | SeriesCommand
  | AlarmCommand
  | CommandsCommand
  | SparkplugCommand
  | RowsCommand;

/** `series` for `series/watch`: the feature (and its key in FeatureDeltas) a command is for. */
export type FeaturePrefix<T extends string = FeatureCommand['type']> = T extends `${infer P}/${string}` ? P : never;

/** The commands of one feature, e.g. `FeatureCommandFor<'series'>` = SeriesCommand. */
export type FeatureCommandFor<K extends string> = Extract<FeatureCommand, { type: `${K}/${string}` }>;

/** Each feature's part of a delta, by feature key. Each feature adds one optional field. */
export interface FeatureDeltas {
  readonly noop?: never;
  readonly series?: SeriesDelta;
  readonly alarms?: AlarmsDelta;
  readonly commands?: CommandsDelta;
  readonly sparkplug?: SparkplugDelta;
  readonly rows?: RowsDelta;
}

export type ToEngine =
  | FeatureCommand
  | { type: 'connect'; settings: ConnectionSettings }
  | { type: 'disconnect'; connectionId: string }
  | { type: 'remove'; connectionId: string }
  | { type: 'publish'; request: PublishRequest }
  | { type: 'treeWindow'; start: number; count: number }
  | { type: 'treeExpand'; id: number; expanded: boolean }
  | { type: 'treeFilter'; text: string }
  | { type: 'select'; id: number | null }
  | { type: 'selectTopic'; connectionId: string; topic: string }
  /** The browser's `online`/`offline` events: offline closes connections at once, online retries at once. */
  | { type: 'network'; online: boolean }
  /** The whole last payload of a topic node whose display copy was cut at 256 KiB. */
  | { type: 'fullPayload'; reqId: number; id: number }
  | { type: 'ack'; seq: number };

/** A message as shown in the Message region. Payload cut to 256 KiB; `size` is the real size. */
export interface MessageView {
  readonly payload: Uint8Array;
  readonly size: number;
  readonly kind: PayloadKind;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly receivedAt: number;
  readonly properties?: MessageProperties;
  /** Paths of the numbers in the payload (`''` = the whole payload), found by the worker's decode. */
  readonly numericPaths?: readonly string[];
  /** Decoded form for payloads that are not text (Sparkplug B: pretty JSON with metric names and values). */
  readonly decodedText?: string;
}

export interface TopicDetail {
  readonly id: number;
  readonly connectionId: string;
  readonly topic: string;
  readonly count: number;
  readonly rate: number;
  readonly firstAt: number;
  readonly stale: boolean;
  readonly last: MessageView | null;
  /** Oldest first; includes the last message. */
  readonly history: readonly MessageView[];
}

export interface BusyTopic {
  readonly topic: string;
  readonly rate: number;
  readonly bytesRate: number;
}

/** What one subscription filter brings in: every message it matches counts, so overlapping filters share a message. */
export interface FilterCost {
  readonly filter: string;
  readonly msgsPerSec: number;
  readonly bytesPerSec: number;
}

export interface ConnectionStats {
  readonly connectionId: string;
  readonly msgsInPerSec: number;
  readonly bytesInPerSec: number;
  readonly msgsOutPerSec: number;
  readonly bytesOutPerSec: number;
  readonly totalIn: number;
  readonly totalOut: number;
  readonly topics: number;
  readonly busiest: readonly BusyTopic[];
  /** Cost per subscription filter, in the order of the connection's subscriptions. */
  readonly filters?: readonly FilterCost[];
}

export interface EngineHealth {
  /** Median age of payload timestamps (`ts`) at processing, when payloads carry one. */
  readonly dataAgeMs: number | null;
  /** 95th percentile of the same, over the last second. */
  readonly dataAgeP95Ms: number | null;
  /** How late the engine's own timers fire: high when the worker cannot keep up. */
  readonly loopLagMs: number;
  /** Deliberate load shedding while the engine is behind live (engine/LoadShedder.ts); null when none. */
  readonly shedding: SheddingState | null;
  readonly droppedHistory: number;
  readonly droppedTopics: number;
  readonly truncatedPayloads: number;
  readonly historyBytes: number;
}

export interface TreeSnapshot {
  readonly total: number;
  readonly start: number;
  readonly rows: readonly TreeRow[];
  /** Changes whenever the row list itself changes (not just values). */
  readonly version: number;
  /** Row to focus after a reveal, if any. */
  readonly revealIndex?: number;
}

export interface Delta {
  readonly type: 'delta';
  readonly seq: number;
  readonly at: number;
  readonly connections?: readonly ConnectionStatus[];
  readonly stats?: readonly ConnectionStats[];
  readonly health?: EngineHealth;
  readonly tree?: TreeSnapshot;
  /** Selected topic; `null` when the selection was cleared or removed. */
  readonly detail?: TopicDetail | null;
  /** Feature parts (series, alarms, …), present only when they changed. */
  readonly features?: Partial<{ [K in keyof FeatureDeltas]: NonNullable<FeatureDeltas[K]> }>;
}

export type PublishOutcome = 'sent' | 'delivered' | 'queued' | 'failed' | 'reply';

export interface PublishResult {
  readonly type: 'publishResult';
  readonly reqId: number;
  readonly outcome: PublishOutcome;
  /** For failed: the reason in words (with the MQTT 5 code where there is one). For delivered: how, when it differs from what was asked ("broker used QoS 1"). */
  readonly reason?: string;
  /** For reply: the matched response and its round-trip time. */
  readonly reply?: { readonly payload: Uint8Array; readonly topic: string; readonly rttMs: number };
  readonly at: number;
}

/** Answer to `fullPayload`: the bytes (all of them), or why they are not available. */
export interface FullPayloadResult {
  readonly type: 'fullPayload';
  readonly reqId: number;
  readonly payload?: Uint8Array;
  readonly receivedAt?: number;
  readonly error?: string;
}

export type FromEngine = Delta | PublishResult | FullPayloadResult | { type: 'fatal'; message: string };
