import type { TrackedSeries } from './TrackedSeries';
import type { SeriesLatest } from './types';

/**
 * Series whose newest value changed, sent in one batch at most every `intervalMs`: a widget
 * showing a number need not re-render for every message of a 100 Hz topic.
 */
export class LatestBatch {
  private readonly dirty = new Set<TrackedSeries>();
  private lastSentAt = -Infinity;

  constructor(private readonly intervalMs: number) {}

  /** Hot path: the series' `latest` changed. */
  mark(s: TrackedSeries): void {
    this.dirty.add(s);
  }

  /**
   * The newest values due at `now` (undefined when none are), and when values are held back,
   * in how many ms they will be due.
   */
  take(now: number): { latest?: SeriesLatest[]; waitMs?: number } {
    if (!this.dirty.size) return {};
    if (now - this.lastSentAt < this.intervalMs) return { waitMs: this.lastSentAt + this.intervalMs - now };
    const latest: SeriesLatest[] = [];
    for (const s of this.dirty) if (s.latest) latest.push(s.latest);
    this.dirty.clear();
    this.lastSentAt = now;
    return latest.length ? { latest } : {};
  }
}
