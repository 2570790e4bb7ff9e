import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SeriesFrame, TimeRange } from '../../../src/series';
import { useMediaQuery } from '../../hooks/useMediaQuery';
import { seriesColour } from '../../theme/chartPalette';
import { useChartPalette } from '../../theme/useChartPalette';
import { downloadText, safeFileName } from '../../lib/download';
import { usePageVisible, useSeriesWatch } from '../../hooks/useSeries';
import { requestExport } from '../../actions/seriesActions';
import { drawQueue } from '../common/drawQueue';
import { initChart, type ECharts } from '../common/echarts';
import { formatValue } from '../common/format';
import { useElementSize, useOnScreen } from '../common/useBox';
import type { WidgetProps } from '../types';
import { exceeds, frameOption, GRID, lineBaseOption } from './lineOption';
import { toCsv } from './toCsv';
import { DEFAULT_WINDOW, windowMs, WINDOWS, type LineWindow } from './types';
import { useT } from '../../i18n/useT';
import { formatClock } from '../../lib/formatLocale';

const ZOOM_SETTLE_MS = 250;

/**
 * Line chart: several series on one time axis. Points come downsampled from the worker, about
 * one per pixel, at most ~4 times a second, and only while the chart is on screen. Zooming or
 * pausing asks the worker for that range at full resolution.
 */
function LineChart({ widget, instanceId, series, latest, stale }: WidgetProps) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const frameRef = useRef<SeriesFrame | null>(null);
  const [win, setWin] = useState<LineWindow>((widget.window as LineWindow | undefined) ?? DEFAULT_WINDOW);
  const [range, setRange] = useState<TimeRange | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;
  const size = useElementSize(boxRef);
  const onScreen = useOnScreen(boxRef);
  const pageVisible = usePageVisible();
  const unit = widget.unit ?? series[0]?.unit ?? '';
  const touch = useMediaQuery('(pointer: coarse)');
  const palette = useChartPalette();
  // A new palette (the theme changed) rebuilds the option below: the chart follows without a reload.
  const look = useMemo(() => ({ unit, decimals: widget.decimals, min: widget.min, max: widget.max, touch, palette }), [unit, widget.decimals, widget.min, widget.max, touch, palette]);

  useEffect(() => {
    const el = boxRef.current!;
    const chart = initChart(el);
    chartRef.current = chart;
    let zoomTimer = 0;
    // A zoom or pan settles into a paused range that the worker then fills at full resolution.
    chart.on('datazoom', () => {
      clearTimeout(zoomTimer);
      zoomTimer = window.setTimeout(() => {
        const frame = frameRef.current;
        const dz = (chart.getOption() as { dataZoom?: { start?: number; end?: number }[] }).dataZoom?.[0];
        if (!frame || !dz) return;
        const start = dz.start ?? 0;
        const end = dz.end ?? 100;
        if (start <= 0 && end >= 100) return;
        const span = frame.to - frame.from;
        chart.dispatchAction({ type: 'dataZoom', start: 0, end: 100 });
        setRange({ from: frame.from + (span * start) / 100, to: frame.from + (span * end) / 100 });
      }, ZOOM_SETTLE_MS);
    });
    return () => {
      clearTimeout(zoomTimer);
      drawQueue.cancel(chartRef);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  // Alarm lines change colour when a setpoint is exceeded: rebuild only when that changes.
  const exceededSig = series.map((s, i) => s.alarms.map((r) => (exceeds(r, latest[i]?.value) ? 1 : 0)).join('')).join('|');
  const seriesSig = series.map((s) => `${s.key}\u0002${s.label}\u0002${s.alarms.map((r) => `${r.id}:${r.setpoint}`).join(',')}`).join('\u0003');
  const latestRef = useRef(latest);
  latestRef.current = latest;
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption(lineBaseOption(series, latestRef.current, look), { notMerge: true, lazyUpdate: true, silent: true });
    if (frameRef.current) chart.setOption(frameOption(frameRef.current, hidden), { lazyUpdate: true, silent: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- series is captured by seriesSig
  }, [seriesSig, exceededSig, look, hidden]);

  useEffect(() => {
    if (size.width > 0 && size.height > 0) chartRef.current?.resize();
  }, [size.width, size.height]);

  // New points are drawn in a frame with time to spare (drawQueue), synchronously there, so that
  // the drawing counts against that frame's budget rather than piling up in ECharts' own frame.
  const onFrame = useCallback((frame: SeriesFrame) => {
    frameRef.current = frame;
    drawQueue.schedule(chartRef, () => {
      const chart = chartRef.current;
      const latestFrame = frameRef.current;
      if (!chart || !latestFrame) return;
      chart.setOption(frameOption(latestFrame, hiddenRef.current), { silent: true });
      chart.getZr().flush();
    });
  }, []);

  const keys = useMemo(() => series.filter((s) => !hidden.has(s.key)).map((s) => s.key), [series, hidden]);
  const plotWidth = Math.max(1, size.width - GRID.left - GRID.right);
  useSeriesWatch(instanceId, { keys, windowMs: windowMs(win), range, widthPx: plotWidth }, onScreen && pageVisible && size.width > 0, onFrame);

  const exportCsv = async () => {
    const frame = frameRef.current;
    const exported = await requestExport(series.map((s) => s.key), range ?? (frame ? { from: frame.from, to: frame.to } : null));
    downloadText(`${safeFileName(widget.title || widget.id, 'chart')}.csv`, toCsv(series.map((s) => s.label), exported.series), 'text/csv');
  };

  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="flex h-full min-h-0 flex-col gap-1">
      <div className="flex flex-wrap items-center gap-1 text-xs">
        <select aria-label={t('Time window')} value={win} onChange={(e) => { setWin(e.target.value as LineWindow); setRange(null); }} className="rounded border border-hmi-border bg-hmi-raised px-1 py-0.5">
          {WINDOWS.map((w) => (
            <option key={w.id} value={w.id}>{t(w.label)}</option>
          ))}
        </select>
        <button
          type="button"
          className="rounded border border-hmi-border bg-hmi-raised px-2 py-0.5"
          onClick={() => setRange(range ? null : frameRef.current ? { from: frameRef.current.from, to: frameRef.current.to } : null)}
        >
          {range ? t('Resume') : t('Pause')}
        </button>
        {range && <span className="text-hmi-muted">{t('Paused {from}–{to}', { from: formatClock(range.from), to: formatClock(range.to) })}</span>}
        <button type="button" className="ml-auto rounded border border-hmi-border bg-hmi-raised px-2 py-0.5" onClick={() => void exportCsv()}>
          {t('Export CSV')}
        </button>
      </div>
      <div ref={boxRef} className="min-h-[60px] flex-1" title={t('Drag to pan, Ctrl+wheel to zoom')} />
      <ul aria-label={t('Latest values')} className="flex max-h-16 flex-wrap gap-x-3 overflow-auto text-[13px]">
        {series.map((s, i) => (
          <li key={s.key} className="flex items-center gap-1">
            <button type="button" aria-pressed={!hidden.has(s.key)} onClick={() => toggle(s.key)} className={`flex items-center gap-1 ${hidden.has(s.key) ? 'opacity-50' : ''}`}>
              <span aria-hidden="true" className="inline-block h-0.5 w-3" style={{ background: seriesColour(palette, i) }} />
              {s.label}
            </button>
            <span className={`font-mono tabular-nums ${stale[i] ? 'text-stale' : ''}`}>{formatValue(latest[i]?.value, widget.decimals, s.unit)}</span>
            {stale[i] && <span className="text-stale">{t('(stale)')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default memo(LineChart);
