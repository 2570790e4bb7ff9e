import { formatDuration } from '../../../src/format';
import { useNow } from '../../hooks/useSeries';
import { formatCoord } from './markers';
import type { MarkerView } from './types';
import { useT } from '../../i18n/useT';
import { formatClock } from '../../lib/formatLocale';

const text = (v: number | string | null) => (v === null ? '—' : String(v));

/** What a click (or Enter on a listed marker) shows: id, position, the other fields, last seen. */
export function MarkerDetails({ marker, onClose }: { marker: MarkerView; onClose(): void }) {
  const t = useT();
  const now = useNow();
  return (
    <section aria-label={t('Marker details')} className="absolute right-1 top-1 z-[1000] max-w-[60%] rounded border border-hmi-border bg-hmi-raised p-2 text-[13px] shadow">
      <div className="mb-1 flex items-center gap-2">
        <h3 className="truncate font-semibold">{marker.id}</h3>
        {marker.priority && <span className="text-xs">({marker.priority})</span>}
        <button type="button" aria-label={t('Close details')} className="ml-auto rounded border border-hmi-border px-1" onClick={onClose}>
          ×
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 font-mono tabular-nums">
        <dt className="font-sans text-hmi-muted">{t('Latitude')}</dt>
        <dd>{formatCoord(marker.lat)}</dd>
        <dt className="font-sans text-hmi-muted">{t('Longitude')}</dt>
        <dd>{formatCoord(marker.lon)}</dd>
        {marker.fields.map((f) => (
          <div key={f.path} className="contents">
            <dt className="font-sans text-hmi-muted">{f.path}</dt>
            <dd className="truncate">{text(f.value)}</dd>
          </div>
        ))}
        <dt className="font-sans text-hmi-muted">{t('Last seen')}</dt>
        <dd>{t('{time} ({age} ago)', { time: formatClock(marker.lastSeen), age: formatDuration(Math.max(0, now - marker.lastSeen)) })}</dd>
        <dt className="font-sans text-hmi-muted">{t('Topic')}</dt>
        <dd className="truncate">{marker.topic}</dd>
      </dl>
    </section>
  );
}
