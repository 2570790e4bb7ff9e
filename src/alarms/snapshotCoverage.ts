import type { SharedAck, SharedReset, SharedShelf } from './sharedAlarmMessage';

/** What a snapshot says, as a screen would publish or has seen it retained. */
export interface SnapshotContent {
  readonly shelves: readonly SharedShelf[];
  readonly resets: readonly SharedReset[];
  readonly acks: readonly SharedAck[];
}

/** A retained snapshot as seen on the topic, indexed for `snapshotIsBehind`. */
export interface SeenSnapshot {
  readonly shelves: ReadonlySet<string>;
  readonly resets: ReadonlyMap<string, number>;
  readonly acks: ReadonlyMap<string, number>;
}

export function seenOf(c: SnapshotContent): SeenSnapshot {
  return {
    shelves: new Set(c.shelves.map((s) => s.key)),
    resets: new Map(c.resets.map((r) => [r.key, r.at])),
    acks: new Map(c.acks.map((a) => [a.key, a.at])),
  };
}

/**
 * Whether the retained snapshot misses what this screen would publish, so a screen joining now
 * would be told less than this one knows: a shelf, a newer reset or an acknowledgement it lacks
 * (two screens acted in the same instant and the broker kept the other's snapshot), or an
 * acknowledgement it still holds for an alarm that activated again since (`stands` says no).
 *
 * Only what `mine` holds counts; what the retained one holds and this screen does not know is left
 * alone (another screen may know it from an alarm this one has no rule for), so two screens that
 * know different things cannot keep correcting each other.
 */
export function snapshotIsBehind(seen: SeenSnapshot | null, mine: SnapshotContent, stands: (key: string, at: number) => boolean): boolean {
  if (!seen) return mine.shelves.length > 0 || mine.resets.length > 0 || mine.acks.length > 0;
  if (mine.shelves.some((s) => !seen.shelves.has(s.key))) return true;
  if (mine.resets.some((r) => (seen.resets.get(r.key) ?? -Infinity) < r.at)) return true;
  if (mine.acks.some((a) => !seen.acks.has(a.key))) return true;
  for (const [key, at] of seen.acks) if (!stands(key, at)) return true;
  return false;
}
