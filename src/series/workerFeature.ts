import type { FeatureFactory } from '../engine';
import { seriesFeature } from './SeriesFeature';
import { indexedDbPersistence } from './seriesPersistence';

/** The series feature as the engine worker runs it, import()ed when first needed (src/engine/features.ts). */
export const workerFeature: FeatureFactory = seriesFeature({ persistence: indexedDbPersistence() });
