import type { DecodedPayload } from '../payload';
import type { ConnectionStatus, MessageProperties, QoS } from '../mqtt';
import type { StoredMessage } from '../topics';
import type { Clock } from './clock';
import type { FeatureCommandFor, FeatureDeltas, FromEngine, PublishRequest, PublishResult } from './protocol';

/** One message as every feature sees it: decoded once, by the engine. */
export interface MessageContext {
  readonly connectionId: string;
  readonly topic: string;
  readonly decoded: DecodedPayload;
  readonly stored: StoredMessage;
  readonly now: number;
}

/** What the engine offers a feature: time, publishing, waking the next flush, posting results. */
export interface EngineHost {
  readonly clock: Clock;
  publish(
    connectionId: string,
    topic: string,
    payload: Uint8Array,
    opts: { qos: QoS; retain: boolean; properties?: MessageProperties },
    done?: (error?: string) => void,
  ): void;
  /** Publishes a UI command as `{type:'publish'}` does (checks, queueing, reply matching, results). */
  publishRequest(req: PublishRequest): void;
  /** Asks for a delta soon (the feature will be asked to flush). */
  wake(): void;
  post(msg: FromEngine): void;
  connectionStatus(connectionId: string): ConnectionStatus | undefined;
  /** Tells every feature (onQuality) that these topics' source went bad or good (Sparkplug deaths and births). */
  quality?(change: QualityChange): void;
  /**
   * Every topic already received that matches the MQTT `filter`, with its last message, on
   * `connectionId` (`''`: every connection). Walks only the branches that can match.
   */
  forEachTopic?(connectionId: string, filter: string, hit: (connectionId: string, topic: string, last: StoredMessage) => void): void;
}

/**
 * A capability that lives in the engine worker (series, alarms, …). The engine calls it on every
 * message, once a second, and when building a delta; its part of the delta goes under `key`.
 */
export interface EngineFeature<K extends keyof FeatureDeltas = keyof FeatureDeltas> {
  readonly key: K;
  /**
   * Handles a UI command meant for this feature: the engine routes by the command's prefix
   * (featureCommand.ts), so only this feature's commands arrive and a switch over them can end
   * in `assertNever` (an unknown command then throws, and the worker reports it as fatal).
   */
  handle(cmd: FeatureCommandFor<K>): boolean;
  /**
   * Decodes the payloads of this feature's own topics before any feature sees the message
   * (Sparkplug B under `spBv1.0/`: decoded once by the connection's host, aliases resolved);
   * undefined leaves the message to the generic decoder. Hot path.
   */
  decode?(connectionId: string, topic: string, payload: Uint8Array, now: number): DecodedPayload | undefined;
  /** Hot path: keep it allocation-light. */
  onMessage(ctx: MessageContext): void;
  onTick?(now: number): void;
  onConnectionStatus?(status: ConnectionStatus): void;
  /** A source's quality changed (Sparkplug NDEATH/DDEATH/stale, then BIRTH): alarms on those topics show bad quality, not a process alarm. */
  onQuality?(change: QualityChange): void;
  /** Every publish result the engine posts to the UI (the commands feature audits them). */
  onPublishResult?(result: PublishResult): void;
  /** This feature's part of the next delta, or undefined when nothing changed. */
  flush(now: number): FeatureDeltas[K] | undefined;
}

/** Topics whose source went bad (or good again), e.g. every DDATA topic of a dead Sparkplug device. */
export interface QualityChange {
  readonly connectionId: string;
  readonly topics: readonly string[];
  readonly good: boolean;
  /** In words, e.g. "Edge node Edge1 died (NDEATH)". */
  readonly reason: string;
}

export type FeatureFactory = (host: EngineHost) => EngineFeature;
