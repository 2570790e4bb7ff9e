import type { WakeLockStatus } from './WakeLockKeeper';
import { withKioskParams } from './kioskParams';
import { useKioskStore } from './kioskStore';

/** Fullscreen needs a user gesture: call this from a click/tap handler, before any await. */
export function requestFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  // Refused without a gesture, on iPad (only video elements) or by policy: kiosk runs without it.
  root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}

/** Puts kiosk mode in the URL (so a reload, or a crash-restarted browser, comes back to it) and the store. */
function setKioskActive(active: boolean): void {
  const next = { active, rotateSeconds: useKioskStore.getState().rotateSeconds };
  window.history.replaceState(window.history.state, '', withKioskParams(window.location.href, next));
  useKioskStore.setState(next);
}

/** The "Kiosk mode" button: the URL gets `?kiosk=1`. */
export function enterKiosk(): void {
  requestFullscreen();
  setKioskActive(true);
}

export function exitKiosk(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  setKioskActive(false);
}

export function setWakeLockStatus(wakeLock: WakeLockStatus): void {
  useKioskStore.setState({ wakeLock });
}
