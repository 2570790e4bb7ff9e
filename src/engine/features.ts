import { sparkplugFeature } from '../sparkplug';
import type { FeatureFactory } from './EngineFeature';
import { lazyFeature } from './lazyFeature';

/**
 * Every feature the worker runs. Add a feature with one line here (and its delta key in protocol.ts).
 * All but Sparkplug load when first needed (lazyFeature.ts), so the worker's start-up script is
 * the engine and mqtt.js; Sparkplug decodes payloads and cannot wait for its code.
 */
export const FEATURES: readonly FeatureFactory[] = [
  lazyFeature('series', () => import('../series').then((m) => m.seriesFeature({ persistence: m.indexedDbPersistence() }))),
  lazyFeature('alarms', () => import('../alarms').then((m) => m.createAlarmsFeature)),
  lazyFeature('rows', () => import('../rows').then((m) => m.rowsFeature())),
  lazyFeature(
    'commands',
    () => import('../commands').then((m) => m.commandsFeature({ backend: typeof indexedDB === 'undefined' ? null : new m.IdbAuditBackend() })),
    { loadOnPublishResult: true },
  ),
  sparkplugFeature,
];
