import { enterKiosk, exitKiosk } from './kioskActions';
import { KioskConnectionStatus } from './KioskConnectionStatus';
import { useKiosk, useWakeLockStatus } from './useKiosk';

const button = 'rounded border border-[#6b7278] px-2 py-0.5 text-xs text-[#e8e9ea] hover:bg-[#4a5056]';

const WAKE_TEXT = {
  held: 'Screen kept on',
  released: 'Screen may sleep',
  refused: 'Screen may sleep (wake lock refused)',
  unsupported: 'Screen may sleep (no wake lock in this browser)',
} as const;

/** Header: "Kiosk mode" outside it; inside, the connection status, the wake lock and the way out. */
export function KioskControls() {
  const kiosk = useKiosk();
  const wake = useWakeLockStatus();
  if (!kiosk) {
    return (
      <button type="button" className={button} onClick={enterKiosk} title="Fullscreen, no editing, dashboards rotate, screen kept on">
        Kiosk mode
      </button>
    );
  }
  return (
    <>
      <KioskConnectionStatus />
      <span aria-label="Screen wake lock" className="text-xs text-[#d6d8da]">
        {WAKE_TEXT[wake]}
      </span>
      <button type="button" className={button} onClick={exitKiosk} data-kiosk-exit>
        Exit kiosk mode
      </button>
    </>
  );
}
