import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { RowView } from '../../../src/rows';
import { resolveConnection } from '../../../src/series';
import { formatDuration } from '../../../src/format';
import { PRIORITY_BORDER, PRIORITY_TEXT } from '../../alarms/priorityStyle';
import { useNow } from '../../hooks/useSeries';
import { useSite } from '../../hooks/useSite';
import { useRows } from '../../rows/useRows';
import { DEFAULT_STALE_AFTER_MS } from '../common/stale';
import type { WidgetProps } from '../types';
import { openRow } from './tableActions';
import { abnormalBand, cellText, columnHeader, filterRows, keyRanks, sortRows } from './tableRows';
import type { SortBy, SortState } from './types';
import { useRowAlarms } from './useRowAlarms';
import { useT } from '../../i18n/useT';

const ROW_PX = 28;
/** A 5 000-row table re-sorts and re-renders at most this often, not on every frame. */
const THROTTLE_MS = 250;

/**
 * Table: a row per topic matching `rows.topic`, a cell per column (ui-contract.md "Fleets, energy
 * and remote sites"). Virtualized: only the rows in view are in the DOM. Sortable by any column,
 * filtered by text, with "Last seen", a stale look per row and abnormal cells (alarms, bands).
 */
function Table({ widget, instanceId }: WidgetProps) {
  const t = useT();
  const connections = useSite((s) => s.config.connections);
  const columns = useMemo(() => widget.columns ?? [], [widget.columns]);
  const spec = useMemo(
    () => (widget.rows ? { connection: resolveConnection({ connections }, widget.rows.connection), topic: widget.rows.topic, paths: columns.map((c) => c.path ?? '') } : null),
    [connections, widget.rows, columns],
  );
  const snap = useRows(instanceId, spec, THROTTLE_MS);
  const [sort, setSort] = useState<SortState>({ by: { kind: 'key' }, dir: 'ascending' });
  const [filter, setFilter] = useState('');
  const now = useNow();
  const alarms = useRowAlarms(columns);
  const ranks = useRef<Map<string, number>>(new Map());
  const rows = useMemo(
    () => {
      const all = [...snap.rows.values()];
      // Name order changes only when rows come or go: rank them again then, not on every update.
      if (ranks.current.size !== all.length || all.some((r) => !ranks.current.has(r.topic))) ranks.current = keyRanks(all);
      return sortRows(filterRows(all, filter, columns), sort, ranks.current);
    },
    // The map is patched in place: `version` says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [snap.version, filter, sort, columns],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const staleAfter = widget.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const title = widget.title || widget.id;
  const link = widget.link ?? columns.find((c) => c.link)?.link;

  const header = (label: string, by: SortBy) => {
    const active = sameSort(sort.by, by);
    const next = active && sort.dir === 'ascending' ? 'descending' : 'ascending';
    return (
      <th scope="col" aria-sort={active ? sort.dir : 'none'} className="sticky top-0 z-10 bg-hmi-panel p-0 text-left font-semibold">
        <button type="button" className="flex w-full items-center gap-1 px-2 py-1 text-left" onClick={() => setSort({ by, dir: next })}>
          {label}
          <span aria-hidden="true" className="text-hmi-muted">{active ? (sort.dir === 'ascending' ? '▲' : '▼') : ''}</span>
        </button>
      </th>
    );
  };
  const open = (row: RowView) => openRow(row, link);
  const onKey = (e: KeyboardEvent, row: RowView) => {
    if (e.key === 'Enter') open(row);
  };

  return (
    <div className="flex h-full min-h-0 flex-col gap-1">
      <div className="flex items-center gap-2 text-[13px]">
        <input type="search" aria-label={t('Filter rows')} placeholder={t('Filter rows')} value={filter} onChange={(e) => setFilter(e.target.value)} className="min-w-0 flex-1 rounded border border-hmi-border bg-hmi-raised px-2 py-0.5" />
        <span className="shrink-0 text-hmi-muted" aria-live="off">
          {filter ? t('{shown} of {count} rows', { shown: rows.length, count: snap.rows.size }) : t('{count} rows', { count: snap.rows.size })}{snap.dropped ? t(' ({dropped} not shown: row limit)', { dropped: snap.dropped }) : ''}
        </span>
      </div>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
        <table aria-label={title} aria-rowcount={rows.length + 1} className="w-full border-collapse text-[13px] tabular-nums">
          <thead>
            <tr aria-rowindex={1} className="border-b border-hmi-border">
              {header('Name', { kind: 'key' })}
              {columns.map((c, i) => <Fragment key={i}>{header(columnHeader(c), { kind: 'column', index: i })}</Fragment>)}
              {header('Last seen', { kind: 'lastSeen' })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {items.map((item) => {
              const row = rows[item.index];
              const stale = staleAfter > 0 && now - row.lastSeen > staleAfter;
              const rowAlarms = alarms.get(row.topic);
              return (
                <tr
                  key={row.topic}
                  aria-rowindex={item.index + 2}
                  tabIndex={0}
                  data-stale={stale || undefined}
                  title={link ? t('Open {dashboard} for {key}', { dashboard: link.dashboard, key: row.key }) : t('Open {topic} in Topics', { topic: row.topic })}
                  onClick={() => open(row)}
                  onKeyDown={(e) => onKey(e, row)}
                  style={{ height: ROW_PX }}
                  className={`cursor-pointer border-b border-hmi-border/50 hover:bg-hmi-select focus:bg-hmi-select ${stale ? 'italic text-stale' : ''}`}
                >
                  <th scope="row" className="px-2 text-left font-normal">
                    {row.key}
                    {stale && <span className="sr-only"> {' '}{t('(stale)')}</span>}
                  </th>
                  {columns.map((c, i) => {
                    const priority = rowAlarms?.byPath.get(c.path ?? '') ?? abnormalBand(c.bands, row.values[i]);
                    return (
                      <td key={i} className={`px-2 font-mono ${priority ? `border-l-4 font-semibold ${PRIORITY_BORDER[priority]}` : ''}`}>
                        {cellText(row.values[i], c)}
                        {priority && <span className="sr-only"> {' '}{t('({priority} alarm)', { priority: t(PRIORITY_TEXT[priority]) })}</span>}
                      </td>
                    );
                  })}
                  <td className="px-2 text-hmi-muted">{formatDuration(Math.max(0, now - row.lastSeen))}</td>
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
        {snap.version > 0 && snap.rows.size === 0 && <p className="p-2 text-hmi-muted">{t('No topic matches {topic} yet.', { topic: widget.rows?.topic })}</p>}
        {!widget.rows && <p className="p-2 text-hmi-muted">{t('Set a rows topic (e.g. fleet/+/status) in the widget\'s settings.')}</p>}
      </div>
    </div>
  );
}

const sameSort = (a: SortBy, b: SortBy) => a.kind === b.kind && (a.kind !== 'column' || (b.kind === 'column' && a.index === b.index));

export default memo(Table);
