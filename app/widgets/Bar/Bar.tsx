import { BarChart } from 'echarts/charts';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { SeriesFrame } from '../../../src/series';
import { usePageVisible, useSeriesWatch } from '../../hooks/useSeries';
import { seriesColour } from '../../theme/chartPalette';
import { useChartPalette } from '../../theme/useChartPalette';
import { drawQueue } from '../common/drawQueue';
import { echarts, initChart, type ECharts } from '../common/echarts';
import { formatValue } from '../common/format';
import { useElementSize, useOnScreen } from '../common/useBox';
import type { WidgetProps } from '../types';
import { barData, barOption, barWindowMs, bucketLabel, GRID } from './barOption';
import { DEFAULT_BARS, DEFAULT_INTERVAL } from './types';
import { useT } from '../../i18n/useT';

// Bars are registered here, not in common/echarts.ts, so line charts and gauges do not carry them.
echarts.use([BarChart]);

/**
 * Bar chart (issue 15): one bar per interval per series, e.g. kWh per hour, per day or per
 * shift from `increase` series. The worker keeps one point per bucket (at its start) and
 * updates the current one live; this draws the last `bars` of them and carries as text each
 * series' value for the current interval.
 */
function Bar({ widget, instanceId, series, latest, stale }: WidgetProps) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const frameRef = useRef<SeriesFrame | null>(null);
  const size = useElementSize(boxRef);
  const onScreen = useOnScreen(boxRef);
  const pageVisible = usePageVisible();
  const palette = useChartPalette();
  const unit = widget.unit ?? series[0]?.unit ?? '';
  const interval = widget.series[0]?.interval ?? DEFAULT_INTERVAL;
  const bars = typeof widget.bars === 'number' && widget.bars > 0 ? Math.min(500, Math.floor(widget.bars)) : DEFAULT_BARS;
  const keys = useMemo(() => series.map((s) => s.key), [series]);

  const draw = useCallback(() => {
    const chart = chartRef.current;
    const frame = frameRef.current;
    if (!chart || !frame) return;
    const look = { unit, decimals: widget.decimals, interval, palette };
    chart.setOption(barOption(series, barData(frame, keys, bars), look), { notMerge: true, silent: true });
    chart.getZr().flush();
  }, [series, keys, bars, unit, widget.decimals, interval, palette]);
  const drawRef = useRef(draw);
  drawRef.current = draw;

  useEffect(() => {
    const chart = initChart(boxRef.current!);
    chartRef.current = chart;
    return () => {
      drawQueue.cancel(chartRef);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    drawQueue.schedule(chartRef, () => drawRef.current());
  }, [draw]);

  useEffect(() => {
    if (size.width > 0 && size.height > 0) chartRef.current?.resize();
  }, [size.width, size.height]);

  const onFrame = useCallback((frame: SeriesFrame) => {
    frameRef.current = frame;
    drawQueue.schedule(chartRef, () => drawRef.current());
  }, []);
  const plotWidth = Math.max(1, size.width - GRID.left - GRID.right);
  useSeriesWatch(instanceId, { keys, windowMs: barWindowMs(interval, bars), range: null, widthPx: plotWidth }, onScreen && pageVisible && size.width > 0, onFrame);

  return (
    <div className="flex h-full min-h-0 flex-col gap-1">
      <div ref={boxRef} className="min-h-[60px] flex-1" />
      <ul aria-label={t('Current interval')} className="flex max-h-16 flex-wrap gap-x-3 overflow-auto text-[13px]">
        {series.map((s, i) => (
          <li key={s.key} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-2 w-2" style={{ background: seriesColour(palette, i) }} />
            <span>{s.label}</span>
            <span className={`font-mono tabular-nums ${stale[i] ? 'text-stale' : ''}`}>{formatValue(latest[i]?.value, widget.decimals, s.unit)}</span>
            {latest[i] && <span className="text-hmi-muted">{t('since {value}', { value: bucketLabel(latest[i]!.t, widget.series[i]?.interval ?? interval) })}</span>}
            {stale[i] && <span className="text-stale">{t('(stale)')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default memo(Bar);
