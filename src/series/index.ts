// Series: numbers from payloads recorded per (connection, topic, path) in ring buffers,
// downsampled for the charts that are on screen, and kept across reloads (issue 4).
export { seriesFeature } from './SeriesFeature';
export { seriesKey } from './seriesKey';
export { resolveConnection, specsFromConfig } from './specsFromConfig';
export { indexedDbPersistence } from './seriesPersistence';
export type { SeriesDelta, SeriesFrame, SeriesLatest, SeriesExport, SeriesStats, TimeRange, TopicSuggestion } from './types';
