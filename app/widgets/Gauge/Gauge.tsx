import { memo, useEffect, useRef } from 'react';
import { useChartPalette } from '../../theme/useChartPalette';
import { initChart, type ECharts } from '../common/echarts';
import { formatValue } from '../common/format';
import type { Band } from '../common/settings';
import { useElementSize } from '../common/useBox';
import type { WidgetProps } from '../types';
import { abnormalBandAt, gaugeOption } from './gaugeOption';
import { DEFAULT_MAX, DEFAULT_MIN } from './types';

/** Gauge: one value on a dial with bands; the number itself is text under the dial. */
function Gauge({ widget, series, latest, stale }: WidgetProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const size = useElementSize(boxRef);
  const value = latest[0]?.value;
  const isStale = stale[0] ?? true;
  const min = widget.min ?? DEFAULT_MIN;
  const max = widget.max ?? DEFAULT_MAX;
  const bands = widget.bands as Band[] | undefined;
  const unit = widget.unit ?? series[0]?.unit ?? '';
  const abnormal = isStale ? undefined : abnormalBandAt(bands, value, min, max);
  const palette = useChartPalette();

  useEffect(() => {
    const chart = initChart(boxRef.current!);
    chartRef.current = chart;
    return () => {
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(gaugeOption(value, min, max, bands, isStale, palette), { lazyUpdate: true, silent: true });
  }, [value, min, max, bands, isStale, palette]);

  useEffect(() => {
    if (size.width > 0 && size.height > 0) chartRef.current?.resize();
  }, [size.width, size.height]);

  return (
    <div className="flex h-full min-h-0 flex-col items-center">
      <div ref={boxRef} className="min-h-[60px] w-full flex-1" aria-hidden="true" />
      <p className={`font-mono text-2xl font-semibold tabular-nums ${isStale ? 'text-stale' : ''}`}>
        {abnormal && <span className={`mr-1 inline-block h-3 w-3 align-middle ${PRIORITY_BG[abnormal.priority!]}`} aria-hidden="true" />}
        {formatValue(value, widget.decimals, unit)}
        {abnormal && <span className="text-sm font-normal"> ({abnormal.priority})</span>}
      </p>
    </div>
  );
}

const PRIORITY_BG = { critical: 'bg-alarm-critical', high: 'bg-alarm-high', medium: 'bg-alarm-medium', low: 'bg-alarm-low' } as const;

export default memo(Gauge);
