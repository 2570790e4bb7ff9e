import { loadHistory, saveHistory, type SeriesPersistence } from './seriesPersistence';
import type { TrackedSeries } from './TrackedSeries';
import type { SeriesLatest } from './types';

/** Old chunks are swept this often; a sweep also runs at start-up. */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * When series history is saved and swept, and its restoring after a reload (issue 4). Storage
 * failures are counted (`errors`, shown as `persistErrors`), never thrown: charts keep working
 * in memory when IndexedDB is full or unavailable.
 */
export class SeriesHistory {
  errors = 0;
  private nextSaveAt: number;
  private nextSweepAt: number;

  constructor(
    private readonly persistence: SeriesPersistence,
    private readonly opts: { readonly saveEveryMs: number; readonly retentionMs: number },
    now: number,
  ) {
    this.nextSaveAt = now + opts.saveEveryMs;
    this.nextSweepAt = now;
  }

  /** Once a second: saves the new points of every series when a save is due, sweeps when a sweep is due. */
  tick(now: number, series: Iterable<TrackedSeries>, perSeries: number): void {
    if (now >= this.nextSaveAt) {
      this.nextSaveAt = now + this.opts.saveEveryMs;
      for (const s of series) {
        if (s.pending || s.backfill.t.length) void saveHistory(this.persistence, s, perSeries).catch(() => this.errors++);
      }
    }
    if (now >= this.nextSweepAt) {
      this.nextSweepAt = now + SWEEP_EVERY_MS;
      void this.persistence.sweep(now - this.opts.retentionMs).catch(() => this.errors++);
    }
  }

  /**
   * Loads a new series' saved points in front of its live ones; `loaded` gets the newest restored
   * value (null when nothing was stored). Not called when loading fails.
   */
  restore(s: TrackedSeries, now: number, loaded: (restoredLatest: SeriesLatest | null) => void): void {
    s.restoring = true;
    loadHistory(this.persistence, s, now - this.opts.retentionMs)
      .then((restoredLatest) => {
        s.restoring = false;
        loaded(restoredLatest);
      })
      .catch(() => {
        s.restoring = false;
        this.errors++;
      });
  }
}
