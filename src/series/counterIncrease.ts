const WRAPS = [2 ** 32, 2 ** 64];

/**
 * How much a counter grew from `prev` to `next`. A drop is a counter reset (device restart,
 * meter exchange): the counter started again from zero, so the increase is `next` (Prometheus'
 * `increase()` semantics). A drop from near a wrap boundary to near zero is a wrap instead:
 * at `wrapAt` when configured, else inferred at 2^32 or 2^64 (the top quarter of the range to
 * the bottom quarter), and the increase is what was left up to the boundary plus `next`.
 */
export function counterIncrease(prev: number, next: number, wrapAt?: number): number {
  if (next >= prev) return next - prev;
  if (wrapAt !== undefined && wrapAt > 0) return prev < wrapAt && next < wrapAt ? wrapAt - prev + next : next;
  for (const w of WRAPS) {
    if (prev < w && prev >= w * 0.75 && next < w * 0.25) return w - prev + next;
  }
  return next;
}
