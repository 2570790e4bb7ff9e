import type { Bounds } from './types';

const STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30];

/** A round grid spacing in degrees giving about `target` lines across the larger side of `b`. */
export function graticuleStep(b: Bounds, target = 6): number {
  const span = Math.max(b[2] - b[0], b[3] - b[1], 1e-6);
  return STEPS.find((s) => span / s <= target + 1e-9) ?? 30;
}

export interface GraticuleLine {
  /** `lat` lines run east–west at that latitude; `lon` lines north–south. */
  readonly kind: 'lat' | 'lon';
  readonly value: number;
  /** Two ends, [lat, lon] each. */
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
}

/**
 * The lines of a plain latitude/longitude grid covering `b` (with one step of margin, so panning
 * a little shows no empty edge): the map's background when there is no basemap.
 */
export function graticule(b: Bounds, target = 6): GraticuleLine[] {
  const step = graticuleStep(b, target);
  const s = Math.max(-85, Math.floor(b[0] / step) * step - step);
  const n = Math.min(85, Math.ceil(b[2] / step) * step + step);
  const w = Math.max(-180, Math.floor(b[1] / step) * step - step);
  const e = Math.min(180, Math.ceil(b[3] / step) * step + step);
  const round = (v: number) => Math.round(v / step) * step;
  const lines: GraticuleLine[] = [];
  for (let i = 0, lat = s; lat <= n + step / 2 && i < 200; i++, lat = round(s + (i * step))) lines.push({ kind: 'lat', value: lat, from: [lat, w], to: [lat, e] });
  for (let i = 0, lon = w; lon <= e + step / 2 && i < 200; i++, lon = round(w + (i * step))) lines.push({ kind: 'lon', value: lon, from: [s, lon], to: [n, lon] });
  return lines;
}
