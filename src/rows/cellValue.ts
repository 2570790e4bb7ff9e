import { extractValue, leafText, type DecodedPayload } from '../payload';

/**
 * A row's cell from a payload: numbers stay numbers (tables sort them, maps plot them), other
 * leaves become short text, objects and missing paths null. A Sparkplug metric name is looked up
 * whole (never split on dots), so `Engine/RPM` and `Inputs.Speed` work as paths.
 */
export function cellValue(decoded: DecodedPayload, path: string): number | string | null {
  const metric = decoded.metrics?.get(path);
  const value = metric ? metric.value : extractValue(decoded, path);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && decoded.kind !== 'json' && !metric) {
    // A plain-text payload "42.5" is a number, as for a gauge.
    const n = Number(value.trim());
    if (value.trim() !== '' && Number.isFinite(n)) return n;
  }
  return leafText(value) ?? null;
}
