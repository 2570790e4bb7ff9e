import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, useState } from 'react';
import { filterMarkers, formatCoord } from './markers';
import { PRIORITY_MARK } from './markerStyle';
import type { MarkerView } from './types';
import { useT } from '../../i18n/useT';

const ROW_PX = 22;

/**
 * The map's markers as text (ui-contract: each marker's id with its latitude and longitude), one
 * button per marker for keyboard users. Virtualized, so 2 000 markers cost the rows in view; the
 * "Find marker" box brings any id into view (every id stays findable).
 */
function MarkerList({ markers, withoutPosition, selected, onSelect }: { markers: readonly MarkerView[]; withoutPosition: number; selected: string | null; onSelect(id: string): void }) {
  const t = useT();
  const [find, setFind] = useState('');
  const shown = filterMarkers(markers, find);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 10 });
  return (
    <div className="flex min-h-0 flex-col gap-1 text-[13px]">
      <div className="flex items-center gap-2">
        <input aria-label={t('Find marker')} value={find} onChange={(e) => setFind(e.target.value)} placeholder={t('Find marker')} className="w-32 rounded border border-hmi-border bg-hmi-raised px-1 py-0.5" />
        <span role="status" className="text-hmi-muted">
          {t('{count, plural, one {# marker} other {# markers}}', { count: markers.length })}
          {find.trim() && t(' ({length} shown)', { length: shown.length })}
          {withoutPosition > 0 && t(', {withoutPosition} without position', { withoutPosition })}
        </span>
      </div>
      <div ref={scrollRef} className="max-h-24 min-h-0 overflow-auto">
        <ul aria-label={t('Markers')} className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const m = shown[item.index];
            return (
              <li key={m.id} className="absolute left-0 right-0" style={{ top: item.start, height: ROW_PX }}>
                <button
                  type="button"
                  aria-pressed={selected === m.id}
                  onClick={() => onSelect(m.id)}
                  className={`flex w-full items-center gap-1 rounded px-1 text-left font-mono tabular-nums ${selected === m.id ? 'bg-hmi-select' : ''}`}
                >
                  <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 shrink-0 ${m.priority ? PRIORITY_MARK[m.priority] : 'rounded-full bg-stale'}`} />
                  <span className="truncate">{`${m.id} ${formatCoord(m.lat)}, ${formatCoord(m.lon)}`}</span>
                  {m.priority && <span className="font-sans text-xs">({m.priority})</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

export default memo(MarkerList);
