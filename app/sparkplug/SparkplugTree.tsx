import { useMemo, useState, type KeyboardEvent } from 'react';
import { treeKeyAction } from '../lib/treeKeys';
import { selectSparkplug } from './sparkplugActions';
import { sparkplugTreeRows, stateWords, targetKey, type SparkplugTreeRow } from './sparkplugTree';
import { shortTime } from './formatSparkplug';
import { useSparkplugEntities, useSparkplugSelection } from './useSparkplug';
import { useT } from '../i18n/useT';

const rowId = (key: string) => `sp-node-${key.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;

/**
 * The tree "Sparkplug": group → edge node → device, with each node's and device's state in words
 * and its birth/death times. A WAI-ARIA tree like "Topics": arrows move (and select), Left/Right
 * collapse/expand, Enter selects. A plant has tens to hundreds of nodes, so it is not virtualized.
 */
export function SparkplugTree() {
  const t = useT();
  const entities = useSparkplugEntities();
  const selected = useSparkplugSelection();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => sparkplugTreeRows(entities, collapsed), [entities, collapsed]);
  const selectedKey = selected ? targetKey(selected) : null;
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const activeIndex = Math.max(0, rows.findIndex((r) => r.key === (activeKey ?? selectedKey)));
  const active = rows[activeIndex];

  const toggle = (row: SparkplugTreeRow, open: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (open) next.delete(row.key);
      else next.add(row.key);
      return next;
    });
  const choose = (row: SparkplugTreeRow | undefined) => {
    if (!row) return;
    setActiveKey(row.key);
    if (row.target) selectSparkplug(row.target);
  };
  // Click / Enter: a node or device shows its metrics; a group (no metrics of its own) opens or closes.
  const activate = (row: SparkplugTreeRow | undefined) => {
    choose(row);
    if (row && !row.target) toggle(row, !row.expanded);
  };
  const moveTo = (i: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
    choose(row);
    if (row) document.getElementById(rowId(row.key))?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const action = treeKeyAction(e.key, activeIndex, rows.length, active);
    if (!action) return;
    if (action.kind === 'move') moveTo(action.index);
    else if (action.kind === 'expand') toggle(active!, action.expanded);
    else if (action.kind === 'activate') activate(active);
    e.preventDefault();
  };

  return (
    <div
      role="tree"
      aria-label="Sparkplug"
      tabIndex={0}
      aria-activedescendant={active ? rowId(active.key) : undefined}
      onKeyDown={onKeyDown}
      className="min-h-0 flex-1 overflow-auto bg-hmi-raised py-1 text-[13px]"
    >
      {rows.map((row, i) => (
        <TreeRow
          key={row.key}
          row={row}
          active={i === activeIndex}
          selected={row.key === selectedKey}
          onSelect={() => activate(row)}
          onToggle={() => toggle(row, !row.expanded)}
        />
      ))}
      {rows.length === 0 && <p className="p-3 text-hmi-muted">{t('No Sparkplug B edge node seen yet. Nodes appear here when a connection receives their spBv1.0/ messages.')}</p>}
    </div>
  );
}

function TreeRow({ row, active, selected, onSelect, onToggle }: { row: SparkplugTreeRow; active: boolean; selected: boolean; onSelect(): void; onToggle(): void }) {
  const t = useT();
  const e = row.entity;
  // A node row without an entity of its own: its devices were seen, its NBIRTH was not.
  const state = row.kind === 'group' ? null : (e?.state ?? 'offline');
  const abnormal = state !== null && state !== 'online';
  return (
    <div
      id={rowId(row.key)}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={selected}
      onClick={onSelect}
      className={`flex min-h-[26px] cursor-default items-center gap-1 whitespace-nowrap pr-2 pointer-coarse:min-h-11 ${selected ? 'bg-hmi-select' : 'hover:bg-hmi-panel'} ${active ? 'outline-1 -outline-offset-1 outline-hmi-border' : ''} ${abnormal ? 'text-stale' : ''}`}
      style={{ paddingLeft: 4 + row.depth * 16 }}
    >
      <span
        aria-hidden="true"
        className="inline-block w-4 shrink-0 text-center text-hmi-muted"
        onClick={(ev) => {
          ev.stopPropagation();
          if (row.hasChildren) onToggle();
        }}
      >
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className={row.kind === 'group' ? 'font-semibold' : 'font-mono'}>{row.id}</span>
      {state !== null ? (
        <>
          {' '}
          <span className={`rounded border px-1 text-[11px] ${abnormal ? 'border-stale' : 'border-hmi-border text-hmi-muted'}`}>{stateWords(state)}</span>
          {e?.reason ? (
            <span className="truncate text-[11px]" title={e.reason}>
              {' '}
              ({e.reason})
            </span>
          ) : null}
          <span className="ml-auto shrink-0 pl-2 text-[11px] text-hmi-muted">
            {' '}
            {lifeText(e)}
          </span>
        </>
      ) : (
        <span className="ml-auto shrink-0 pl-2 text-[11px] text-hmi-muted"> {t('{nodes, plural, one {# edge node} other {# edge nodes}}', { nodes: row.nodes })}</span>
      )}
    </div>
  );
}

/** The latest of birth and death: a death in the same millisecond as the birth still wins. */
function lifeText(e: SparkplugTreeRow['entity']): string {
  if (e?.deathAt != null && (e.birthAt === null || e.deathAt >= e.birthAt)) return `died ${shortTime(e.deathAt)}`;
  return e?.birthAt != null ? `born ${shortTime(e.birthAt)}` : 'no birth seen';
}
