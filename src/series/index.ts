// Series: numbers from payloads recorded per (connection, topic, path) in ring buffers,
// downsampled for the charts that are on screen, and kept across reloads (issue 4).
export { seriesFeature } from './SeriesFeature';
export { seriesKey, seriesVariant } from './seriesKey';
export { resolveConnection, specKey, specOf, specsFromConfig } from './specsFromConfig';
export { Derivation, type DerivationSpec } from './Derivation';
export { parseInterval } from './interval';
export type { SeriesDelta, SeriesFrame, SeriesLatest, SeriesExport, SeriesStats, TimeRange, TopicSuggestion } from './types';
