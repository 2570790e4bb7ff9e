/**
 * Times kept per topic and per message as milliseconds after the first time seen, not since 1970.
 * V8 keeps a number field that always holds a small integer (31 bits) inside the object, but a
 * field that ever held a larger one gets its own 12-byte box per object: Date.now() (~1.7e12) cost
 * three such boxes per topic (issue 17). 2^30 ms is 12 days; later times become boxes again,
 * which costs memory but changes no value.
 */
let base = NaN;

/** The stored form of an epoch-ms time. */
export function toSmall(t: number): number {
  if (base !== base) base = t;
  const d = t - base;
  // A difference of two large numbers comes out of V8 as a boxed number even when it is small:
  // `| 0` makes it a small integer again (when it is one).
  return d === (d | 0) ? d | 0 : d;
}

/** The epoch-ms time of a stored form. */
export function fromSmall(s: number): number {
  return s + base;
}
