import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TreeRow } from '../../src/engine/protocol';
import { expandTreeNode, filterTree, selectTreeNode, showTreeRows } from '../actions/treeActions';
import { treeKeyAction } from '../lib/treeKeys';
import { useSelectedTopicId, useTreeSnapshot } from '../hooks/useEngine';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useNow } from '../hooks/useSeries';
import { useT } from '../i18n/useT';
import { cachedRect } from '../topics/cachedRect';

/** Rows are 26 px with a mouse, 44 px on touch screens (ISA-101 / tablet touch targets). */
const ROW_HEIGHT_FINE = 26;
const ROW_HEIGHT_COARSE = 44;
const OVERSCAN = 20;
/** A topic counts as active (dot shown) this long after its last message. */
const ACTIVE_MS = 1500;
/** Wait this long after the last keystroke before filtering (1 M topics filter in tens of ms). */
const FILTER_DEBOUNCE_MS = 60;
/** Until the tree has been shown once: about a laptop screen's tree area. */
const TREE_RECT = { width: 600, height: 700 };

/**
 * The live topic tree: a WAI-ARIA tree, virtualized. The engine keeps the whole tree; this
 * component asks for the rows in view and renders only those.
 */
export function TopicTree() {
  const t = useT();
  const tree = useTreeSnapshot();
  const rowHeight = useMediaQuery('(pointer: coarse)') ? ROW_HEIGHT_COARSE : ROW_HEIGHT_FINE;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Keyboard focus and selection follow the topic (node id), not the row position: rows move
  // when topics arrive above, are removed or filtered (issue 16 #1). `index` is where the focused
  // row was last seen, used while its row is outside the window the engine sent.
  const [focus, setFocus] = useState<{ readonly id: number | null; readonly index: number }>({ id: null, index: 0 });
  const shownId = useSelectedTopicId();
  // A clicked row shows as selected at once, before the engine's detail for it comes back.
  const [picked, setPicked] = useState<number | undefined>(undefined);
  useEffect(() => setPicked(undefined), [shownId]);
  const selectedId = picked ?? shownId;
  const [filter, setFilter] = useState('');
  const rowAt = (i: number): TreeRow | undefined => tree.rows[i - tree.start];
  // Activity dots go out when updates stop, even if no new snapshot arrives.
  const now = useNow();

  const virtualizer = useVirtualizer({
    count: tree.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // The first render already has the rows in view, with no layout forced in the commit.
    ...cachedRect('topic-tree', TREE_RECT),
  });
  // Switching between mouse and touch changes the row height: re-measure.
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // Ask the engine for the rows in view (plus a margin) whenever the view moves.
  const windowStart = Math.max(0, first - OVERSCAN);
  const windowCount = last - first + 1 + OVERSCAN * 2;
  useEffect(() => {
    showTreeRows(windowStart, Math.max(windowCount, 60));
  }, [windowStart, windowCount]);

  useEffect(() => {
    const t = setTimeout(() => filterTree(filter), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [filter]);

  useEffect(() => {
    if (tree.revealIndex !== undefined) {
      // The row may not be in this window yet: focus adopts it by index once it arrives.
      setFocus({ id: null, index: tree.revealIndex });
      virtualizer.scrollToIndex(tree.revealIndex, { align: 'center' });
    }
  }, [tree.revealIndex, virtualizer]);

  const seenAt = focus.id === null ? -1 : tree.rows.findIndex((r) => r.id === focus.id);
  const activeIndex = Math.min(seenAt >= 0 ? tree.start + seenAt : focus.index, Math.max(0, tree.total - 1));
  const activeRow = rowAt(activeIndex);
  // Remember where the focused topic is now; adopt the row at the index when focus has no topic yet.
  useEffect(() => {
    if (seenAt >= 0 && tree.start + seenAt !== focus.index) setFocus({ id: focus.id, index: tree.start + seenAt });
    else if (focus.id === null && activeRow) setFocus({ id: activeRow.id, index: activeIndex });
  }, [seenAt, tree.start, focus, activeRow, activeIndex]);

  const pick = (id: number) => {
    setPicked(id);
    selectTreeNode(id);
  };
  const moveTo = (i: number, select = true) => {
    const index = Math.max(0, Math.min(tree.total - 1, i));
    const row = rowAt(index);
    setFocus({ id: row?.id ?? null, index });
    virtualizer.scrollToIndex(index);
    if (select && row) pick(row.id);
  };
  const expand = (row: TreeRow, expanded: boolean) => expandTreeNode(row.id, expanded);
  // Rows re-render only when their own data changes, so their handlers must not change identity.
  // A click or tap on a row with children also opens it: the caret alone is too small a target on
  // a tablet (issue 16). It only opens; closing stays on the caret and ArrowLeft.
  const click = (index: number) => {
    const row = rowAt(index);
    moveTo(index);
    if (row?.hasChildren && !row.expanded) expand(row, true);
  };
  const latest = useRef({ click, expand });
  latest.current = { click, expand };
  const onSelectRow = useCallback((index: number) => latest.current.click(index), []);
  const onToggleRow = useCallback((row: TreeRow) => latest.current.expand(row, !row.expanded), []);

  const onKeyDown = (e: KeyboardEvent) => {
    const row = activeRow;
    const action = treeKeyAction(e.key, activeIndex, tree.total, row);
    if (!action) return;
    if (action.kind === 'move') moveTo(action.index);
    else if (action.kind === 'expand') expand(row!, action.expanded);
    else if (action.kind === 'activate' && row) pick(row.id);
    e.preventDefault();
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <label className="flex items-center gap-2 px-2 py-1.5">
        <span className="sr-only">{t('Filter topics')}</span>
        <input
          type="text"
          aria-label={t('Filter topics')}
          placeholder={t('Filter topics (text, or MQTT filter with + and #)')}
          className="w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </label>
      <div
        ref={scrollRef}
        role="tree"
        aria-label={t('Topics')}
        tabIndex={0}
        aria-activedescendant={activeRow ? `topic-node-${activeRow.id}` : undefined}
        onKeyDown={onKeyDown}
        className="group relative min-h-0 flex-1 overflow-auto bg-hmi-raised font-mono text-[13px] focus-visible:outline-none"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            if (!row) {
              const style = { transform: `translateY(${item.start}px)`, height: rowHeight };
              return <div key={`p${item.index}`} className="absolute left-0 right-0 top-0 px-2 text-hmi-muted" style={style}>…</div>;
            }
            return (
              <TreeItem
                key={row.id}
                row={row}
                index={item.index}
                top={item.start}
                height={rowHeight}
                active={item.index === activeIndex}
                selected={row.id === selectedId}
                recent={row.lastAt !== undefined && now - row.lastAt < ACTIVE_MS}
                onSelect={onSelectRow}
                onToggle={onToggleRow}
              />
            );
          })}
        </div>
        {tree.total === 0 && <p className="p-3 text-hmi-muted">{t('No connection yet. Connect to a broker to see its topics.')}</p>}
      </div>
    </div>
  );
}

