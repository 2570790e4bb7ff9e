import type { FeatureFactory } from '../engine';
import { MemoryAlarmPersistence } from './alarmPersistence';
import { AlarmsFeature } from './AlarmsFeature';
import { IdbAlarmPersistence } from './idbAlarmPersistence';

/** The worker's alarm feature, import()ed when first needed (src/engine/features.ts): IndexedDB persistence where available, memory otherwise. */
export const workerFeature: FeatureFactory = (host) =>
  new AlarmsFeature(host, typeof indexedDB === 'undefined' ? new MemoryAlarmPersistence() : new IdbAlarmPersistence(), () => new MemoryAlarmPersistence());
