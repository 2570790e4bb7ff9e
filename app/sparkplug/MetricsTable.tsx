import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type ReactNode } from 'react';
import { metricStateText, metricValueText, shortTime } from './formatSparkplug';
import type { SparkplugMetricView } from './types';
import { useT } from '../i18n/useT';

/** Up to this many rows are all in the page (find-in-page, tests); above it only those in view. */
export const VIRTUALIZE_ABOVE = 200;
const ROW_HEIGHT = 30;
const COLUMNS = 8;

/**
 * The table "Metrics": name, value, datatype, units, time, quality, state (stale, write outcome)
 * and a "Write <name>" button per row. Stale rows are greyed and say "stale" in words.
 */
export function MetricsTable({ metrics, onWrite }: { metrics: readonly SparkplugMetricView[]; onWrite(m: SparkplugMetricView): void }) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = metrics.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? metrics.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  let body: ReactNode;
  if (!virtual) {
    body = metrics.map((m) => <MetricRow key={m.name} metric={m} onWrite={onWrite} />);
  } else {
    // Spacer rows above and below keep the scroll height and the table semantics.
    const items = virtualizer.getVirtualItems();
    const top = items[0]?.start ?? 0;
    const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
    body = (
      <>
        {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
        {items.map((it) => (
          <MetricRow key={metrics[it.index].name} metric={metrics[it.index]} onWrite={onWrite} index={it.index} measureRef={virtualizer.measureElement} />
        ))}
        {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
      </>
    );
  }
  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto rounded border border-hmi-border bg-hmi-raised">
      <table aria-label={t('Metrics')} aria-rowcount={metrics.length + 1} className="w-full min-w-[640px] table-fixed border-collapse text-[13px]">
        {/* Fixed columns: long names and values truncate (full text in their title) instead of pushing "Write" out of view. */}
        <colgroup>
          <col className="w-[18%]" />
          <col className="w-[19%]" />
          <col className="w-[7%]" />
          <col className="w-[11%]" />
          <col className="w-[4.75rem]" />
          <col className="w-14" />
          <col />
          <col className="w-16" />
        </colgroup>
        <thead className="sticky top-0 z-10 bg-hmi-panel text-left text-xs text-hmi-muted">
          <tr>
            <th className="px-2 py-1">{t('Name')}</th>
            <th className="px-2 py-1 text-right">{t('Value')}</th>
            <th className="px-2 py-1">{t('Units')}</th>
            <th className="px-2 py-1">{t('Datatype')}</th>
            <th className="px-2 py-1">{t('Time')}</th>
            <th className="px-2 py-1">{t('Quality')}</th>
            <th className="px-2 py-1">{t('State')}</th>
            <th className="px-2 py-1">
              <span className="sr-only">{t('Actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {body}
          {metrics.length === 0 && (
            <tr>
              <td colSpan={COLUMNS} className="px-2 py-3 text-hmi-muted">
                {t('No metrics: none arrived in a BIRTH for this node or device yet.')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  readonly metric: SparkplugMetricView;
  onWrite(m: SparkplugMetricView): void;
  /** Virtualized rows: measured, since a long exact value wraps onto a second line. */
  readonly index?: number;
  readonly measureRef?: (el: Element | null) => void;
}

const MetricRow = memo(function MetricRow({ metric: m, onWrite, index, measureRef }: RowProps) {
  const t = useT();
  const state = metricStateText(m);
  const pending = m.write?.state === 'pending';
  return (
    <tr ref={measureRef} data-index={index} className={`border-t border-hmi-border ${m.stale ? 'text-stale' : ''}`} style={{ height: ROW_HEIGHT }}>
      <th scope="row" className="truncate px-2 text-left font-mono font-normal" title={m.alias !== undefined ? t('{name} (alias {alias})', { name: m.name, alias: m.alias }) : m.name}>
        {m.name}
      </th>
      {/* Wraps rather than truncates: an Int64 beyond 2^53 is shown exactly, every digit (issue 13). */}
      <td className={`break-all px-2 text-right font-mono ${m.isNull ? 'italic' : ''}`}>
        {metricValueText(m)}
      </td>
      <td className="truncate px-2" title={m.units}>
        {m.units ?? ''}
      </td>
      <td className={`truncate px-2 ${m.stale ? '' : 'text-hmi-muted'}`}>{m.datatype}</td>
      <td className="truncate px-2 font-mono text-xs" title={new Date(m.timestamp).toISOString()}>
        {shortTime(m.timestamp)}
      </td>
      <td className="truncate px-2">{m.quality ?? ''}</td>
      <td className={`truncate px-2 text-xs ${pending ? 'italic' : ''}`} title={state || undefined}>
        {state}
      </td>
      <td className="whitespace-nowrap px-1 text-right">
        <button type="button" className="rounded border border-hmi-border bg-hmi-panel px-2 py-0.5 text-xs pointer-coarse:min-h-11" aria-label={t('Write {name}', { name: m.name })} onClick={() => onWrite(m)}>
          {t('Write')}
        </button>
      </td>
    </tr>
  );
});
