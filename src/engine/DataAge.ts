const SAMPLES = 512;

/**
 * Data age (payload `ts` → processed) over one second: a reservoir of 512 samples spread over
 * the whole second (not its first 512 messages), so the p95 sees the end of a backlog too.
 */
export class DataAge {
  private samples: number[] = [];
  private seen = 0;

  add(ageMs: number): void {
    const n = ++this.seen;
    if (this.samples.length < SAMPLES) this.samples.push(ageMs);
    else {
      const j = Math.floor(Math.random() * n);
      if (j < SAMPLES) this.samples[j] = ageMs;
    }
  }

  /** Median and 95th percentile of the second that ends now (null without timestamps). */
  roll(): { p50: number | null; p95: number | null } {
    const s = this.samples.sort((a, b) => a - b);
    const out = s.length ? { p50: s[s.length >> 1], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] } : { p50: null, p95: null };
    this.samples = [];
    this.seen = 0;
    return out;
  }
}
