import type { Delta } from '../../src/engine/protocol';

type FeatureParts = NonNullable<Delta['features']>;

/** Routes each feature's part of a delta to that feature's store. Add one line per feature. */
export function applyFeatureDeltas(_parts: FeatureParts): void {}
