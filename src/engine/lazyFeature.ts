import type { ConnectionStatus } from '../mqtt';
import type { EngineFeature, EngineHost, FeatureFactory, MessageContext, QualityChange } from './EngineFeature';
import type { FeatureCommandFor, FeatureDeltas, PublishResult } from './protocol';

/** Messages kept for a feature while its code loads (tens of ms: same origin or the precache); past this many it misses the rest of that window. */
export const MAX_PENDING_MESSAGES = 100_000;
/** Quality changes kept from before a feature was needed, replayed when it loads (Sparkplug deaths and births). */
const MAX_QUALITY_CHANGES = 10_000;

type Pending<K extends keyof FeatureDeltas> =
  | { readonly kind: 'command'; readonly cmd: FeatureCommandFor<K> }
  | { readonly kind: 'message'; readonly ctx: MessageContext }
  | { readonly kind: 'result'; readonly result: PublishResult };

/**
 * A feature whose code is `import()`ed the first time it is needed, so the engine worker's
 * start-up script carries only the engine and mqtt.js (issue 17, start-up). "Needed" = its first
 * UI command (`series/track`, `alarms/rules`, `rows/watch`, `commands/…`) or, with
 * `loadOnPublishResult`, the first publish result (the command audit). Until then it has nothing
 * to do with messages, so they are not kept; from the request until the code arrives, commands,
 * messages and publish results are queued and replayed in order, so nothing the feature was asked
 * to follow is missed. Connection statuses and quality changes are remembered from the start
 * (series mark outages, alarms flag bad quality) and replayed first.
 *
 * Not for features with a `decode` hook (Sparkplug): decoding cannot wait.
 */
export function lazyFeature<K extends keyof FeatureDeltas>(
  key: K,
  load: () => Promise<FeatureFactory>,
  options: { loadOnPublishResult?: boolean } = {},
): FeatureFactory {
  return (host: EngineHost) => {
    let real: EngineFeature<K> | null = null;
    let requested = false;
    let pendingMessages = 0;
    const queue: Pending<K>[] = [];
    const statuses = new Map<string, ConnectionStatus>();
    const qualities: QualityChange[] = [];

    const start = () => {
      if (requested) return;
      requested = true;
      load().then(
        (make) => {
          const feature = make(host) as EngineFeature<K>;
          for (const status of statuses.values()) feature.onConnectionStatus?.(status);
          for (const change of qualities) feature.onQuality?.(change);
          statuses.clear();
          qualities.length = 0;
          for (const item of queue) {
            if (item.kind === 'command') feature.handle(item.cmd);
            else if (item.kind === 'message') feature.onMessage(item.ctx);
            else feature.onPublishResult?.(item.result);
          }
          queue.length = 0;
          real = feature;
          host.wake();
        },
        (error: unknown) => {
          // A chunk that fails to load (offline without a precache, a broken deploy) is an engine fault.
          host.post({ type: 'fatal', message: `The ${key} feature failed to load: ${(error as Error).message ?? String(error)}` });
        },
      );
    };

    return {
      key,
      handle(cmd: FeatureCommandFor<K>): boolean {
        if (real) return real.handle(cmd);
        queue.push({ kind: 'command', cmd });
        start();
        return true;
      },
      onMessage(ctx: MessageContext): void {
        if (real) return real.onMessage(ctx);
        if (!requested) return;
        if (pendingMessages >= MAX_PENDING_MESSAGES) return;
        pendingMessages++;
        queue.push({ kind: 'message', ctx });
      },
      onTick(now: number): void {
        real?.onTick?.(now);
      },
      onConnectionStatus(status: ConnectionStatus): void {
        if (real) return real.onConnectionStatus?.(status);
        statuses.set(status.id, status);
      },
      onQuality(change: QualityChange): void {
        if (real) return real.onQuality?.(change);
        if (qualities.length < MAX_QUALITY_CHANGES) qualities.push(change);
      },
      onPublishResult(result: PublishResult): void {
        if (real) return real.onPublishResult?.(result);
        if (!options.loadOnPublishResult) return;
        queue.push({ kind: 'result', result });
        start();
      },
      flush(now: number): FeatureDeltas[K] | undefined {
        return real ? (real.flush(now) as FeatureDeltas[K] | undefined) : undefined;
      },
    };
  };
}
