import { useEffect, useMemo, useState } from 'react';
import type { SeriesLatest } from '../../../src/series';
import { lastValues, type StoredValue } from '../../persistence';
import { pickLatest, storable } from './restoredLatest';

const NONE: ReadonlyMap<string, StoredValue> = new Map();

/**
 * The widget's newest values with last page's values filling in until live ones come (issue 16),
 * and each live value kept for the next page. Off (`enabled` false): `live` unchanged.
 */
export function useRestoredLatest(keys: readonly string[], live: readonly (SeriesLatest | undefined)[], enabled: boolean): readonly (SeriesLatest | undefined)[] {
  const [saved, setSaved] = useState<ReadonlyMap<string, StoredValue>>(NONE);

  useEffect(() => {
    if (!enabled) return;
    let on = true;
    void lastValues.load().then((values) => on && setSaved(new Map(values)));
    return () => {
      on = false;
    };
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    keys.forEach((key, i) => {
      const v = storable(live[i]);
      if (v) lastValues.remember(key, v);
    });
  }, [enabled, keys, live]);

  return useMemo(() => (enabled && saved.size ? keys.map((key, i) => pickLatest(key, live[i], saved.get(key))) : live), [enabled, saved, keys, live]);
}
