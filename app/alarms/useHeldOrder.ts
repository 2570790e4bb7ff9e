import { useRef } from 'react';
import { holdOrder } from './holdOrder';

/**
 * `rows` as given while `hold` is false; while it is true, in the order they had when holding
 * began (new rows at the end). The order is kept in a ref, so holding costs no extra render.
 */
export function useHeldOrder<T>(rows: readonly T[], hold: boolean, keyOf: (row: T) => string): readonly T[] {
  const shown = useRef<readonly string[]>([]);
  const out = hold ? holdOrder(rows, shown.current, keyOf) : rows;
  shown.current = out.map(keyOf);
  return out;
}
