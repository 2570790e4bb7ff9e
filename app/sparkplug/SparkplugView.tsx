import { useMemo, useState } from 'react';
import { MetricsTable } from './MetricsTable';
import { requestRebirth } from './sparkplugActions';
import { SparkplugTree } from './SparkplugTree';
import { stateWords } from './sparkplugTree';
import { shortTime, targetPath } from './formatSparkplug';
import { useSelectedEntity, useSparkplugMetrics, useSparkplugSelection } from './useSparkplug';
import { WriteDialog } from './WriteDialog';
import type { SparkplugMetricView } from './types';
import { useT } from '../i18n/useT';

const button = 'rounded border border-hmi-border bg-hmi-raised px-3 py-0.5 text-[13px] disabled:opacity-50 pointer-coarse:min-h-11';

/**
 * The "Sparkplug" view (issue 13): the host's groups, edge nodes and devices with their state,
 * and the selected one's metrics, live, with rebirth and writes. Lazy-loaded by App.
 */
export function SparkplugView() {
  const t = useT();
  return (
    <div className="grid h-full min-h-0 grid-cols-1 grid-rows-[minmax(200px,40%)_1fr] gap-2 p-2 md:grid-cols-[minmax(220px,280px)_1fr] xl:grid-cols-[minmax(280px,360px)_1fr] md:grid-rows-1">
      <section aria-label={t('Sparkplug nodes')} className="flex min-h-0 flex-col overflow-hidden rounded border border-hmi-border bg-hmi-panel">
        <h2 className="border-b border-hmi-border px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-hmi-muted">{t('Groups, edge nodes, devices')}</h2>
        <SparkplugTree />
      </section>
      <MetricsRegion />
    </div>
  );
}

function MetricsRegion() {
  const t = useT();
  const target = useSparkplugSelection();
  const entity = useSelectedEntity();
  const metrics = useSparkplugMetrics();
  const [filter, setFilter] = useState('');
  const [writing, setWriting] = useState<SparkplugMetricView | null>(null);
  const [rebirth, setRebirth] = useState<{ node: string; at: number } | null>(null);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? metrics.filter((m) => m.name.toLowerCase().includes(f)) : metrics;
  }, [metrics, filter]);
  // The dialog follows the live row (its current value, its datatype after a rebirth).
  const writingLive = writing ? (metrics.find((m) => m.name === writing.name) ?? writing) : null;

  return (
    <section role="region" aria-label={t('Metrics')} className="flex min-h-0 flex-col gap-2 overflow-hidden rounded border border-hmi-border bg-hmi-panel p-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-hmi-muted">{t('Metrics')}</h2>
        {target ? (
          <>
            <span className="font-mono text-[13px] font-semibold">{targetPath(target)}</span>
            <span className={`rounded border px-1 text-xs ${entity?.state === 'online' ? 'border-hmi-border' : 'border-stale text-stale'}`}>{stateWords(entity?.state ?? 'offline')}</span>
            <span className="text-xs text-hmi-muted">
              {t('born {birthAt}', { birthAt: shortTime(entity?.birthAt) })}
              {entity?.deathAt ? t(' · died {deathAt}', { deathAt: shortTime(entity.deathAt) }) : ''}
              {entity?.bdSeq !== undefined ? t(' · bdSeq {bdSeq}', { bdSeq: entity.bdSeq }) : ''}
            </span>
            {entity?.reason && <span className="text-xs">{t('Stale: {reason}', { reason: entity.reason })}</span>}
          </>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {target && metrics.length > 10 && (
            <input
              type="search"
              aria-label={t('Filter metrics')}
              placeholder={t('Filter metrics')}
              className="w-44 rounded border border-hmi-border bg-hmi-raised px-2 py-0.5 text-[13px]"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
          <button
            type="button"
            className={button}
            disabled={!target}
            title={t('Sends NCMD Node Control/Rebirth = true to the edge node')}
            onClick={() => {
              if (!target) return;
              requestRebirth(target);
              setRebirth({ node: `${target.group} / ${target.node}`, at: Date.now() });
            }}
          >
            {t('Request rebirth')}
          </button>
        </div>
      </div>
      {rebirth && (
        <p role="status" className="text-xs text-hmi-muted">
          {t('Rebirth requested from {node} at {at}.', { node: rebirth.node, at: shortTime(rebirth.at) })}
        </p>
      )}
      {target ? (
        <MetricsTable metrics={shown} onWrite={setWriting} />
      ) : (
        <p className="p-3 text-hmi-muted">{t('Select an edge node or a device in the tree to see its metrics.')}</p>
      )}
      {target && metrics.length > 0 && (
        <p className="text-xs text-hmi-muted">
          {shown.length === metrics.length ? t('{count, plural, one {# metric} other {# metrics}}', { count: metrics.length }) : t('{shown} of {count} metrics', { shown: shown.length, count: metrics.length })}
          {metrics.some((m) => m.stale) ? t(' · greyed rows are stale: last values kept after a death or an out-of-step message') : ''}
        </p>
      )}
      {writingLive && target && <WriteDialog target={target} metric={writingLive} onClose={() => setWriting(null)} />}
    </section>
  );
}
