import { memo, useMemo } from 'react';
import type { DashboardConfig } from '../../src/config';
import { useT } from '../i18n/useT';
import { useAllConnectionStatuses } from '../hooks/useEngine';
import { useLatestMany } from '../hooks/useSeries';
import { useSite } from '../hooks/useSite';
import { formatValue } from '../widgets/common/format';
import { resolveSeries } from '../widgets/common/resolveSeries';
import { lampLook } from '../widgets/Lamp/lampState';
import type { LampState } from '../widgets/Lamp/types';
import { cardPreview } from './cardPreview';

/**
 * A dashboard card's live values: the first few stats, gauges, lamps and charts, read from the
 * series store like the widgets' own values (a render per delta that changes them, never per
 * message). Loaded after the card shells, off the start-up bundle (series resolution, lamp looks).
 */
function DashboardCardValues({ dashboard }: { dashboard: DashboardConfig }) {
  const t = useT();
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
    return <p className="text-[13px] text-hmi-muted">{titles.length ? titles.join(' · ') : t('No widgets yet.')}</p>;
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

export default memo(DashboardCardValues);
