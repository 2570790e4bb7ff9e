/** Text formats shared by the engine and the UI: CSV export and durations. Pure, no I/O. */
export { csvDocument } from './csv';
export type { CsvValue } from './csv';
export { formatDuration } from './formatDuration';
