import type { FeatureFactory } from '../engine';
import { rowsFeature } from './RowsFeature';

/** The rows feature as the engine worker runs it, import()ed when first needed (src/engine/features.ts). */
export const workerFeature: FeatureFactory = rowsFeature();
