import type { SeriesLatest } from '../../../src/series';
import type { StoredValue } from '../../persistence';

/** Widget types whose newest value is kept across reloads (charts restore from their history). */
export const RESTORED_TYPES: ReadonlySet<string> = new Set(['lamp', 'stat', 'gauge']);

/**
 * What a widget shows for a series: the live value once one came; before that the value stored
 * before the reload, marked `restored` (so it looks stale), or the worker's restored one when
 * that is newer.
 */
export function pickLatest(key: string, live: SeriesLatest | undefined, saved: StoredValue | undefined): SeriesLatest | undefined {
  if ((live && !live.restored) || !saved) return live;
  if (live && live.t >= saved.t) return live;
  return { key, value: saved.value, ...(saved.text !== undefined ? { text: saved.text } : {}), t: saved.t, at: saved.at, restored: true };
}

/** A live value to keep for the next page; restored ones are not stored again. */
export const storable = (l: SeriesLatest | undefined): StoredValue | undefined =>
  l && !l.restored ? { value: l.value, ...(l.text !== undefined ? { text: l.text } : {}), t: l.t, at: l.at } : undefined;
