import { memo, useCallback, useRef, useState } from 'react';
import type { SeriesFrame } from '../../../src/series';
import { usePageVisible, useSeriesWatch } from '../../hooks/useSeries';
import { useChartPalette } from '../../theme/useChartPalette';
import { formatValue } from '../common/format';
import { useElementSize, useOnScreen } from '../common/useBox';
import type { WidgetProps } from '../types';
import { sparkPath, trendOf } from './spark';
import { SPARK_WINDOW_MS, type Trend } from './types';

const ARROWS: Record<Trend, string> = { rising: '▲', falling: '▼', steady: '▶' };
const SPARK_HEIGHT = 28;

/** Stat: a big number with its unit, a trend arrow and a sparkline (plain SVG, no ECharts). */
function Stat({ widget, instanceId, series, latest, stale }: WidgetProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(boxRef);
  const onScreen = useOnScreen(boxRef);
  const pageVisible = usePageVisible();
  const [spark, setSpark] = useState<{ d: string; trend: Trend | null }>({ d: '', trend: null });
  const isStale = stale[0] ?? true;
  const unit = widget.unit ?? series[0]?.unit ?? '';
  const width = size.width;
  const palette = useChartPalette();

  const onFrame = useCallback(
    (f: SeriesFrame) => {
      const xy = f.series[0]?.xy ?? new Float64Array(0);
      setSpark({ d: sparkPath(xy, f.from, f.to, width, SPARK_HEIGHT), trend: trendOf(xy) });
    },
    [width],
  );
  const keys = series[0] ? [series[0].key] : [];
  useSeriesWatch(instanceId, { keys, windowMs: SPARK_WINDOW_MS, range: null, widthPx: width }, onScreen && pageVisible && width > 0, onFrame);

  return (
    <div ref={boxRef} className="flex h-full min-h-0 flex-col justify-center">
      <p className={`font-mono text-4xl font-semibold leading-tight tabular-nums ${isStale ? 'text-stale' : ''}`}>
        {formatValue(latest[0]?.value ?? null, widget.decimals, undefined)}
        {unit && <span className="text-lg font-normal text-hmi-muted"> {unit}</span>}
        {spark.trend && (
          <span className="ml-2 align-middle text-base text-hmi-muted" title={spark.trend}>
            <span aria-hidden="true">{ARROWS[spark.trend]}</span>
            <span className="sr-only">{spark.trend}</span>
          </span>
        )}
      </p>
      <svg aria-hidden="true" width={width} height={SPARK_HEIGHT} className="mt-1 overflow-visible">
        <path d={spark.d} fill="none" stroke={isStale ? palette.stale : palette.series[0]} strokeWidth={1.25} />
      </svg>
    </div>
  );
}

export default memo(Stat);
