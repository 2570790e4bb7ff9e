import { Suspense, useId, useMemo, type ReactNode } from 'react';
import type { WidgetConfig } from '../../src/config';
import { useAllConnectionStatuses } from '../hooks/useEngine';
import { useLatestMany, useNow } from '../hooks/useSeries';
import { useSite } from '../hooks/useSite';
import { resolveSeries } from './common/resolveSeries';
import { RESTORED_TYPES } from './common/restoredLatest';
import { isStale, isWaiting } from './common/stale';
import { useRestoredLatest } from './common/useRestoredLatest';
import { widgetType } from './registry';
import { useT } from '../i18n/useT';
import { formatClock } from '../lib/formatLocale';

/**
 * Every widget's frame (ui-contract.md "Charts and dashboards"): a figure named by its title
 * whose body carries the latest value(s) as text, with the stale look when all its data is old
 * or its connection is down. `controls` are the edit-mode buttons.
 */
export function WidgetFrame({ widget, scope, controls }: { widget: WidgetConfig; scope: string; controls?: ReactNode }) {
  const t = useT();
  const connections = useSite((s) => s.config.connections);
  const alarms = useSite((s) => s.config.alarms);
  const series = useMemo(() => resolveSeries({ connections, alarms }, widget), [connections, alarms, widget]);
  const keys = useMemo(() => series.map((s) => s.key), [series]);
  // Lamps, stats and gauges show their last value from before a reload (stale) until data comes.
  const latest = useRestoredLatest(keys, useLatestMany(keys), RESTORED_TYPES.has(widget.type));
  const statuses = useAllConnectionStatuses();
  const now = useNow();
  const reactId = useId();
  const def = widgetType(widget.type);
  const title = widget.title || widget.id;

  // Per series: '0' fresh, '1' stale, 'w' no value yet but connected less than the stale time ago.
  const staleSig = series
    .map((s, i) => {
      const up = Object.values(statuses).filter((c) => c.state === 'connected' && (!s.connection || c.id === s.connection));
      if (isStale(latest[i], up.length > 0, now, widget.staleAfterMs, s.connection ? statuses[s.connection]?.staleBefore : undefined)) {
        const connectedAt = up.length > 0 ? Math.min(...up.map((c) => c.connectedAt ?? Infinity)) : undefined;
        return isWaiting(latest[i], connectedAt === Infinity ? undefined : connectedAt, now, widget.staleAfterMs) ? 'w' : '1';
      }
      return '0';
    })
    .join('');
  const stale = useMemo(() => staleSig.split('').map((c) => c !== '0'), [staleSig]);
  const allWaiting = staleSig.length > 0 && !/[^w]/.test(staleSig);
  const allStale = !allWaiting && stale.length > 0 && stale.every(Boolean);
  // Values from before a reload say when they were received, so nobody reads them as live.
  const restoredAt = Math.max(...latest.map((l) => (l?.restored ? l.at : -Infinity)));
  const Body = def?.component;

  return (
    <figure
      aria-label={title}
      data-stale={allStale || undefined}
      className={`flex h-full min-h-0 flex-col overflow-hidden rounded border bg-hmi-panel p-2 ${allStale ? 'border-dashed border-stale' : 'border-hmi-border'}`}
    >
      <figcaption className="mb-1 flex items-center gap-2">
        <span className="truncate font-semibold">{title}</span>
        {allStale && <span className="rounded border border-stale px-1 text-xs text-stale">{t('Stale')}</span>}
        {allStale && restoredAt > 0 && (
          <span className="truncate text-xs text-hmi-muted" title={t('Kept from before the page was reloaded; no live value since')}>
            {t('last at {time}', { time: formatClock(restoredAt) })}
          </span>
        )}
        {allWaiting && <span className="rounded border border-hmi-border px-1 text-xs text-hmi-muted">{t('Waiting for data')}</span>}
        {controls && <span className="ml-auto flex shrink-0 gap-1">{controls}</span>}
      </figcaption>
      <div className="min-h-0 flex-1">
        {Body ? (
          <Suspense fallback={<p className="text-hmi-muted">{t('Loading…')}</p>}>
            <Body widget={widget} instanceId={`${scope}/${widget.id}${reactId}`} series={series} latest={latest} stale={stale} />
          </Suspense>
        ) : (
          <p className="text-hmi-muted">{t('Unknown widget type “{type}”.', { type: widget.type })}</p>
        )}
      </div>
    </figure>
  );
}
