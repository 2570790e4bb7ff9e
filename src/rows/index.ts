// Wildcard rows (issue 15): one row per topic matching a filter, for tables, maps and dashboard variables.
export type { RowsDelta, RowsSpec, RowView } from './types';
