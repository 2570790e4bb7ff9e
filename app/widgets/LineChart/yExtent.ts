/**
 * A trend's y range when alarm setpoints are drawn on it (issue 16): the data AND every setpoint,
 * rounded outward to a round step, so a limit line is never off the chart and the operator sees
 * how far the value is from it. A side set by a setpoint gets 5 % room so its line and label do
 * not sit on the plot's edge; a side set by the data stays where ECharts would put it.
 */
export function extentWithSetpoints(dataMin: number, dataMax: number, setpoints: readonly number[]): { min: number; max: number } {
  const data = [dataMin, dataMax].filter(Number.isFinite);
  const limits = setpoints.filter(Number.isFinite);
  const all = [...data, ...limits];
  if (!all.length) return { min: 0, max: 1 };
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const span = hi - lo || Math.abs(hi) * 0.1 || 1;
  const dataLo = data.length ? Math.min(...data) : Infinity;
  const dataHi = data.length ? Math.max(...data) : -Infinity;
  if (lo < dataLo) lo -= span * 0.05;
  if (hi > dataHi) hi += span * 0.05;
  const step = niceStep((hi - lo) / 5);
  return { min: tidy(Math.floor(tidy(lo / step)) * step), max: tidy(Math.ceil(tidy(hi / step)) * step) };
}

/** 1, 2, 2.5 or 5 × 10ⁿ: the tick steps people read easily. */
function niceStep(raw: number): number {
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * pow;
}

/** Drops float noise (0.30000000000000004 → 0.3). */
const tidy = (x: number): number => Number(x.toPrecision(12));
