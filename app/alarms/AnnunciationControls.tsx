import { disableSound, enableNotifications, enableSound, silence, useAnnunciation } from './annunciation';
import { useAlarmSummary } from './useAlarms';
import { useT } from '../i18n/useT';

const button = 'rounded border border-hmi-border bg-hmi-raised px-2 py-0.5 text-xs';

/** Sound and notification switches; both need the operator's action first (autoplay, permission). */
export function AnnunciationControls() {
  const t = useT();
  const { soundEnabled, silencedSeq, notifications } = useAnnunciation();
  const summary = useAlarmSummary();
  const seq = summary?.annunciationSeq ?? 0;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      {soundEnabled ? (
        <>
          <span>{t('Sound on')}</span>
          <button type="button" className={button} disabled={seq <= silencedSeq} onClick={() => silence(seq)}>
            {t('Silence')}
          </button>
          <button type="button" className={button} onClick={disableSound}>
            {t('Turn sound off')}
          </button>
        </>
      ) : (
        <button type="button" className={button} onClick={() => void enableSound()}>
          {t('Enable sound')}
        </button>
      )}
      {notifications === 'default' && (
        <button type="button" className={button} onClick={() => void enableNotifications()}>
          {t('Enable notifications')}
        </button>
      )}
      {notifications === 'granted' && <span>{t('Notifications on while this tab is hidden')}</span>}
      {notifications === 'denied' && <span>{t('Notifications blocked in the browser settings')}</span>}
    </div>
  );
}
