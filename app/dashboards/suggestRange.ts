/** Steps for a "nice" scale end: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 × a power of ten. */
const STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
const UNIT_KEYS = ['unit', 'units', 'uom'];

function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const step = STEPS.find((s) => s * p >= x * (1 - 1e-9)) ?? 10;
  return Number((step * p).toPrecision(6));
}

function at(json: unknown, path: readonly string[]): unknown {
  let cur = json;
  for (const key of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  return cur;
}

/**
 * A gauge's range and unit from a payload seen on its topic: the `unit` next to the value (or at
 * the top), and a scale from 0 (or the mirrored negative) to a round number about 20 % above the
 * value, so 0.35 bar reads on 0–0.5, not 0–100 (issue 16 #8). Paths with brackets are not followed.
 */
export function suggestRange(lastText: string | undefined, path: string): { min?: number; max?: number; unit?: string } {
  if (lastText === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(lastText);
  } catch {
    return {};
  }
  const keys = path ? path.split('.') : [];
  const value = keys.length ? at(json, keys) : json;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  const parent = at(json, keys.slice(0, -1));
  const unitOf = (o: unknown) => UNIT_KEYS.map((k) => at(o, [k])).find((u): u is string => typeof u === 'string' && u.length > 0 && u.length <= 16);
  const unit = keys.length ? (unitOf(parent) ?? unitOf(json)) : undefined;
  if (!Number.isFinite(n)) return unit ? { unit } : {};
  const end = niceCeil(Math.abs(n) * 1.2);
  return { min: n < 0 ? -end : 0, max: end, ...(unit ? { unit } : {}) };
}
