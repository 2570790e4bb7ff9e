import { useHealth, useStats } from '../hooks/useEngine';
import { useSelectedConnection } from '../hooks/useSite';
import { formatBytes, formatRate } from '../lib/format';
import { useT } from '../i18n/useT';
import { formatNumber } from '../lib/formatLocale';

/** What the subscriptions cost: rates in and out, per subscription filter, and which topics flood the link. */
export function TrafficPanel() {
  const t = useT();
  const connection = useSelectedConnection();
  const stats = useStats(connection?.id ?? null);
  const health = useHealth();
  if (!stats) return null;
  const dropped = health ? health.droppedHistory + health.droppedTopics : 0;
  return (
    <section aria-label={t('Traffic')} className="rounded border border-hmi-border bg-hmi-panel p-3 text-[13px]">
      <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-hmi-muted">{t('Traffic')}</h2>
      <dl className="grid grid-cols-[auto_1fr_auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="text-hmi-muted">{t('In')}</dt>
        <dd>
          {t('{msgsInPerSec} msgs/s · {bytesInPerSec}/s', { msgsInPerSec: formatRate(stats.msgsInPerSec), bytesInPerSec: formatBytes(stats.bytesInPerSec) })}
        </dd>
        <dt className="text-hmi-muted">{t('Out')}</dt>
        <dd>
          {t('{msgsOutPerSec} msgs/s · {bytesOutPerSec}/s', { msgsOutPerSec: formatRate(stats.msgsOutPerSec), bytesOutPerSec: formatBytes(stats.bytesOutPerSec) })}
        </dd>
        <dt className="text-hmi-muted">{t('Topics')}</dt>
        <dd>{formatNumber(stats.topics)}</dd>
        <dt className="text-hmi-muted">{t('Received')}</dt>
        <dd>{formatNumber(stats.totalIn)}</dd>
        {health && dropped > 0 && (
          <>
            <dt className="text-hmi-muted">{t('Dropped')}</dt>
            <dd className="col-span-3">
              {t('{droppedHistory} history entries (memory cap), {droppedTopics} new topics (topic cap)', { droppedHistory: formatNumber(health.droppedHistory), droppedTopics: formatNumber(health.droppedTopics) })}
            </dd>
          </>
        )}
      </dl>
      {health?.shedding && (
        <p role="status" aria-label={t('Load shedding')} className="mt-1 rounded bg-alarm-medium px-2 py-1 font-semibold text-hmi-text">
          {health.shedding.mode === 'all'
            ? t('Shedding load: message history paused for all topics ({reason}). Live values, charts and alarms are not affected; history resumes when the engine has kept up for 10 s.', { reason: health.shedding.reason })
            : t('Shedding load: message history paused for the {topics} busiest topics ({reason}). Live values, charts and alarms are not affected; history resumes when the engine has kept up for 10 s.', { topics: formatNumber(health.shedding.topics), reason: health.shedding.reason })}
        </p>
      )}
      {stats.filters && stats.filters.length > 0 && (
        <table aria-label={t('Cost per subscription')} className="mt-1 w-full font-mono text-[12px]">
          <caption className="text-left font-sans text-xs text-hmi-muted">{t('Cost per subscription')}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{t('Filter')}</th>
              <th scope="col">msgs/s</th>
              <th scope="col">bytes/s</th>
            </tr>
          </thead>
          <tbody>
            {stats.filters.map((f) => (
              <tr key={f.filter}>
                <th scope="row" className="max-w-0 truncate text-left font-normal">{f.filter}</th>
                <td className="w-20 text-right">{formatRate(f.msgsPerSec)}/s</td>
                <td className="w-20 text-right">{formatBytes(f.bytesPerSec)}/s</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stats.busiest.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-hmi-muted">{t('Busiest topics')}</summary>
          <ol aria-label={t('Busiest topics')} className="mt-1 font-mono text-[12px]">
            {stats.busiest.map((b) => (
              <li key={b.topic} className="flex gap-2">
                <span className="min-w-0 flex-1 truncate">{b.topic}</span>
                <span>{formatRate(b.rate)}/s</span>
                <span className="w-20 text-right">{formatBytes(b.bytesRate)}/s</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
