import { sparkplugFeature } from '../sparkplug';
import type { FeatureFactory } from './EngineFeature';
import { lazyFeature } from './lazyFeature';

/**
 * Every feature the worker runs. Add a feature with one line here (and its delta key in protocol.ts).
 * All but Sparkplug load when first needed (lazyFeature.ts) from their `workerFeature.ts`, so the
 * worker's start-up script is the engine and mqtt.js; Sparkplug decodes payloads and cannot wait.
 */
export const FEATURES: readonly FeatureFactory[] = [
  lazyFeature('series', () => import('../series/workerFeature').then((m) => m.workerFeature)),
  lazyFeature('alarms', () => import('../alarms/workerFeature').then((m) => m.workerFeature)),
  lazyFeature('rows', () => import('../rows/workerFeature').then((m) => m.workerFeature)),
  lazyFeature('commands', () => import('../commands/workerFeature').then((m) => m.workerFeature), { loadOnPublishResult: true }),
  sparkplugFeature,
];
