// TEMPORARY: the shape of app/rows/useRows (branch h/rows) until it lands on main; replaced then.
import type { RowsSpec, RowView } from '../../../src/rows/types';

export interface RowsSnapshot {
  readonly rows: ReadonlyMap<string, RowView>;
  readonly total: number;
  readonly dropped: number;
  readonly version: number;
}

const EMPTY: RowsSnapshot = { rows: new Map(), total: 0, dropped: 0, version: 0 };

export function useRows(_id: string, _spec: RowsSpec | null, _throttleMs = 0): RowsSnapshot {
  return EMPTY;
}
