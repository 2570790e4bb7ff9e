import { memo, useMemo } from 'react';
import type { DashboardConfig } from '../../src/config';
import { hrefFor } from '../hooks/useHashRoute';
import { useAllConnectionStatuses } from '../hooks/useEngine';
import { useLatestMany } from '../hooks/useSeries';
import { useSite } from '../hooks/useSite';
import { formatValue } from '../widgets/common/format';
import { resolveSeries } from '../widgets/common/resolveSeries';
import { lampLook } from '../widgets/Lamp/lampState';
import type { LampState } from '../widgets/Lamp/types';
import { cardPreview } from './cardPreview';

/**
 * The Dashboards page as cards (issue 16, tablets): each dashboard's name (a link, named by the
 * dashboard alone), its widget count and a few live values. The values come from the series
 * store like the widgets' own (one render per delta that changes them, never per message).
 */
export function DashboardCards({ dashboards }: { dashboards: readonly DashboardConfig[] }) {
  return (
    <ul aria-label="Dashboards" className="mb-4 grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-3">
      {dashboards.map((d) => (
        <DashboardCard key={d.id} dashboard={d} />
      ))}
    </ul>
  );
}

const DashboardCard = memo(function DashboardCard({ dashboard }: { dashboard: DashboardConfig }) {
  const count = dashboard.widgets.length;
  return (
    <li className="relative flex flex-col gap-2 rounded border border-hmi-border bg-hmi-panel p-3 focus-within:outline focus-within:outline-2 focus-within:outline-hmi-focus hover:bg-hmi-raised">
      <div className="flex items-baseline justify-between gap-2">
        {/* The link covers the whole card (its ::after), so a tap anywhere opens the dashboard. */}
        <a className="min-w-0 truncate text-base font-semibold after:absolute after:inset-0 focus:outline-none" href={hrefFor({ view: 'dashboards', id: dashboard.id })}>
          {dashboard.name || dashboard.id}
        </a>
        <span className="shrink-0 text-xs text-hmi-muted">
          {count} {count === 1 ? 'widget' : 'widgets'}
        </span>
      </div>
      <CardValues dashboard={dashboard} />
    </li>
  );
});

function CardValues({ dashboard }: { dashboard: DashboardConfig }) {
  const connections = useSite((s) => s.config.connections);
  const alarms = useSite((s) => s.config.alarms);
  const statuses = useAllConnectionStatuses();
  const widgets = useMemo(() => cardPreview(dashboard), [dashboard]);
  const series = useMemo(() => widgets.map((w) => resolveSeries({ connections, alarms }, w)[0]!), [widgets, connections, alarms]);
  const keys = useMemo(() => series.map((s) => s.key), [series]);
  const latest = useLatestMany(keys);
  if (widgets.length === 0) {
    // Tables, maps and charts per variable: name what is there instead of a number.
    const titles = dashboard.widgets.slice(0, 3).map((w) => w.title || w.id);
    return <p className="text-[13px] text-hmi-muted">{titles.length ? titles.join(' · ') : 'No widgets yet.'}</p>;
  }
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-0.5 text-[13px]">
      {widgets.map((w, i) => {
        const s = series[i]!;
        const value = latest[i];
        const up = Object.values(statuses).some((c) => c.state === 'connected' && (!s.connection || c.id === s.connection));
        const text = w.type === 'lamp' ? lampLook(w.states as LampState[] | undefined, value).text : formatValue(value?.value ?? null, w.decimals, w.unit ?? s.unit);
        return (
          <div key={w.id} className="contents">
            <dt className="truncate text-hmi-muted">{w.title || w.id}</dt>
            <dd className={`text-right font-mono tabular-nums ${value && up ? 'text-hmi-text' : 'text-stale'}`}>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
}
