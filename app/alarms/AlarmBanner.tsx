import { useEffect } from 'react';
import { PRIORITIES, type Priority } from '../../src/alarms';
import { enableSound, silence, useAnnunciation } from './annunciation';
import { AnnunciationRunner } from './AnnunciationRunner';
import { PRIORITY_BORDER, PRIORITY_TEXT } from './priorityStyle';
import { PriorityShape } from './PriorityShape';
import { useAlarmSummary } from './useAlarms';
import { warmUpAlarmText } from './warmUp';
import { useT } from '../i18n/useT';

/**
 * The alarm banner under the header, on every page. It exists (role alert) while any alarm is
 * unacknowledged, and only then (ui-contract.md "Alarms"); clicking it opens the alarm page.
 */
export function AlarmBanner() {
  const t = useT();
  const summary = useAlarmSummary();
  const { soundEnabled, silencedSeq } = useAnnunciation();
  const counts = summary?.unacknowledged;
  const total = counts ? PRIORITIES.reduce((n, p) => n + counts[p], 0) : 0;
  const top: Priority | undefined = counts && PRIORITIES.find((p) => counts[p] > 0);
  const sounding = soundEnabled && summary && summary.annunciationSeq > silencedSeq;
  useEffect(warmUpAlarmText, []);

  return (
    <>
      <AnnunciationRunner />
      {summary && counts && total > 0 && top && (
        <div
          role="alert"
          aria-label={t('Unacknowledged alarms')}
          className={`flex flex-wrap items-center gap-3 border-b border-l-8 border-hmi-border bg-hmi-raised px-3 py-1.5 text-[13px] ${PRIORITY_BORDER[top]}`}
        >
          <a href="#/alarms" className="flex flex-1 flex-wrap items-center gap-3 font-semibold text-hmi-text no-underline hover:underline">
            <span>
              {t('{total, plural, one {# unacknowledged alarm} other {# unacknowledged alarms}}', { total })}
            </span>
            {PRIORITIES.filter((p) => counts[p] > 0).map((p) => (
              <span key={p} className="inline-flex items-center gap-1 rounded border border-hmi-border bg-hmi-panel px-1.5 font-normal">
                <PriorityShape priority={p} blink />
                {counts[p]} {t(PRIORITY_TEXT[p]).toLowerCase()}
              </span>
            ))}
            {summary.flood && (
              <span className="rounded border border-hmi-text px-1.5 font-semibold">
                {t('Alarm flood: {recentAnnunciations} in 10 min', { recentAnnunciations: summary.recentAnnunciations })}
              </span>
            )}
            <span className="font-normal text-hmi-muted">{t('Open alarms →')}</span>
          </a>
          {sounding ? (
            <button type="button" className="rounded border border-hmi-text bg-hmi-panel px-3 py-0.5 font-semibold" onClick={() => silence(summary.annunciationSeq)}>
              {t('Silence')}
            </button>
          ) : (
            !soundEnabled && (
              <button type="button" className="rounded border border-hmi-border bg-hmi-panel px-2 py-0.5 text-xs" onClick={() => void enableSound()}>
                {t('Enable sound')}
              </button>
            )
          )}
        </div>
      )}
    </>
  );
}
