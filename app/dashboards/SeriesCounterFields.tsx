import type { SeriesRow } from './widgetForm';
import { useT } from '../i18n/useT';

const input = 'w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1';

/**
 * A series row's counter fields (issue 15): Transform (rate per second, or increase per
 * interval, both surviving counter resets), Interval for increase (local time: 1h, 8h shifts,
 * 1d), and Aggregate across the topics a wildcard filter matches.
 */
export function SeriesCounterFields({ row, index, onChange }: { row: SeriesRow; index: number; onChange(patch: Partial<SeriesRow>): void }) {
  const t = useT();
  return (
    <>
      <label className="grid gap-0.5 text-[13px]">
        {t('Transform')}
        <select className={input} value={row.transform} onChange={(e) => onChange({ transform: e.target.value as SeriesRow['transform'] })}>
          <option value="">{t('None (the value as sent)')}</option>
          <option value="rate">{t('Rate per second (counter)')}</option>
          <option value="increase">{t('Increase per interval (counter)')}</option>
        </select>
      </label>
      {row.transform === 'increase' ? (
        <label className="grid gap-0.5 text-[13px]">
          {t('Interval')}
          <input className={`${input} font-mono`} list={`sg-intervals-${index}`} value={row.interval} placeholder="1h" onChange={(e) => onChange({ interval: e.target.value })} />
          <datalist id={`sg-intervals-${index}`}>
            {['15m', '1h', '8h', '1d', '1w'].map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </label>
      ) : (
        <span />
      )}
      <label className="grid gap-0.5 text-[13px]">
        {t('Aggregate')}
        <select className={input} value={row.aggregate} onChange={(e) => onChange({ aggregate: e.target.value as SeriesRow['aggregate'] })}>
          <option value="">{t('None (one topic)')}</option>
          <option value="sum">{t('Sum over the topics matched')}</option>
          <option value="avg">{t('Average over the topics matched')}</option>
          <option value="min">{t('Minimum over the topics matched')}</option>
          <option value="max">{t('Maximum over the topics matched')}</option>
        </select>
      </label>
    </>
  );
}
