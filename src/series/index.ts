// Series: numbers from payloads recorded per (connection, topic, path) in ring buffers,
// downsampled for the charts that are on screen, and kept across reloads (issue 4).
export { SeriesFeature, seriesFeature, DEFAULT_CAPACITY, DEFAULT_BUDGET_POINTS } from './SeriesFeature';
export type { SeriesOptions } from './SeriesFeature';
export { RingBuffer } from './RingBuffer';
export { downsampleMinMax } from './downsample';
export { seriesKey, parseSeriesKey } from './seriesKey';
export { resolveConnection, specsFromConfig } from './specsFromConfig';
export { indexedDbPersistence, memoryPersistence } from './seriesPersistence';
export type { SeriesPersistence, HistoryChunk } from './seriesPersistence';
export type {
  SeriesSpec,
  SeriesCommand,
  SeriesDelta,
  SeriesFrame,
  SeriesFrameItem,
  SeriesLatest,
  SeriesExport,
  SeriesStats,
  TimeRange,
  TopicSuggestion,
} from './types';
