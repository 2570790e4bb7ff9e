import { indexedDbPersistence, seriesFeature } from '../series';
import { createAlarmsFeature } from '../alarms';
import { rowsFeature } from '../rows';
import { commandsFeature, IdbAuditBackend } from '../commands';
import { sparkplugFeature } from '../sparkplug';
import type { FeatureFactory } from './EngineFeature';

/** Every feature the worker runs. Add a feature with one line here (and its delta key in protocol.ts). */
export const FEATURES: readonly FeatureFactory[] = [
  seriesFeature({ persistence: indexedDbPersistence() }),
  createAlarmsFeature,
  rowsFeature(),
  commandsFeature({ backend: typeof indexedDB === 'undefined' ? null : new IdbAuditBackend() }),
  sparkplugFeature,
];
