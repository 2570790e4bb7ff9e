import type { SeriesLatest } from '../../src/series';
import { unwatchRows, watchRows } from '../rows/rowsActions';
import { rowsSnapshot, subscribeRows } from '../rows/rowsStore';
import { applySeriesDelta, useSeriesStore } from '../state/seriesStore';

/** A series to show at once: its key as the series feature records it, and where its value sits. */
export interface SeedSeries {
  readonly key: string;
  readonly connection: string;
  readonly topic: string;
  readonly path: string;
}

const inFlight = new Map<string, () => void>();
let seq = 0;

/**
 * The series feature records only tracked series, so a newly picked variable value would show
 * nothing until its next message. The topic tree already holds each topic's last message: a
 * one-shot rows watch reads it, and its value becomes the series' latest (unless a newer one came).
 */
export function seedLatest(series: readonly SeedSeries[]): void {
  const byTopic = new Map<string, SeedSeries[]>();
  const latest = useSeriesStore.getState().latest;
  for (const s of series) {
    if (latest[s.key] || inFlight.has(s.key)) continue;
    const group = `${s.connection}\u0000${s.topic}`;
    byTopic.set(group, [...(byTopic.get(group) ?? []), s]);
  }
  for (const group of byTopic.values()) seedTopic(group);
}

function seedTopic(group: readonly SeedSeries[]): void {
  const id = `seed/${++seq}`;
  const { connection, topic } = group[0];
  const finish = (): void => {
    unsubscribe();
    unwatchRows(id);
    for (const s of group) inFlight.delete(s.key);
  };
  const unsubscribe = subscribeRows(id, () => {
    const snap = rowsSnapshot(id);
    if (snap.version === 0) return;
    const row = snap.rows.get(topic);
    const now = useSeriesStore.getState().latest;
    const out: SeriesLatest[] = [];
    group.forEach((s, i) => {
      const v = row?.values[i];
      if (!row || v === null || v === undefined || now[s.key]) return;
      out.push({ key: s.key, value: typeof v === 'number' ? v : asNumber(v), text: String(v), t: row.lastSeen, at: row.lastSeen });
    });
    if (out.length) applySeriesDelta({ latest: out });
    finish();
  });
  for (const s of group) inFlight.set(s.key, finish);
  watchRows(id, { connection, topic, paths: group.map((s) => s.path) });
}

/** A numeric text ("61.5") as a gauge would read it; null for other text. */
function asNumber(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}
