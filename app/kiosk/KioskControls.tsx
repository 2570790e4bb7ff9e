import { enterKiosk, exitKiosk } from './kioskActions';
import { KioskConnectionStatus } from './KioskConnectionStatus';
import { useKiosk, useWakeLockStatus } from './useKiosk';
import { msg } from '../i18n/i18n';
import { useT } from '../i18n/useT';

const button = 'rounded border border-[#6b7278] px-2 py-0.5 text-xs text-[#e8e9ea] hover:bg-[#4a5056]';

const WAKE_TEXT = {
  held: msg('Screen kept on'),
  released: msg('Screen may sleep'),
  refused: msg('Screen may sleep (wake lock refused)'),
  unsupported: msg('Screen may sleep (no wake lock in this browser)'),
} as const;

/** Header: "Kiosk mode" outside it; inside, the connection status, the wake lock and the way out. */
export function KioskControls() {
  const t = useT();
  const kiosk = useKiosk();
  const wake = useWakeLockStatus();
  if (!kiosk) {
    return (
      <button type="button" className={button} onClick={enterKiosk} title={t('Fullscreen, no editing, dashboards rotate, screen kept on')}>
        {t('Kiosk mode')}
      </button>
    );
  }
  return (
    <>
      <KioskConnectionStatus />
      <span aria-label={t('Screen wake lock')} className="text-xs text-[#d6d8da]">
        {t(WAKE_TEXT[wake])}
      </span>
      <button type="button" className={button} onClick={exitKiosk} data-kiosk-exit>
        {t('Exit kiosk mode')}
      </button>
    </>
  );
}
