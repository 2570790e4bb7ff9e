import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { RowsSpec } from '../../src/rows';
import { unwatchRows, watchRows } from './rowsActions';
import { rowsSnapshot, subscribeRows, type RowsSnapshot } from './rowsStore';

/**
 * Rows of the topics matching `spec` (null: no watch), live while mounted. `throttleMs` bounds
 * how often the caller re-renders (a 5 000-row table re-sorts at most that often, not per frame).
 */
export function useRows(id: string, spec: RowsSpec | null, throttleMs = 0): RowsSnapshot {
  const specSig = spec ? JSON.stringify(spec) : '';
  useEffect(() => {
    if (!specSig) return;
    watchRows(id, JSON.parse(specSig) as RowsSpec);
    return () => unwatchRows(id);
  }, [id, specSig]);
  const subscribe = useThrottledSubscribe(id, throttleMs);
  return useSyncExternalStore(subscribe, () => rowsSnapshot(id));
}

function useThrottledSubscribe(id: string, throttleMs: number): (cb: () => void) => () => void {
  const ref = useRef<{ key: string; fn: (cb: () => void) => () => void } | null>(null);
  const key = `${id}\u0000${throttleMs}`;
  if (ref.current?.key !== key) {
    ref.current = {
      key,
      fn: (cb) => {
        if (throttleMs <= 0) return subscribeRows(id, cb);
        let timer = 0;
        let last = 0;
        const unsubscribe = subscribeRows(id, () => {
          if (timer) return;
          const wait = Math.max(0, last + throttleMs - performance.now());
          timer = window.setTimeout(() => {
            timer = 0;
            last = performance.now();
            cb();
          }, wait);
        });
        return () => {
          window.clearTimeout(timer);
          unsubscribe();
        };
      },
    };
  }
  return ref.current.fn;
}