interface ItemProps {
  row: TreeRow;
  index: number;
  top: number;
  height: number;
  /** Keyboard focus (aria-activedescendant). */
  active: boolean;
  /** The topic the Message region shows. */
  selected: boolean;
  /** A message arrived on this topic within the last ACTIVE_MS. */
  recent: boolean;
  onSelect(index: number): void;
  onToggle(row: TreeRow): void;
}

/** Every 10th of a second the engine sends fresh row objects: compare what is drawn, not identity. */
function sameItem(a: ItemProps, b: ItemProps): boolean {
  const r = a.row;
  const s = b.row;
  return a.index === b.index && a.top === b.top && a.height === b.height && a.active === b.active && a.selected === b.selected && a.recent === b.recent
    && a.onSelect === b.onSelect && a.onToggle === b.onToggle
    && r.id === s.id && r.name === s.name && r.depth === s.depth && r.count === s.count && r.topics === s.topics
    && r.expanded === s.expanded && r.hasChildren === s.hasChildren && r.preview === s.preview
    && r.retained === s.retained && r.stale === s.stale && r.parentIndex === s.parentIndex;
}

const TreeItem = memo(function TreeItem({ row, index, top, height, active, selected, recent, onSelect, onToggle }: ItemProps) {
  const t = useT();
  const isRoot = row.depth === 0;
  return (
    <div
      id={`topic-node-${row.id}`}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={selected}
      onClick={() => onSelect(index)}
      className={`sg-row absolute left-0 right-0 top-0 flex cursor-default items-center gap-1 whitespace-nowrap pr-2 ${selected ? 'bg-hmi-select' : 'hover:bg-hmi-panel'} ${active ? 'group-focus-visible:outline group-focus-visible:outline-2 group-focus-visible:-outline-offset-2 group-focus-visible:outline-hmi-text' : ''} ${row.stale ? 'text-stale' : ''}`}
      style={{ transform: `translateY(${top}px)`, height, paddingLeft: 4 + row.depth * 14 }}
    >
      <span
        aria-hidden="true"
        className="inline-block w-4 shrink-0 text-center text-hmi-muted"
        onClick={(e) => {
          e.stopPropagation();
          if (row.hasChildren) onToggle(row);
        }}
      >
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className={isRoot ? 'font-semibold font-sans' : ''}>{row.name === '' ? '∅' : row.name}</span>
      {/* A still dot, not a flash: an animation per updating row cost half the main thread under load. */}
      <span aria-hidden="true" title={recent ? t('Updated in the last second') : undefined} className={`ml-0.5 inline-block h-2 w-2 shrink-0 rounded-full ${recent ? 'bg-hmi-muted' : ''}`} />
      {row.retained && <span className="rounded border border-hmi-border px-1 text-[10px] text-hmi-muted" title={t('Retained')}>{t('R')}</span>}
      {row.preview !== undefined && <span className="truncate text-hmi-muted">= {row.preview}</span>}
      <span className="ml-auto shrink-0 pl-2 text-[11px] text-hmi-muted" title={t('{topics} topics, {count} messages', { topics: row.topics, count: row.count })}>
        {row.hasChildren ? t('{topics} topics · ', { topics: row.topics }) : ''}
        {t('{count} msgs', { count: row.count })}{row.stale ? t(' · stale') : ''}
      </span>
    </div>
  );
}, sameItem);
