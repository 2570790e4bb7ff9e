import type { RingView } from './RingBuffer';

/**
 * Min/max per time bucket (a bucket is about two pixels wide): for every bucket the lowest
 * and the highest point are kept, in time order, so a one-sample spike is never averaged
 * away (LTTB can drop it). The first and last points of the range are always kept, and a
 * gap marker (NaN) inside a bucket is kept so the line still breaks there.
 *
 * Output is interleaved `[t0, v0, t1, v1, …]` in one Float64Array: ECharts takes it as-is
 * (typed-array source, two dimensions) and it copies cheaply across postMessage.
 */
export function downsampleMinMax(view: RingView, from: number, to: number, buckets: number): Float64Array {
  const i0 = lowerBound(view, from);
  const i1 = upperBound(view, to);
  const count = i1 - i0;
  if (count <= 0) return new Float64Array(0);
  buckets = Math.max(1, Math.floor(buckets));
  // Few enough points: send them all (≤ two per bucket is what min/max would send anyway).
  if (count <= buckets * 2 + 2) return copyRange(view, i0, i1);

  const { t, v, start } = view;
  const alloc = t.length;
  const out = new Float64Array((buckets * 3 + 2) * 2);
  let o = 0;
  const emit = (p: number) => {
    out[o++] = t[p];
    out[o++] = v[p];
  };
  const physOf = (i: number) => (start + i >= alloc ? start + i - alloc : start + i);

  const first = physOf(i0);
  const last = physOf(i1 - 1);
  emit(first);
  const span = Math.max(1e-9, to - from);
  let bucket = -1;
  let minP = -1;
  let maxP = -1;
  let gapP = -1;
  let minV = Infinity;
  let maxV = -Infinity;
  const logical = (p: number) => (p >= start ? p - start : p + alloc - start);
  const emitIfNew = (p: number) => {
    if (p >= 0 && p !== first && p !== last) emit(p);
  };
  const flushBucket = () => {
    // Up to three distinct points (min, max, first gap), emitted in time order.
    let a = minP;
    let b = maxP === minP ? -1 : maxP;
    const c = gapP;
    if (a >= 0 && b >= 0 && logical(b) < logical(a)) [a, b] = [b, a];
    if (c < 0) {
      emitIfNew(a);
      emitIfNew(b);
      return;
    }
    const lc = logical(c);
    if (a >= 0 && logical(a) < lc) emitIfNew(a);
    if (b >= 0 && logical(b) < lc) emitIfNew(b);
    emitIfNew(c);
    if (a >= 0 && logical(a) > lc) emitIfNew(a);
    if (b >= 0 && logical(b) > lc) emitIfNew(b);
  };
  for (let i = i0 + 1; i < i1 - 1; i++) {
    const p = physOf(i);
    const b = Math.min(buckets - 1, Math.floor(((t[p] - from) / span) * buckets));
    if (b !== bucket) {
      if (bucket >= 0) flushBucket();
      bucket = b;
      minP = maxP = gapP = -1;
      minV = Infinity;
      maxV = -Infinity;
    }
    const val = v[p];
    if (val !== val) {
      if (gapP < 0) gapP = p;
      continue;
    }
    if (val < minV) {
      minV = val;
      minP = p;
    }
    if (val > maxV) {
      maxV = val;
      maxP = p;
    }
  }
  if (bucket >= 0) flushBucket();
  if (last !== first) emit(last);
  return out.slice(0, o);
}

function copyRange(view: RingView, i0: number, i1: number): Float64Array {
  const { t, v, start } = view;
  const alloc = t.length;
  const out = new Float64Array((i1 - i0) * 2);
  let o = 0;
  for (let i = i0; i < i1; i++) {
    const p = start + i >= alloc ? start + i - alloc : start + i;
    out[o++] = t[p];
    out[o++] = v[p];
  }
  return out;
}

function timeAt(view: RingView, i: number): number {
  const p = view.start + i;
  return view.t[p >= view.t.length ? p - view.t.length : p];
}

function lowerBound(view: RingView, time: number): number {
  let lo = 0;
  let hi = view.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeAt(view, mid) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(view: RingView, time: number): number {
  let lo = 0;
  let hi = view.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeAt(view, mid) <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A plain-array view (tests, restored chunks). */
export function arrayView(t: ArrayLike<number>, v: ArrayLike<number>): RingView {
  return { t: Float64Array.from(t), v: Float64Array.from(v), start: 0, size: t.length };
}
