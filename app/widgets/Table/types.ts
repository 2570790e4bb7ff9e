import type { TableColumnConfig } from '../../../src/config';

/** Sort by the row's name (`key`), a column (its index), or the time of its last message. */
export type SortBy = { readonly kind: 'key' } | { readonly kind: 'column'; readonly index: number } | { readonly kind: 'lastSeen' };

export interface SortState {
  readonly by: SortBy;
  readonly dir: 'ascending' | 'descending';
}

export type TableColumn = TableColumnConfig;
